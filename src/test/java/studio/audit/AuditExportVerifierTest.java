package studio.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.audit.AuditApiListTest.read;
import static studio.audit.TestIdentities.asTestIdentity;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.governance.Roles;
import studio.signing.SigningKey;
import studio.signing.SigningKeys;

/**
 * The offline verifier (./studio verify-audit) on a real export: the JSON Lines Studio serves, the checkpoint note it
 * serves and the public key it publishes, as an auditor would download them. It verifies the export as is, and catches
 * an edited, deleted, reordered, duplicated or truncated row and a checkpoint signed by another key, naming the first
 * bad row and why; a bad command line is a usage error.
 */
@QuarkusTest
@TestSecurity(user = "ann", roles = Roles.AUDITOR)
class AuditExportVerifierTest {

    private static final int ROWS = 12;
    private static final int CHECKPOINT = 10;

    @Inject
    AuditLog log;

    @Inject
    AuditCheckpoints checkpoints;

    @Inject
    SigningKeys signing;

    @TempDir
    Path dir;

    private List<String> export;
    private Path checkpoint;
    private Path key;

    @BeforeEach
    void downloadAsAnAuditorWould() throws IOException {
        AuditDatabase.reset();
        AuditTrailFixture trail = new AuditTrailFixture(log).varied(CHECKPOINT);
        checkpoints.checkpointNow().orElseThrow();
        trail.varied(ROWS - CHECKPOINT);
        export = asTestIdentity().queryParam("format", "jsonl").get("/api/audit/export").then().statusCode(200).extract().asString()
                .lines().toList();
        checkpoint = write("checkpoint.txt", asTestIdentity().get("/api/audit/checkpoints/latest").then().statusCode(200).extract().asString());
        JsonNode published = read(asTestIdentity().get("/api/signing-keys").then().statusCode(200).extract().asString()).get("keys");
        for (JsonNode k : published) {
            if (k.get("keyid").asText().equals(signing.current().keyId())) key = write("studio.pub", k.get("public_key_pem").asText());
        }
    }

    @Test
    void anUntouchedExportVerifiesAndSaysWhatIsAnchored() throws IOException {
        Outcome outcome = verify(export);
        assertEquals(AuditExportVerifier.VERIFIED, outcome.status(), outcome.out());
        assertTrue(outcome.out().contains("VERIFIED: " + ROWS + " events"), outcome.out());
        assertTrue(outcome.out().contains("ANCHORED up to row " + CHECKPOINT), outcome.out());
        assertTrue(outcome.out().contains("NOT YET ANCHORED: the 2 events after row " + CHECKPOINT), outcome.out());
    }

    @Test
    void withoutACheckpointTheChainIsCheckedButNotAnchored() throws IOException {
        Outcome outcome = run(exportFile(export).toString(), "--key", key.toString());
        assertEquals(AuditExportVerifier.VERIFIED, outcome.status(), outcome.out());
        assertTrue(outcome.out().contains("NOT ANCHORED: no checkpoint given"), outcome.out());
    }

    @Test
    void anEditedRowIsCaughtAtThatRow() throws IOException {
        List<String> edited = new ArrayList<>(export);
        edited.set(4, edited.get(4).replaceFirst("\"actor\":\"[^\"]*\"", "\"actor\":\"mallory\""));
        assertBroken(edited, 5, "row 5 was altered");
        List<String> payload = new ArrayList<>(export);
        payload.set(6, payload.get(6).replace("\"i\":6", "\"i\":60"));
        assertBroken(payload, 7, "row 7 was altered");
    }

    @Test
    void aDeletedRowIsCaughtAtThatRow() throws IOException {
        List<String> deleted = new ArrayList<>(export);
        deleted.remove(3);
        assertBroken(deleted, 4, "row 4 is missing");
    }

    @Test
    void reorderedRowsAreCaughtAtTheFirstOfThem() throws IOException {
        List<String> reordered = new ArrayList<>(export);
        Collections.swap(reordered, 7, 8);
        assertBroken(reordered, 8, "row 8 is missing");
        List<String> duplicated = new ArrayList<>(export);
        duplicated.add(3, export.get(2));
        assertBroken(duplicated, 3, "duplicated or out of order");
    }

    @Test
    void anExportCutShortOfItsCheckpointIsCaught() throws IOException {
        assertBroken(export.subList(0, 8), 9, "the chain ends at row 8 but a signed checkpoint covers row " + CHECKPOINT);
        assertBroken(List.of(), 1, "the chain ends at row 0");
    }

