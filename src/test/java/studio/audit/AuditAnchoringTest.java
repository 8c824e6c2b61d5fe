package studio.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.audit.AuditApiListTest.read;
import static studio.audit.TestIdentities.asTestIdentity;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.governance.Roles;
import studio.signing.SignedNote;
import studio.signing.SigningKey;
import studio.signing.SigningKeys;

/**
 * Verification against signed checkpoints that chain, trusting only the pinned keys: what is anchored is intact, what
 * came after the newest checkpoint is "not yet anchored", and nothing a database writer adds (a key, a checkpoint) is
 * trusted. GET only reads; POST anchors what it verified and records it. The checkpoints are served as signed notes.
 */
@QuarkusTest
@TestSecurity(user = "carol", roles = Roles.COMPLIANCE_OFFICER)
class AuditAnchoringTest {

    private static final int ROWS = 6;

    @Inject
    AuditLog log;

    @Inject
    AuditCheckpoints checkpoints;

    @Inject
    SigningKeys keys;

    private AuditTrailFixture trail;

    @BeforeEach
    void freshTrail() {
        AuditDatabase.reset();
        trail = new AuditTrailFixture(log).plain(ROWS);
    }

    @Test
    void aTrailWithoutACheckpointIsNotYetAnchoredNotIntact() {
        JsonNode verdict = AuditApiVerifyTest.verify();
        assertAll(
                () -> assertTrue(verdict.get("valid").asBoolean()),
                () -> assertEquals("not_yet_anchored", verdict.get("status").asText()),
                () -> assertEquals(0, verdict.get("anchored_seq").asLong()),
                () -> assertEquals(ROWS, verdict.get("unanchored").asLong()));
    }

    @Test
    void eventsAfterTheNewestCheckpointAreNotYetAnchored() {
        checkpoints.checkpointNow().orElseThrow();
        assertEquals("intact", AuditApiVerifyTest.verify().get("status").asText());
        trail.plain(2);
        JsonNode verdict = AuditApiVerifyTest.verify();
        assertAll(
                () -> assertEquals("not_yet_anchored", verdict.get("status").asText()),
                () -> assertEquals(ROWS, verdict.get("anchored_seq").asLong()),
                () -> assertEquals(2, verdict.get("unanchored").asLong()),
                () -> assertEquals(ROWS + 2, verdict.get("events").asLong()));
    }

    @Test
    void getVerifiesAndChangesNothing() {
        AuditApiVerifyTest.verify();
        AuditApiVerifyTest.verify();
        assertEquals(ROWS, AuditDatabase.number("select count(*) from audit_event"));
        assertEquals(0, AuditDatabase.number("select count(*) from audit_checkpoint"));
    }

    @Test
    void postAnchorsWhatItVerifiedThenRecordsTheVerification() {
        JsonNode verdict = AuditApiVerifyTest.verifyAndRecord();
        assertAll(
                () -> assertEquals("intact", verdict.get("status").asText()),
                () -> assertEquals(ROWS, verdict.get("anchored_seq").asLong()),
                () -> assertEquals(0, verdict.get("unanchored").asLong()),
                () -> assertEquals(ROWS, AuditDatabase.number("select max(seq) from audit_checkpoint")),
                () -> assertEquals(ROWS + 1, AuditDatabase.number("select max(seq) from audit_event where type = 'AuditVerified'")));
    }

    @Test
    void postNeverSignsOverABreak() {
        AuditDatabase.tamper("update audit_event set actor = 'mallory' where seq = 4");
        JsonNode verdict = AuditApiVerifyTest.verifyAndRecord();
        assertFalse(verdict.get("valid").asBoolean());
        assertEquals(4, verdict.get("first_bad_seq").asLong());
        assertEquals(0, AuditDatabase.number("select count(*) from audit_checkpoint"), "no checkpoint over a broken tail");
    }

    @Test
    void theCheckpointJobDoesNotSignRowsThatDoNotChainOntoTheNewestCheckpoint() {
        checkpoints.checkpointNow().orElseThrow();
        trail.plain(3);
        AuditDatabase.tamper("update audit_event set payload = '{\"n\":99}' where seq = " + (ROWS + 2));
        assertTrue(checkpoints.checkpointNow().isEmpty());
        AuditDatabase.tamper("update audit_event set payload = '{\"n\":1}' where seq = " + (ROWS + 2));
        AuditDatabase.tamper("delete from audit_event where seq = " + (ROWS + 3));
        assertTrue(checkpoints.checkpointNow().isEmpty(), "nor a head the rows no longer reach");
        assertEquals(1, AuditDatabase.number("select count(*) from audit_checkpoint"));
    }

