package studio.signing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A signed note (https://c2sp.org/signed-note): a UTF-8 text ending in a newline, a blank line, then one line per
 * signature: em dash, space, key name, space, base64 of the 4-byte key id (big-endian) and the Ed25519 signature of
 * the text. The key id is the first four bytes of SHA-256 over the key name, a newline, the signature type byte 0x01
 * and the 32-byte public key, so a note names its key without carrying it: a verifier must already hold (pin) the
 * key. Go's golang.org/x/mod/sumdb/note reads and verifies these notes.
 *
 * @param text the signed text, final newline included
 */
public record SignedNote(String text, List<Signature> signatures) {

    /** One signature line. */
    public record Signature(String keyName, int keyId, byte[] signature) {}

    /** The signature type byte of Ed25519 in c2sp.org/signed-note. */
    private static final byte ED25519 = 0x01;
    private static final String DASH = "\u2014 ";
    /** Ed25519 SubjectPublicKeyInfo: a fixed 12-byte prefix, then the 32-byte key. */
    private static final int SPKI_PREFIX = 12;
    private static final int MAX_SIGNATURES = 16;

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    /** Signs {@code text} (which must already be a valid note text) as {@code keyName}. */
    public static SignedNote sign(String text, String keyName, SigningKey key) {
        checkText(text);
        checkKeyName(keyName);
        byte[] sig = key.sign(text.getBytes(StandardCharsets.UTF_8));
        return new SignedNote(text, List.of(new Signature(keyName, keyId(keyName, key.publicKey()), sig)));
    }

    /** @throws IllegalArgumentException naming what is wrong when {@code note} is not a signed note */
    public static SignedNote parse(String note) {
        if (note == null || note.isEmpty()) throw new IllegalArgumentException("the note is empty");
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c < 0x20 && c != '\n') throw new IllegalArgumentException("the note holds a control character at offset " + i);
        }
        if (!note.endsWith("\n")) throw new IllegalArgumentException("the note does not end with a newline");
        int split = note.lastIndexOf("\n\n");
        if (split < 0) throw new IllegalArgumentException("the note has no blank line before its signatures");
        String text = note.substring(0, split + 1);
        List<Signature> signatures = new ArrayList<>();
        for (String line : note.substring(split + 2, note.length() - 1).split("\n", -1)) {
            signatures.add(signatureLine(line));
        }
        if (signatures.size() > MAX_SIGNATURES) throw new IllegalArgumentException("the note has more than " + MAX_SIGNATURES + " signatures");
        return new SignedNote(text, signatures);
    }

    /** The note as served and stored: text, blank line, signature lines. */
    public String format() {
        StringBuilder out = new StringBuilder(text).append('\n');
        Base64.Encoder b64 = Base64.getEncoder();
        for (Signature s : signatures) {
            byte[] body = ByteBuffer.allocate(4 + s.signature().length).putInt(s.keyId()).put(s.signature()).array();
            out.append(DASH).append(s.keyName()).append(' ').append(b64.encodeToString(body)).append('\n');
        }
        return out.toString();
    }

    /**
     * True when a signature line names {@code key} (its name and the key id that name and key give) and verifies with
     * it; signature lines of other keys are ignored, as the note format requires.
     */
    public boolean signedBy(PublicKey key) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        return signatures.stream().anyMatch(s -> s.keyId() == keyId(s.keyName(), key) && Ed25519.verify(key, message, s.signature()));
    }

    /** The signature line of {@code key}, if the note has one (by name and key id; not yet verified). */
    public Signature lineOf(PublicKey key) {
        return signatures.stream().filter(s -> s.keyId() == keyId(s.keyName(), key)).findFirst().orElse(null);
    }

    /** SHA-256(key name || 0x0A || 0x01 || 32-byte public key), first four bytes, big-endian. */
    public static int keyId(String keyName, PublicKey key) {
        byte[] name = keyName.getBytes(StandardCharsets.UTF_8);
        byte[] raw = rawPublicKey(key);
        ByteBuffer input = ByteBuffer.allocate(name.length + 2 + raw.length).put(name).put((byte) '\n').put(ED25519).put(raw);
        return ByteBuffer.wrap(sha256(input.array()), 0, 4).getInt();
    }

    /** The verifier key in the text form Go's note package reads: {@code name+hex(key id)+base64(0x01 || key)}. */
    public static String verifierKey(String keyName, PublicKey key) {
        byte[] raw = rawPublicKey(key);
        byte[] typed = ByteBuffer.allocate(1 + raw.length).put(ED25519).put(raw).array();
        return keyName + "+" + HexFormat.of().toHexDigits(keyId(keyName, key)) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** @throws IllegalArgumentException when {@code name} cannot name a key: empty, or with a space or a plus */
    public static void checkKeyName(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("a key name must not be empty");
        if (name.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '+' || c < 0x20)) {
            throw new IllegalArgumentException("a key name must not contain spaces or '+': '" + name + "'");
        }
    }

    private static void checkText(String text) {
        if (text == null || !text.endsWith("\n")) throw new IllegalArgumentException("a note text must end with a newline");
        if (text.contains("\n\n") || text.startsWith("\n")) throw new IllegalArgumentException("this note text must not hold an empty line");
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n')) throw new IllegalArgumentException("a note text must not hold control characters");
    }

    private static Signature signatureLine(String line) {
        if (!line.startsWith(DASH)) throw new IllegalArgumentException("a signature line must start with an em dash and a space: '" + line + "'");
        String rest = line.substring(DASH.length());
        int space = rest.indexOf(' ');
        if (space <= 0) throw new IllegalArgumentException("a signature line needs a key name and a signature: '" + line + "'");
        String name = rest.substring(0, space);
        checkKeyName(name);
        byte[] body;
        try {
            body = Base64.getDecoder().decode(rest.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the signature of " + name + " is not base64", e);
        }
        if (body.length < 5) throw new IllegalArgumentException("the signature of " + name + " is too short");
        return new Signature(name, ByteBuffer.wrap(body, 0, 4).getInt(), Arrays.copyOfRange(body, 4, body.length));
    }

    /** The 32 bytes of an Ed25519 public key (RFC 8032), from its SubjectPublicKeyInfo encoding. */
    static byte[] rawPublicKey(PublicKey key) {
        byte[] spki = key.getEncoded();
        boolean ed25519 = Ed25519.ALGORITHM.equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm());
        if (!ed25519 || spki.length != SPKI_PREFIX + 32) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(spki, SPKI_PREFIX, spki.length);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
