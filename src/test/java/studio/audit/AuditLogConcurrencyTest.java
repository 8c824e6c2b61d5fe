package studio.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.audit.AuditEntry.Subject;
import studio.governance.Actor;
import studio.governance.Roles;

/** Appends from many transactions at once still form one gapless, valid chain. */
@QuarkusTest
@TestSecurity(user = "pat", roles = Roles.PLATFORM_ADMIN)
class AuditLogConcurrencyTest {

    private static final int THREADS = 8;
    private static final int APPENDS = 50;

    @Inject
    AuditLog log;

    @BeforeEach
    void freshTrail() {
        AuditDatabase.reset();
    }

    @Test
    void eightThreadsAppendingFiftyEachMakeOneGaplessValidChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Actor actor = new Actor("worker-" + t, Set.of(Roles.CI));
            workers.add(pool.submit(() -> {
                start.await();
                return appendAll(actor);
            }));
        }
        start.countDown();
        List<Long> seqs = new ArrayList<>();
        try {
            for (Future<List<Long>> worker : workers) seqs.addAll(worker.get());
        } finally {
            pool.shutdownNow();
        }
        long total = (long) THREADS * APPENDS;
        List<Long> gapless = LongStream.rangeClosed(1, total).boxed().toList();
        assertEquals(gapless, seqs.stream().sorted().toList(), "each append got its own seq");
        assertEquals(gapless, AuditDatabase.numbers("select seq from audit_event order by seq"));
        assertEquals(total, AuditDatabase.number("select seq from audit_head"));
        assertEquals(total, AuditDatabase.number("select count(*) from audit_subject where subject_id = 'load'"));
        JsonNode verdict = AuditApiVerifyTest.verify();
        assertTrue(verdict.get("valid").asBoolean(), verdict.toString());
        assertEquals(total, verdict.get("events").asLong());
    }

    private List<Long> appendAll(Actor actor) {
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < APPENDS; i++) {
            int n = i;
            seqs.add(QuarkusTransaction.requiringNew().call(() -> log.recordNow(actor, AuditEntry.of("LoadTested",
                    Subject.milestone("load"), null, AuditTrailFixture.JSON.createObjectNode().put("n", n)))));
        }
        return seqs;
    }
}
