package studio.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.audit.AuditApiListTest.read;
import static studio.audit.TestIdentities.asTestIdentity;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.governance.Roles;
import studio.signing.Pem;

/** The checkpoint job: signs the head when it moved, once per head however many instances race for it. */
@QuarkusTest
@TestSecurity(user = "ann", roles = Roles.AUDITOR)
class AuditCheckpointsTest {

    @Inject
    AuditLog log;

    @Inject
    AuditCheckpoints checkpoints;

    private AuditTrailFixture trail;

    @BeforeEach
    void freshTrail() {
        AuditDatabase.reset();
        trail = new AuditTrailFixture(log);
    }

    @Test
    void anEmptyTrailNeedsNoCheckpoint() {
        assertTrue(checkpoints.checkpointNow().isEmpty());
        assertEquals(0, AuditDatabase.number("select count(*) from audit_checkpoint"));
    }

    @Test
    void theCheckpointSignsTheHeadWithAPublishedKey() {
        trail.plain(3);
        AuditCheckpoint taken = checkpoints.checkpointNow().orElseThrow();
        AuditCheckpoint stored = storedCheckpoints().get(0);
        assertEquals(3, stored.seq());
        assertEquals(AuditDatabase.text("select hash from audit_head"), stored.headHash());
        assertEquals(taken, stored);
        assertTrue(stored.signedBy(publishedKey(stored.keyId())), "verifies with the key GET /api/signing-keys publishes");
    }

    @Test
    void aNewCheckpointIsTakenOnlyWhenTheHeadMoved() {
        trail.plain(3);
        checkpoints.checkpointNow().orElseThrow();
        assertTrue(checkpoints.checkpointNow().isEmpty());
        trail.plain(2);
        assertEquals(5, checkpoints.checkpointNow().orElseThrow().seq());
        assertEquals(List.of(3L, 5L), AuditDatabase.numbers("select seq from audit_checkpoint order by seq"));
        assertTrue(AuditApiVerifyTest.verify().get("valid").asBoolean());
    }

    @Test
    void instancesRacingForTheSameHeadWriteOneCheckpoint() throws Exception {
        List<Long> expected = new ArrayList<>();
        for (int round = 1; round <= 10; round++) {
            trail.plain(1);
            expected.add((long) round);
            List<Optional<AuditCheckpoint>> results = race(4, () -> checkpoints.checkpointNow());
            assertEquals(1, results.stream().filter(Optional::isPresent).count(), results.toString());
        }
        assertEquals(expected, AuditDatabase.numbers("select seq from audit_checkpoint order by seq"));
    }

    @Test
    void aHeadBehindTheNewestCheckpointIsNotSigned() {
        trail.plain(5);
        checkpoints.checkpointNow().orElseThrow();
        AuditDatabase.tamper("delete from audit_event where seq > 2",
                "update audit_head set seq = 2, hash = (select hash from audit_event where seq = 2)");
        assertTrue(checkpoints.checkpointNow().isEmpty());
        assertEquals(List.of(5L), AuditDatabase.numbers("select seq from audit_checkpoint"));
    }

    private static <T> List<T> race(int threads, Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<AuditCheckpoint> storedCheckpoints() {
        return AuditDatabase.checkpoints();
    }

    private static PublicKey publishedKey(String keyId) {
        JsonNode keys = read(asTestIdentity().when().get("/api/signing-keys").then().statusCode(200).extract().asString()).get("keys");
        for (JsonNode key : keys) {
            if (key.get("keyid").asText().equals(keyId)) return Pem.readPublicKey(key.get("public_key_pem").asText());
        }
        throw new AssertionError("key " + keyId + " is not published: " + keys);
    }
}
