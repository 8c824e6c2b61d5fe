package studio.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studio.testing.Keycloak;
import studio.testing.PackagedStudio;
import studio.testing.ScratchDatabases;

/**
 * Studio killed with SIGKILL in the middle of ingest (no shutdown hook, transactions cut off), then restarted on the
 * same database: nothing half-written, the chain intact, and CI's retries of the whole stream complete it exactly.
 * One method per property, so more (webhook delivery after restart) can be added the same way.
 */
class CrashDuringIngestIT {

    static final int MILESTONES = 12;
    static final ObjectMapper JSON = new ObjectMapper();

    static String url;
    static PackagedStudio restarted;
    static int answeredBeforeKill;
    static List<Integer> retryStatuses = new ArrayList<>();

    @BeforeAll
    static void killMidIngestThenRetry() throws Exception {
        url = ScratchDatabases.fresh("studio_it_crash");
        String token = Keycloak.token("ci");
        PackagedStudio first = PackagedStudio.start(url);
        assertTrue(first.ready(), "Studio did not start:\n" + first.log());
        assertEquals(200, SmallOrganisation.send(first.baseUrl(), token,
                new SmallOrganisation.Post("/api/definitions", "application/yaml", SmallOrganisation.definitions(MILESTONES))));
        AtomicInteger answered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> streams = new ArrayList<>();
        for (int m = 0; m < MILESTONES; m++) {
            int milestone = m;
            streams.add(pool.submit(() -> {
                for (SmallOrganisation.Post p : SmallOrganisation.evidence(milestone)) {
                    if (SmallOrganisation.send(first.baseUrl(), token, p) < 0) return;   // the instance is gone
                    answered.incrementAndGet();
                }
            }));
        }
        while (answered.get() < 40) Thread.sleep(20);
        first.kill();
        answeredBeforeKill = answered.get();
        for (Future<?> f : streams) f.get();
        pool.shutdown();
        assertTrue(answeredBeforeKill < MILESTONES * SmallOrganisation.evidence(0).size(), "killed before the stream ended");

        restarted = PackagedStudio.start(url);
        assertTrue(restarted.ready(), "Studio did not restart after SIGKILL:\n" + restarted.log());
        String again = Keycloak.token("ci");
        for (int m = 0; m < MILESTONES; m++) {
            for (SmallOrganisation.Post p : SmallOrganisation.evidence(m)) retryStatuses.add(SmallOrganisation.send(restarted.baseUrl(), again, p));
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (restarted != null) restarted.close();
    }

    @Test
    void everyEvidenceRowHasItsAuditEntryAndViceVersa() throws Exception {
        assertEquals(0L, ScratchDatabases.count(url, "select count(*) from evidence e where not exists (select 1 from audit_event a"
                + " where a.payload like '%\"evidence_id\":' || e.id || ',%' or a.payload like '%\"evidence_id\":' || e.id || '}%')"),
                "evidence without its audit entry");
        assertEquals(0L, ScratchDatabases.count(url, "select count(*) from audit_event a where a.payload like '%\"evidence_id\":%'"
                + " and not exists (select 1 from evidence e where e.id = (cast(a.payload as jsonb) ->> 'evidence_id')::bigint)"),
                "an audit entry about evidence that is not stored");
        assertEquals(ScratchDatabases.count(url, "select count(*) from evidence"),
                ScratchDatabases.count(url, "select count(*) from idempotency_key"), "each stored request has its idempotency record");
    }

    @Test
    void retryingTheWholeStreamCompletesItExactly() throws Exception {
        assertTrue(retryStatuses.stream().allMatch(s -> s / 100 == 2), "every retry answered 2xx: " + retryStatuses);
        assertEquals((long) MILESTONES * SmallOrganisation.evidence(0).size(), ScratchDatabases.count(url, "select count(*) from evidence"),
                "each request stored once, whether it landed before the kill or on retry");
    }

    @Test
    void theAuditChainIsValid() throws Exception {
        JsonNode verdict = JSON.readTree(SmallOrganisation.get(restarted.baseUrl(), Keycloak.token("auditor"), "/api/audit/verify"));
        assertTrue(verdict.path("valid").asBoolean(), verdict.toString());
    }
}
