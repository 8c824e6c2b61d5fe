package studio.audit;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What an audit checkpoint says, as the text of a c2sp.org/tlog-checkpoint signed note:
 * <pre>
 * studio.example/audit                                          origin: names this trail
 * 1042                                                          size: the chain's seq (how many rows it covers)
 * q1bY5gLFRzS8nD0oHbO0fXjVZkCkTnGdCjzZ5Aj3n9M=                    the chain's head (row 1042's hash), base64
 * previous-checkpoint 8nJ0Xo0b0sWzQ0fYx6VfZyYB7fWfrPjzN2eh6vTH1pA=  SHA-256 of the previous checkpoint's signed text
 * </pre>
 * The third line is the head of Studio's hash chain (64 zero hex digits before the first row), not the RFC 6962
 * Merkle root a transparency log puts there: the format and its signature are the standard ones, and the proof of
 * inclusion is the chain itself, recomputed from an export. The extension line chains each checkpoint to the one
 * before (the first carries 32 zero bytes), so a removed, replaced or forked checkpoint breaks the link.
 *
 * @param headHash the head as 64 lowercase hex digits, as the audit tables keep it
 * @param previous base64 SHA-256 of the previous checkpoint's signed bytes ({@link #NO_PREVIOUS} for the first)
 */
public record CheckpointNote(String origin, long size, String headHash, String previous) {

    static final String PREVIOUS = "previous-checkpoint ";
    /** The previous-checkpoint hash of the first checkpoint: 32 zero bytes. */
    public static final String NO_PREVIOUS = Base64.getEncoder().encodeToString(new byte[32]);

    public CheckpointNote {
        if (origin == null || origin.isEmpty() || origin.contains("\n")) throw new IllegalArgumentException("a checkpoint needs a one-line origin");
        if (size < 0) throw new IllegalArgumentException("a checkpoint's size cannot be negative");
        hash32(base64(HexFormat.of().parseHex(headHash)), "head");
        hash32(previous, "previous checkpoint hash");
    }

    /** The note text that is signed, final newline included. */
    public String text() {
        return origin + "\n" + size + "\n" + base64(HexFormat.of().parseHex(headHash)) + "\n" + PREVIOUS + previous + "\n";
    }

    /** @throws IllegalArgumentException naming what is wrong when {@code text} is not a Studio audit checkpoint */
    public static CheckpointNote parse(String text) {
        if (text == null || !text.endsWith("\n")) throw new IllegalArgumentException("a checkpoint text ends with a newline");
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) throw new IllegalArgumentException("a checkpoint has an origin, a size and a head line");
        if (Arrays.stream(lines).anyMatch(String::isEmpty)) throw new IllegalArgumentException("a checkpoint has no empty lines");
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) throw new IllegalArgumentException("the size line is not a number: '" + lines[1] + "'");
        String previous = Arrays.stream(lines).skip(3).filter(l -> l.startsWith(PREVIOUS)).map(l -> l.substring(PREVIOUS.length()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("the checkpoint has no " + PREVIOUS.strip() + " line"));
        return new CheckpointNote(lines[0], Long.parseLong(lines[1]), HexFormat.of().formatHex(hash32(lines[2], "head")), previous);
    }

    private static byte[] hash32(String b64, String what) {
        try {
            byte[] bytes = Base64.getDecoder().decode(b64);
            if (bytes.length == 32) return bytes;
        } catch (IllegalArgumentException | NullPointerException notBase64) {
            // reported below
        }
        throw new IllegalArgumentException("the " + what + " is not 32 bytes of base64: '" + b64 + "'");
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
