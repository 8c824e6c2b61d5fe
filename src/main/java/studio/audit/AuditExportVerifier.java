package studio.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import studio.signing.Pem;
import studio.signing.SignedNote;

/**
 * Verifies an audit export without Studio or its database: {@code ./studio verify-audit EXPORT.jsonl --key KEY.pub
 * [--checkpoint NOTE]...}. Recomputes every row's hash and the chain from a JSON Lines export
 * ({@code GET /api/audit/export?format=jsonl}, unfiltered), checks each checkpoint note (as served by
 * {@code GET /api/audit/checkpoints/latest}) against the given public key, and checks that the export's row at each
 * checkpoint's size has the checkpoint's hash. Catches an edited, deleted, reordered or duplicated row, a truncated
 * export (a checkpoint beyond its end) and a checkpoint signed by another key. Only the pure audit classes run: the
 * same hasher, canonical JSON and {@link ChainVerifier} as the server.
 *
 * <p>Exit status: 0 verified (rows after the newest given checkpoint are reported as not yet anchored), 1 broken (the
 * first bad row and why), 2 a usage error or a file that cannot be read.
 */
public final class AuditExportVerifier {

    static final int VERIFIED = 0;
    static final int BROKEN = 1;
    static final int UNUSABLE = 2;

    static final String USAGE = "usage: ./studio verify-audit EXPORT.jsonl --key KEY.pub [--checkpoint CHECKPOINT]...";

    private AuditExportVerifier() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Verifies as the command line asks, writing the verdict to {@code out} and usage problems to {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        PublicKey key;
        List<AuditCheckpoint> checkpoints = new ArrayList<>();
        try {
            options = Options.parse(args);
            key = readKey(options.key());
            for (Path note : options.checkpoints()) checkpoints.add(checkpoint(note, key));
        } catch (IllegalArgumentException e) {
            err.println("verify-audit: " + e.getMessage());
            if (e instanceof UsageError) err.println(USAGE);
            return UNUSABLE;
        }
        try (BufferedReader export = Files.newBufferedReader(options.export(), StandardCharsets.UTF_8)) {
            return verify(export, key, checkpoints, out);
        } catch (IOException e) {
            err.println("verify-audit: cannot read " + options.export() + ": " + why(e));
            return UNUSABLE;
        }
    }

    /** The export's verdict against the checkpoints, printed; the exit status. */
    static int verify(BufferedReader export, PublicKey key, List<AuditCheckpoint> checkpoints, PrintStream out) throws IOException {
        ChainVerifier chain = new ChainVerifier(checkpoints, Map.of(Pem.keyId(key), key), false);
        long line = 0;
        for (String text = export.readLine(); text != null; text = export.readLine()) {
            line++;
            AuditEvent event;
            try {
                event = AuditEventJson.read(text);
            } catch (IllegalArgumentException unreadable) {
                out.println("BROKEN at row " + line + ": line " + line + " of the export is not an audit event: " + unreadable.getMessage());
                return BROKEN;
            }
            if (!chain.accept(event.record(), event.hash())) break;
        }
        ChainVerification verdict = chain.finish();
        if (verdict instanceof ChainVerification.Broken broken) {
            out.println("BROKEN at row " + broken.firstBadSeq() + ": " + broken.reason());
            return BROKEN;
        }
        report((ChainVerification.Intact) verdict, chain.anchoredSeq(), checkpoints, out);
        return VERIFIED;
    }

    private static void report(ChainVerification.Intact intact, long anchored, List<AuditCheckpoint> checkpoints, PrintStream out) {
        out.println("VERIFIED: " + intact.events() + " events; every hash recomputes and each row follows the one before"
                + (intact.events() == 0 ? "" : " (head " + intact.head() + ")"));
        if (checkpoints.isEmpty()) {
            out.println("NOT ANCHORED: no checkpoint given (--checkpoint): nothing shows the export was not rewritten or cut short as a whole");
        } else {
            out.println("ANCHORED up to row " + anchored + ": " + checkpoints.size() + " checkpoint(s) signed by the given key match the export");
            long after = intact.events() - anchored;
            if (after > 0) out.println("NOT YET ANCHORED: the " + after + " events after row " + anchored + " chain correctly, but no given checkpoint covers them");
        }
    }

    /** A PEM file with a "PUBLIC KEY" block (Studio's key file, holding the private key too, will do). */
    static PublicKey readKey(Path file) {
        try {
            return Pem.readPublicKey(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the key " + file + ": " + why(e), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not an Ed25519 public key in PEM: " + e.getMessage(), e);
        }
    }

    /**
     * A checkpoint note as the verifier checks it. A note without a signature line of {@code key} gets a key id no
     * trusted key has, so the chain verifier reports it as signed with an unknown key.
     */
    static AuditCheckpoint checkpoint(Path file, PublicKey key) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the checkpoint " + file + ": " + why(e), e);
        }
        try {
            SignedNote note = SignedNote.parse(text);
            CheckpointNote statement = CheckpointNote.parse(note.text());
            SignedNote.Signature line = note.lineOf(key);
            String keyId = line != null ? Pem.keyId(key) : note.signatures().stream()
                    .map(s -> s.keyName() + "+" + HexFormat.of().toHexDigits(s.keyId())).reduce((a, b) -> a + ", " + b).orElse("(none)");
            return new AuditCheckpoint(statement.size(), statement.headHash(), null, keyId, null, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not an audit checkpoint note: " + e.getMessage(), e);
        }
    }

    private static String why(IOException e) {
        return e instanceof NoSuchFileException ? "no such file" : e.toString();
    }

    /** A command line that cannot be run. */
    static final class UsageError extends IllegalArgumentException {
        UsageError(String message) {
            super(message);
        }
    }

    record Options(Path export, Path key, List<Path> checkpoints) {

        static Options parse(String[] args) {
            Path export = null;
            Path key = null;
            List<Path> checkpoints = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--key" -> key = Path.of(value(args, ++i, "--key"));
                    case "--checkpoint" -> checkpoints.add(Path.of(value(args, ++i, "--checkpoint")));
                    case "-h", "--help" -> throw new UsageError("verifies a JSON Lines audit export offline");
                    default -> {
                        if (args[i].startsWith("-")) throw new UsageError("unknown option " + args[i]);
                        if (export != null) throw new UsageError("one export at a time (" + export + " and " + args[i] + ")");
                        export = Path.of(args[i]);
                    }
                }
            }
            if (export == null) throw new UsageError("no export given");
            if (key == null) throw new UsageError("no public key given (--key): verification trusts only the key you name");
            return new Options(export, key, List.copyOf(checkpoints));
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) throw new UsageError(option + " needs a file");
            return args[i];
        }
    }
}
