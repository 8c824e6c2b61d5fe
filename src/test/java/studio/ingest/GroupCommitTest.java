package studio.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.Story;
import studio.testing.TestDb;

/**
 * Concurrent single calls are committed together: while one group is being taken the others wait, and the next group
 * takes them all in one transaction. Each request still gets its own answer, an input refused in a group is refused
 * alone while the others of its group are stored, and the audit chain holds one event per input.
 */
@QuarkusTest
class GroupCommitTest {

    static final int CALLS = 12;

    @Inject
    GroupCommit group;

    ExecutorService clients = Executors.newFixedThreadPool(CALLS + 1);

    @BeforeEach
    void clean() {
        TestDb.reset();
        Api.importDefinitions(Story.MILESTONES).then().statusCode(200);
        Api.event(Story.planned(Story.CORE, "BookingFlow", "2025-05-12T10:00:00Z")).then().statusCode(201);
    }

    @AfterEach
    void stop() {
        clients.shutdownNow();
    }

    static <T> T ownTransaction(Supplier<T> input) {
        return QuarkusTransaction.requiringNew().call(input::get);
    }

    static String execution(int e) {
        return """
                {"traceId":"trace-xyz-123","sprintId":"%s","featureId":"BookingFlow","agentId":"agent-%d","skillId":"Skill%d","status":"Success","durationMs":%d,"timestamp":"2025-05-13T11:00:%02dZ"}"""
                .formatted(Story.CORE, e, e, 100 + e, e);
    }

