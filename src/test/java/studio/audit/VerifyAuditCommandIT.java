package studio.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.audit.AuditChainFixture.Row;
import studio.signing.SigningKey;

/**
 * {@code ./studio verify-audit} itself, as an auditor runs it on the packaged jar: an export with its checkpoint note
 * verifies (exit 0), the same export with one row edited does not (exit 1, the row and why). The cases it catches are
 * {@link AuditExportVerifierTest}'s; this checks the command line, the script and the classpath.
 */
class VerifyAuditCommandIT {

    private static final String ORIGIN = "studio.test/audit";

    @TempDir
    Path dir;

    @Test
    void theCommandVerifiesAnExportAndNamesTheFirstBadRow() throws Exception {
        List<Row> chain = AuditChainFixture.chain(20);
        SigningKey key = SigningKey.generate();
        Path pub = Files.writeString(dir.resolve("studio.pub"), key.publicPem());
        Path note = Files.writeString(dir.resolve("checkpoint.txt"),
                AuditCheckpoint.signNote(ORIGIN, 20, chain.get(19).hash(), Instant.now(), null, key).note());
        String jsonl = jsonLines(chain);
        Path good = Files.writeString(dir.resolve("good.jsonl"), jsonl);
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), jsonl.replaceFirst("\"seq\":7,(.*?)\"actor\":\"[^\"]*\"", "\"seq\":7,$1\"actor\":\"mallory\""));

        Result ok = studio("verify-audit", good.toString(), "--key", pub.toString(), "--checkpoint", note.toString());
        assertEquals(0, ok.status(), ok.output());
        assertTrue(ok.output().contains("VERIFIED: 20 events"), ok.output());
        assertTrue(ok.output().contains("ANCHORED up to row 20"), ok.output());

        Result broken = studio("verify-audit", bad.toString(), "--key", pub.toString(), "--checkpoint", note.toString());
        assertEquals(1, broken.status(), broken.output());
        assertTrue(broken.output().contains("BROKEN at row 7: row 7 was altered"), broken.output());

        Result usage = studio("verify-audit", good.toString());
        assertEquals(2, usage.status(), usage.output());
        assertTrue(usage.output().contains("usage: ./studio verify-audit"), usage.output());
    }

    private record Result(int status, String output) {}

    /** Runs the launcher from the checkout, as a user would. */
    private static Result studio(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "studio"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "./studio verify-audit did not finish");
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static String jsonLines(List<Row> chain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditJsonLines lines = new AuditJsonLines(out);
        for (Row row : chain) lines.write(new AuditEvent(row.record(), row.hash()));
        lines.finish();
        return out.toString(StandardCharsets.UTF_8);
    }
}