    @Test
    void aRewrittenHistoryWithEveryHashRecomputedIsCaughtByTheCheckpoint() throws IOException {
        List<String> rewritten = new ArrayList<>(export);
        String prev = AuditHasher.GENESIS;
        for (int i = 0; i < rewritten.size(); i++) {
            AuditRecord r = AuditEventJson.read(rewritten.get(i)).record();
            AuditRecord forged = new AuditRecord(r.seq(), r.occurredAt(), i == 2 ? "mallory" : r.actor(), r.actorRoles(), r.subjectType(),
                    r.subjectId(), r.type(), r.traceId(), r.payloadJson(), prev);
            prev = AuditHasher.hash(forged);
            rewritten.set(i, jsonLine(new AuditEvent(forged, prev)));
        }
        assertEquals(AuditExportVerifier.VERIFIED, run(exportFile(rewritten).toString(), "--key", key.toString()).status(),
                "consistent in itself: only a checkpoint can tell");
        assertBroken(rewritten, CHECKPOINT, "differs from the signed checkpoint");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsNotTrusted() throws IOException {
        Path forger = write("forger.pub", SigningKey.generate().publicPem());
        Outcome outcome = run(exportFile(export).toString(), "--key", forger.toString(), "--checkpoint", checkpoint.toString());
        assertEquals(AuditExportVerifier.BROKEN, outcome.status(), outcome.out());
        assertTrue(outcome.out().contains("BROKEN at row " + CHECKPOINT + ": checkpoint for row " + CHECKPOINT + " is signed with unknown key "
                + checkpoints.origin() + "+"), outcome.out());
        Path edited = write("edited-checkpoint.txt", Files.readString(checkpoint).replaceFirst("\n" + CHECKPOINT + "\n", "\n9\n"));
        Outcome moved = run(exportFile(export).toString(), "--key", key.toString(), "--checkpoint", edited.toString());
        assertEquals(AuditExportVerifier.BROKEN, moved.status(), moved.out());
        assertTrue(moved.out().contains("invalid signature"), moved.out());
    }

    @Test
    void anUnreadableLineIsReportedAtItsRow() throws IOException {
        List<String> garbled = new ArrayList<>(export);
        garbled.set(5, "{\"seq\":6,");
        assertBroken(garbled, 6, "line 6 of the export is not an audit event");
    }

    @Test
    void aBadCommandLineIsAUsageError() throws IOException {
        Path file = exportFile(export);
        assertEquals(AuditExportVerifier.UNUSABLE, run(file.toString()).status(), "no key");
        assertEquals(AuditExportVerifier.UNUSABLE, run("--key", key.toString()).status(), "no export");
        assertEquals(AuditExportVerifier.UNUSABLE, run(file.toString(), "--key", dir.resolve("missing.pub").toString()).status());
        assertEquals(AuditExportVerifier.UNUSABLE, run(file.toString(), "--key", file.toString()).status(), "not a key");
        assertEquals(AuditExportVerifier.UNUSABLE, run(file.toString(), "--key", key.toString(), "--checkpoint", key.toString()).status());
        assertEquals(AuditExportVerifier.UNUSABLE, run(file.toString(), "--key", key.toString(), "--frobnicate").status());
        Outcome missing = run(dir.resolve("none.jsonl").toString(), "--key", key.toString());
        assertEquals(AuditExportVerifier.UNUSABLE, missing.status());
        assertTrue(missing.err().contains("cannot read"), missing.err());
    }

    private void assertBroken(List<String> lines, long seq, String why) throws IOException {
        Outcome outcome = verify(lines);
        assertEquals(AuditExportVerifier.BROKEN, outcome.status(), outcome.out());
        assertTrue(outcome.out().startsWith("BROKEN at row " + seq + ": "), outcome.out());
        assertTrue(outcome.out().contains(why), outcome.out());
    }

    private Outcome verify(List<String> lines) throws IOException {
        return run(exportFile(lines).toString(), "--key", key.toString(), "--checkpoint", checkpoint.toString());
    }

    private record Outcome(int status, String out, String err) {}

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AuditExportVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path exportFile(List<String> lines) throws IOException {
        return write("export-" + System.nanoTime() + ".jsonl", lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String jsonLine(AuditEvent event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditJsonLines lines = new AuditJsonLines(out);
        lines.write(event);
        lines.finish();
        return out.toString(StandardCharsets.UTF_8).strip();
    }
}