    /** Holds the lead with an input that waits, queues the calls behind it, then lets them go as one group. */
    List<Response> asOneGroup(List<Supplier<Response>> calls) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> holder = clients.submit(() -> group.take(() -> {
            held.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }, GroupCommitTest::ownTransaction));
        assertTrue(held.await(10, TimeUnit.SECONDS));
        List<Future<Response>> sent = new ArrayList<>();
        for (Supplier<Response> call : calls) sent.add(clients.submit(call::get));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (group.waiting() < calls.size() && System.nanoTime() < deadline) Thread.sleep(10);
        assertEquals(calls.size(), group.waiting(), "every call waits behind the held group");
        release.countDown();
        holder.get(20, TimeUnit.SECONDS);
        List<Response> answers = new ArrayList<>();
        for (Future<Response> f : sent) answers.add(f.get(30, TimeUnit.SECONDS));
        return answers;
    }

    @Test
    void concurrentCallsAreCommittedAsOneGroupAndEachGetsItsOwnAnswer() throws Exception {
        long[] before = group.committed();
        List<Supplier<Response>> calls = new ArrayList<>();
        for (int e = 0; e < CALLS; e++) {
            String body = execution(e);
            calls.add(() -> Api.as("ci").contentType("application/json").body(body).post("/api/executions"));
        }
        List<Response> answers = asOneGroup(calls);
        List<Long> ids = new ArrayList<>();
        String state = TestDb.text("select state from milestone where id = 'mvp-ready'");
        for (Response r : answers) {
            assertEquals(201, r.statusCode(), r.asString());
            ids.add(r.jsonPath().getLong("evidence_id"));
            assertEquals(state, r.jsonPath().getString("milestone_states.mvp-ready"), "each call judged its milestone");
        }
        assertEquals(CALLS, ids.stream().distinct().count(), "each call answered with its own evidence");
        long[] after = group.committed();
        assertEquals(1, after[0] - before[0], "one group");
        assertEquals(CALLS, after[1] - before[1], "holding every call");
        assertEquals(CALLS, TestDb.count("select count(*) from evidence where kind = 'execution'"));
        assertEquals(CALLS, TestDb.count("select count(*) from audit_event where type = 'ExecutionMetadataReceived'"));
        assertEquals(0, TestDb.count("select count(*) from idempotency_key where status = 0"), "every answer stored for retries");
        Api.as("auditor").get("/api/audit/verify").then().statusCode(200).body("valid", org.hamcrest.Matchers.equalTo(true));

        // a retry of each is answered as the first time, from the answers the group wrote together
        for (int e = 0; e < CALLS; e++) {
            Api.as("ci").contentType("application/json").body(execution(e)).post("/api/executions").then().statusCode(201)
                    .header("Idempotent-Replayed", "true").body("evidence_id", org.hamcrest.Matchers.equalTo(ids.get(e).intValue()));
        }
        assertEquals(CALLS, TestDb.count("select count(*) from evidence where kind = 'execution'"));
    }

    @Test
    void anInputRefusedInAGroupIsRefusedAloneAndTheOthersAreStored() throws Exception {
        Api.as("ci").header("Idempotency-Key", "run-7").contentType("application/json").body(execution(99))
                .post("/api/executions").then().statusCode(201);
        long audit = TestDb.count("select count(*) from audit_event");
        List<Supplier<Response>> calls = new ArrayList<>();
        for (int e = 0; e < CALLS; e++) {
            String body = execution(e);
            // the sixth reuses a key with another body: 409, and only for that call
            String key = e == 5 ? "run-7" : "call-" + e;
            calls.add(() -> Api.as("ci").header("Idempotency-Key", key).contentType("application/json").body(body).post("/api/executions"));
        }
        List<Response> answers = asOneGroup(calls);
        for (int e = 0; e < CALLS; e++) {
            assertEquals(e == 5 ? 409 : 201, answers.get(e).statusCode(), "call " + e + ": " + answers.get(e).asString());
        }
        assertTrue(answers.get(5).asString().contains("already used with a different body"), answers.get(5).asString());
        assertEquals(CALLS, TestDb.count("select count(*) from evidence where kind = 'execution'"), "the first and the eleven others");
        assertEquals(audit + CALLS - 1, TestDb.count("select count(*) from audit_event"));
        Api.as("auditor").get("/api/audit/verify").then().statusCode(200).body("valid", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void theSameInputSentTwiceInOneGroupIsStoredOnceAndReplayedOnce() throws Exception {
        String body = execution(1);
        List<Supplier<Response>> calls = List.of(
                () -> Api.as("ci").contentType("application/json").body(body).post("/api/executions"),
                () -> Api.as("ci").contentType("application/json").body(body).post("/api/executions"),
                () -> Api.as("ci").contentType("application/json").body(execution(2)).post("/api/executions"));
        List<Response> answers = asOneGroup(calls);
        answers.forEach(r -> assertEquals(201, r.statusCode(), r.asString()));
        assertEquals(1, answers.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed"))).count());
        assertEquals(answers.get(0).jsonPath().getLong("evidence_id"), answers.get(1).jsonPath().getLong("evidence_id"));
        assertEquals(2, TestDb.count("select count(*) from evidence where kind = 'execution'"));
    }

    @Test
    void eachCallInAGroupIsRecordedUnderItsOwnSender() throws Exception {
        List<Response> answers = asOneGroup(List.of(
                () -> Api.as("ci").contentType("application/json").body(execution(1)).post("/api/executions"),
                () -> Api.as("platform-admin").contentType("application/json").body(execution(2)).post("/api/executions")));
        answers.forEach(r -> assertEquals(201, r.statusCode(), r.asString()));
        String ci = sender(answers.get(0).jsonPath().getLong("evidence_id"));
        String admin = sender(answers.get(1).jsonPath().getLong("evidence_id"));
        assertEquals("platform-admin", admin, "the second call's evidence and audit event are the platform admin's");
        assertTrue(!ci.equals(admin), "the first call's are CI's own: " + ci);
    }

    /** Who the evidence row and its audit event name as sender; they must agree. */
    static String sender(long evidenceId) {
        String stored = TestDb.text("select actor from evidence where id = " + evidenceId);
        String audited = TestDb.text("select actor from audit_event where type = 'ExecutionMetadataReceived' and payload like '%\"evidence_id\":"
                + evidenceId + ",%'");
        assertEquals(stored, audited, "evidence " + evidenceId + " and its audit event name the same sender");
        return stored;
    }
}
