package studio.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.audit.AuditApiListTest.page;
import static studio.audit.AuditApiListTest.read;
import static studio.audit.TestIdentities.asTestIdentity;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import studio.governance.Roles;
import studio.testing.Api;
import studio.testing.Scrape;

/**
 * GET /api/audit/verify against a real database that someone with superuser access tampered with: every kind of
 * edit to any single row is reported at that row; POST /api/audit/verify records the verification itself.
 */
@QuarkusTest
@TestSecurity(user = "carol", roles = Roles.COMPLIANCE_OFFICER)
class AuditApiVerifyTest {

    private static final int ROWS = 12;
    private static final int MIDDLE = 6;

    @Inject
    AuditLog log;

    @Inject
    AuditCheckpoints checkpoints;

    @BeforeEach
    void freshTrail() {
        AuditDatabase.reset();
        new AuditTrailFixture(log).varied(ROWS);
    }

    @Test
    void anUntouchedTrailIsValidWithItsLengthAndHead() {
        JsonNode verdict = verify();
        assertAll(
                () -> assertTrue(verdict.get("valid").asBoolean()),
                () -> assertEquals(ROWS, verdict.get("events").asLong()),
                () -> assertEquals(AuditDatabase.text("select hash from audit_event where seq = " + ROWS), verdict.get("head").asText()),
                // beside docs/API.md's three fields: no checkpoint signs these rows yet, so they are not called intact
                () -> assertEquals("not_yet_anchored", verdict.get("status").asText()),
                () -> assertEquals(0, verdict.get("anchored_seq").asLong()),
                () -> assertEquals(ROWS, verdict.get("unanchored").asLong()),
                () -> assertEquals(6, verdict.size()));
    }

    @Test
    void anEmptyTrailIsValidWithTheGenesisHead() {
        AuditDatabase.reset();
        JsonNode verdict = verify();
        assertAll(
                () -> assertTrue(verdict.get("valid").asBoolean()),
                () -> assertEquals(0, verdict.get("events").asLong()),
                () -> assertEquals("0".repeat(64), verdict.get("head").asText()));
    }

    @Test
    void theVerificationIsRecordedAfterItWithTheResultAndWhoAsked() {
        JsonNode verdict = verifyAndRecord();
        JsonNode recorded = page(Map.of("limit", "1")).get("events").get(0);
        assertAll(
                () -> assertEquals(ROWS + 1, recorded.get("seq").asLong()),
                () -> assertEquals(AuditVerification.VERIFIED, recorded.get("type").asText()),
                () -> assertEquals("carol", recorded.get("actor").asText()),
                () -> assertEquals("compliance-officer", recorded.get("actor_roles").get(0).asText()),
                () -> assertEquals(verdict, recorded.get("payload")));
        assertEquals(ROWS + 1, verify().get("events").asLong(), "the recorded verification is part of the chain");
    }

    @Test
    void aBrokenVerdictIsRecordedToo() {
        AuditDatabase.tamper("update audit_event set actor = 'mallory' where seq = 3");
        JsonNode verdict = verifyAndRecord();
        JsonNode recorded = page(Map.of("limit", "1", "type", AuditVerification.VERIFIED)).get("events").get(0);
        assertAll(
                () -> assertFalse(verdict.get("valid").asBoolean()),
                () -> assertEquals(verdict, recorded.get("payload")),
                () -> assertEquals(3, verdict.size()));
    }

    @ParameterizedTest(name = "{0} of row {1}")
    @CsvSource({
            "payload, 1", "payload, " + MIDDLE, "payload, " + ROWS,
            "actor, 1", "actor, " + MIDDLE, "actor, " + ROWS,
            "type, 1", "type, " + MIDDLE, "type, " + ROWS,
            "occurred_at, 1", "occurred_at, " + MIDDLE, "occurred_at, " + ROWS,
            "actor_roles, 1", "actor_roles, " + MIDDLE, "actor_roles, " + ROWS,
            "subject_id, 1", "subject_id, " + MIDDLE, "subject_id, " + ROWS})
    void alteringAnyColumnOfAnyRowIsReportedAtThatRow(String column, int seq) {
        AuditDatabase.tamper("update audit_event set " + column + " = " + forged(column) + " where seq = " + seq);
        assertBrokenAt(seq, "row " + seq + " was altered");
    }