    @Test
    void aKeyAndACheckpointPlantedInTheDatabaseAreNotTrusted() {
        SigningKey planted = SigningKey.generate();
        AuditDatabase.tamper("insert into signing_key (key_id, public_pem, created_at) values ('" + planted.keyId() + "', '"
                + planted.publicPem() + "', now())");
        AuditCheckpoint forged = AuditCheckpoint.signNote(checkpoints.origin(), ROWS,
                AuditDatabase.text("select hash from audit_event where seq = " + ROWS), Instant.now(), null, planted);
        insert(forged);
        try {
            JsonNode verdict = AuditApiVerifyTest.verify();
            assertFalse(verdict.get("valid").asBoolean(), verdict.toString());
            assertTrue(verdict.get("reason").asText().contains("unknown key " + planted.keyId()), verdict.toString());
        } finally {
            AuditDatabase.tamper("delete from signing_key where key_id = '" + planted.keyId() + "'");
        }
    }

    @Test
    void aRemovedCheckpointIsCaughtByTheNextOnesLink() {
        checkpoints.checkpointNow().orElseThrow();
        trail.plain(1);
        checkpoints.checkpointNow().orElseThrow();
        trail.plain(1);
        checkpoints.checkpointNow().orElseThrow();
        AuditDatabase.tamper("delete from audit_checkpoint where seq = " + (ROWS + 1));
        JsonNode verdict = AuditApiVerifyTest.verify();
        assertFalse(verdict.get("valid").asBoolean());
        assertEquals(ROWS + 2, verdict.get("first_bad_seq").asLong());
        assertTrue(verdict.get("reason").asText().contains("removed, replaced or forked"), verdict.toString());
    }

    @Test
    void theCheckpointsAreListedNewestFirstAndTheLatestIsServedAsItsNote() {
        checkpoints.checkpointNow().orElseThrow();
        trail.plain(2);
        AuditCheckpoint newest = checkpoints.checkpointNow().orElseThrow();
        JsonNode list = read(asTestIdentity().get("/api/audit/checkpoints").then().statusCode(200).extract().asString());
        JsonNode first = list.get("checkpoints").get(0);
        JsonNode second = list.get("checkpoints").get(1);
        assertAll(
                () -> assertEquals(checkpoints.origin(), list.get("origin").asText()),
                () -> assertEquals(SignedNote.verifierKey(checkpoints.origin(), keys.current().publicKey()), list.get("verifier_keys").get(0).asText()),
                () -> assertEquals(ROWS + 2, first.get("seq").asLong()),
                () -> assertEquals(ROWS, second.get("seq").asLong()),
                () -> assertEquals(newest.note(), first.get("note").asText()),
                () -> assertEquals(CheckpointNote.NO_PREVIOUS, second.get("previous").asText()),
                () -> assertTrue(list.get("next").isNull()));
        JsonNode paged = read(asTestIdentity().queryParam("limit", "1").get("/api/audit/checkpoints").then().statusCode(200).extract().asString());
        assertEquals(Long.toString(ROWS + 2), paged.get("next").asText());
        asTestIdentity().queryParam("limit", "0").get("/api/audit/checkpoints").then().statusCode(400).body(containsString("limit"));

        String note = asTestIdentity().get("/api/audit/checkpoints/latest").then().statusCode(200)
                .contentType(startsWith("text/plain")).contentType(containsString("utf-8")).extract().asString();
        assertEquals(newest.note(), note);
        SignedNote signed = SignedNote.parse(note);
        assertTrue(signed.signedBy(keys.current().publicKey()));
        CheckpointNote statement = CheckpointNote.parse(signed.text());
        assertEquals(ROWS + 2, statement.size());
        assertEquals(AuditDatabase.text("select hash from audit_event where seq = " + (ROWS + 2)), statement.headHash());
    }

    @Test
    void beforeAnyCheckpointTheLatestIsNotFound() {
        asTestIdentity().get("/api/audit/checkpoints/latest").then().statusCode(404).contentType("application/problem+json")
                .body(containsString("no audit checkpoint has been signed yet"));
    }

    @Test
    @TestSecurity(user = "ci", roles = Roles.CI)
    void everyStudioRoleMayKeepTheCheckpoints() {
        checkpoints.checkpointNow().orElseThrow();
        asTestIdentity().get("/api/audit/checkpoints/latest").then().statusCode(200);
        asTestIdentity().get("/api/audit/checkpoints").then().statusCode(200);
    }

    private static void insert(AuditCheckpoint c) {
        AuditDatabase.tamper("insert into audit_checkpoint (seq, head_hash, signed_at, key_id, signature, note) values (" + c.seq()
                + ", '" + c.headHash() + "', now(), '" + c.keyId() + "', '" + c.signature() + "', '" + c.note().replace("'", "''") + "')");
    }
}