    @ParameterizedTest(name = "row {0}")
    @ValueSource(ints = {1, MIDDLE, ROWS})
    void aPayloadThatNoLongerParsesIsReportedAtThatRow(int seq) {
        AuditDatabase.tamper("update audit_event set payload = '{\"i\":' where seq = " + seq);
        assertBrokenAt(seq, "its payload is not a JSON document");
    }

    @ParameterizedTest(name = "row {0}")
    @ValueSource(ints = {1, MIDDLE, ROWS})
    void deletingAnyRowIsReportedAtThatRow(int seq) {
        AuditDatabase.tamper("delete from audit_event where seq = " + seq);
        assertBrokenAt(seq, seq == ROWS ? "the newest rows were deleted" : "row " + seq + " is missing");
    }

    @ParameterizedTest(name = "rows {0} and {1}")
    @CsvSource({"1, 2", MIDDLE + ", " + (MIDDLE + 1), (ROWS - 1) + ", " + ROWS, "1, " + ROWS})
    void swappingTwoRowsIsReportedAtTheFirstOfThem(int first, int second) {
        AuditDatabase.tamper(swap(first, second, "occurred_at, actor, actor_roles, subject_type, subject_id, type, trace_id, payload, prev_hash, hash"));
        assertBrokenAt(first, "row " + first);
    }

    @ParameterizedTest(name = "rows {0} and {1}")
    @CsvSource({"1, 2", MIDDLE + ", " + (MIDDLE + 1), (ROWS - 1) + ", " + ROWS})
    void swappingTwoRowsContentButNotTheirHashesIsReportedAtTheFirstOfThem(int first, int second) {
        AuditDatabase.tamper(swap(first, second, "occurred_at, actor, actor_roles, subject_type, subject_id, type, trace_id, payload"));
        assertBrokenAt(first, "row " + first + " was altered");
    }

    @Test
    void deletingTheNewestRowsAfterACheckpointIsCaughtEvenWithTheHeadRewound() {
        assertEquals(ROWS, checkpoints.checkpointNow().orElseThrow().seq());
        AuditDatabase.tamper("delete from audit_event where seq > 8",
                "update audit_head set seq = 8, hash = (select hash from audit_event where seq = 8)");
        JsonNode verdict = assertBrokenAt(9, "the newest rows were deleted");
        assertTrue(verdict.get("reason").asText().contains("checkpoint covers row " + ROWS), verdict.toString());
    }

    @Test
    void deletingTheNewestRowsBeforeAnyCheckpointIsCaughtByTheHead() {
        AuditDatabase.tamper("delete from audit_event where seq > 8");
        JsonNode verdict = assertBrokenAt(9, "the newest rows were deleted");
        assertTrue(verdict.get("reason").asText().contains("audit head records row " + ROWS), verdict.toString());
    }

    @Test
    void rewritingTheWholeChainBehindACheckpointIsCaught() {
        checkpoints.checkpointNow().orElseThrow();
        // recompute every hash from row 5 on, as a careful attacker would: each row then matches its own hash
        AuditDatabase.tamper("update audit_event set actor = 'mallory' where seq = 5");
        rechainFrom(5);
        JsonNode verdict = assertBrokenAt(ROWS, "differs from the signed checkpoint");
        assertTrue(verdict.get("reason").asText().contains("rewritten"), verdict.toString());
    }

    @Test
    void verifyingDoesNotTakeACheckpoint() {
        verify();
        assertEquals(0, AuditDatabase.number("select count(*) from audit_checkpoint"));
    }

    private JsonNode assertBrokenAt(long seq, String reason) {
        JsonNode verdict = verify();
        assertAll(
                () -> assertFalse(verdict.get("valid").asBoolean(), verdict.toString()),
                () -> assertEquals(seq, verdict.get("first_bad_seq").asLong(), verdict.toString()),
                () -> assertTrue(verdict.get("reason").asText().contains(reason), verdict.toString()));
        return verdict;
    }

    /** POST: anchors, verifies and records the verification. */
    static JsonNode verifyAndRecord() {
        String body = asTestIdentity().when().post("/api/audit/verify")
                .then().statusCode(200).contentType("application/json").extract().asString();
        return read(body);
    }

    /** GET: the verdict alone, nothing recorded. */
    static JsonNode verify() {
        String body = asTestIdentity().when().get("/api/audit/verify")
                .then().statusCode(200).contentType("application/json").extract().asString();
        return read(body);
    }

    private static String forged(String column) {
        return switch (column) {
            case "payload" -> "'{\"i\":999}'";
            case "occurred_at" -> "occurred_at + interval '1 second'";
            case "actor_roles" -> "array['platform-admin']";
            case "subject_id" -> "'m9'";
            default -> "'Forged'";
        };
    }

    /** Exchanges the given columns between two rows in one statement (both read before either is written). */
    private static String swap(int first, int second, String columns) {
        StringBuilder set = new StringBuilder();
        for (String c : columns.split(",\\s*")) set.append(set.length() == 0 ? "" : ", ").append(c).append(" = b.").append(c);
        return "update audit_event a set " + set + " from audit_event b where (a.seq, b.seq) in ((" + first + ", "
                + second + "), (" + second + ", " + first + "))";
    }

    /** Recomputes prev_hash and hash of every row from {@code seq} on, and the head, in Java as AuditLog would. */
    private static void rechainFrom(long seq) {
        for (long s = seq; s <= ROWS; s++) {
            AuditEvent row = AuditDatabase.event(s);
            String prev = s == 1 ? AuditHasher.GENESIS : AuditDatabase.text("select hash from audit_event where seq = " + (s - 1));
            AuditRecord r = row.record();
            AuditRecord relinked = new AuditRecord(r.seq(), r.occurredAt(), r.actor(), r.actorRoles(), r.subjectType(),
                    r.subjectId(), r.type(), r.traceId(), r.payloadJson(), prev);
            String hash = AuditHasher.hash(relinked);
            AuditDatabase.tamper("update audit_event set prev_hash = '" + prev + "', hash = '" + hash + "' where seq = " + s,
                    "update audit_head set hash = '" + hash + "' where seq = " + s);
        }
    }

    /**
     * Both checks of the audit chain (before a checkpoint is signed, and a full verification someone asked for) report
     * their verdict on /q/metrics: a tampered row turns audit_chain_intact to 0, a sound trail back to 1.
     */
    @Test
    void aTamperedRowIsReportedBrokenByBothChecksAndASoundTrailIntact() {
        Scrape before = Scrape.now();
        AuditDatabase.tamper("update audit_event set actor = 'mallory' where seq = 3");

        assertTrue(checkpoints.checkpointNow().isEmpty(), "no checkpoint over a broken chain");
        Api.as("auditor").get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(false));
        Scrape broken = Scrape.now();
        assertEquals(0, broken.value("audit_chain_intact", "check", "checkpoint"));
        assertEquals(0, broken.value("audit_chain_intact", "check", "full"));
        for (String check : new String[] {"checkpoint", "full"}) {
            assertEquals(1, broken.value("audit_chain_verifications_total", "check", check, "result", "broken")
                    - before.value("audit_chain_verifications_total", "check", check, "result", "broken"), check);
        }

        AuditDatabase.reset();
        new AuditTrailFixture(log).varied(8);
        assertTrue(checkpoints.checkpointNow().isPresent());
        Api.as("auditor").get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
        Scrape sound = Scrape.now();
        assertEquals(1, sound.value("audit_chain_intact", "check", "checkpoint"));
        assertEquals(1, sound.value("audit_chain_intact", "check", "full"));
    }
}
