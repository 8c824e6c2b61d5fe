package studio.evidence;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.testing.Story.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/** POST /api/evidence/batch: many inputs in one call, stored whole or not at all, judged once per milestone. */
@QuarkusTest
class EvidenceBatchApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COUNTS = """
            select (select count(*) from evidence) || '/' || (select count(*) from audit_event) || '/'
                || (select count(*) from idempotency_key) || '/' || (select count(*) from sprint_event) || '/'
                || (select count(*) from coverage_fact) || '/' || (select count(*) from evaluation)""";

    @BeforeEach
    void clean() {
        TestDb.reset();
        Api.importDefinitions(MILESTONES).then().statusCode(200);
    }

    @Test
    void theMvpStoryAsOneBatchEndsWhereTheSingleCallsEndAndJudgesTheMilestoneOnce() {
        JsonPath single = singleCalls();
        TestDb.reset();
        Api.importDefinitions(MILESTONES).then().statusCode(200);
        long evaluationsBefore = TestDb.count("select count(*) from evaluation where milestone_id = 'mvp-ready'");

        batch(story()).then().statusCode(200)
                .body("lines", equalTo(8)).body("accepted", equalTo(8)).body("replayed", equalTo(0))
                .body("milestones_evaluated", equalTo(List.of("mvp-ready")))
                .body("results[0].status", equalTo(201)).body("results[0].answer.accepted", equalTo(true))
                .body("results[7].line", equalTo(8));

        JsonPath batched = Api.milestone("mvp-ready").then().statusCode(200).extract().jsonPath();
        assertEquals("reached", batched.getString("status"));
        assertEquals(single.getString("status"), batched.getString("status"));
        assertEquals(single.getList("gates.status"), batched.getList("gates.status"));
        assertEquals(single.getString("qa_coverage_avg"), batched.getString("qa_coverage_avg"));
        // one judgement for the whole batch, where eight single calls judge eight times
        assertEquals(evaluationsBefore + 1, TestDb.count("select count(*) from evaluation where milestone_id = 'mvp-ready'"));
        // every line is evidence with its own audit event, as a single call would leave
        assertEquals(8, TestDb.count("select count(*) from evidence"));
        assertEquals(2, TestDb.count("select count(*) from audit_event where type = 'TraceMatrixReceived'"));
        assertEquals(2, TestDb.count("select count(*) from audit_event where type = 'QaReportReceived'"));
        assertEquals(2, TestDb.count("select count(*) from audit_event where type = 'SprintClosed'"));
        Api.as("auditor").get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void replayingABatchAnswersEveryLineAsBeforeAndChangesNothing() {
        String body = story();
        batch(body).then().statusCode(200);
        String counts = TestDb.text(COUNTS);

        batch(body).then().statusCode(200).body("accepted", equalTo(0)).body("replayed", equalTo(8))
                .body("milestones_evaluated", equalTo(List.of())).body("results[3].replayed", equalTo(true));
        assertEquals(counts, TestDb.text(COUNTS));

        // a line's key is the key of the single call: retrying that input alone is a replay too
        Api.as("ci").contentType("application/json").header("Idempotency-Key", "close-core")
                .body(closed(CORE, "2025-05-13T14:45:00Z")).post("/api/events")
                .then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(counts, TestDb.text(COUNTS));
    }

    @Test
    void aMalformedLineIsA400NamingItsLineAndNothingIsStored() {
        String body = line("event", null, "p-core", planned(CORE, "BookingFlow", "2025-05-12T10:00:00Z")) + "\n"
                + line("event", null, "p-comm", planned(COMM, "Notification.Email.Send", "2025-05-12T10:05:00Z")) + "\n"
                + "{\"kind\":\"event\",\"body\": }\n";
        String counts = TestDb.text(COUNTS);
        batch(body).then().statusCode(400).body("errors[0].line", equalTo(3))
                .body("errors[0].message", containsString("malformed JSON"));
        assertEquals(counts, TestDb.text(COUNTS));
    }

    @Test
    void aBadBodyIsNamedByLineAndFieldAndNothingIsStored() {
        String body = line("event", null, "p-core", planned(CORE, "BookingFlow", "2025-05-12T10:00:00Z")) + "\n"
                + line("event", null, null, "{\"event\":\"SprintClosed\",\"timestamp\":\"2025-05-13T14:45:00Z\"}") + "\n";
        String counts = TestDb.text(COUNTS);
        batch(body).then().statusCode(400).body("errors[0].line", equalTo(2))
                .body("errors[0].path", containsString("$.body"))
                .body("errors[0].message", containsString("sprintId"));
        assertEquals(counts, TestDb.text(COUNTS));
        assertEquals(0, TestDb.count("select count(*) from sprint where id = '" + CORE + "'"));
    }

    @Test
    void aLineStudioRefusesRollsBackTheLinesBeforeIt() {
        String body = line("event", null, "p-core", planned(CORE, "BookingFlow", "2025-05-12T10:00:00Z")) + "\n"
                + line("trace-matrix", CORE, "m-core", matrix(CORE, "BookingFlow", 17)) + "\n"
                + line("event", null, "sig", "{\"event\":\"GateSignal\",\"milestoneId\":\"no-such-milestone\","
                        + "\"gate\":\"securityValidated\",\"status\":\"pass\"}") + "\n";
        String counts = TestDb.text(COUNTS);
        batch(body).then().statusCode(404).body("errors[0].line", equalTo(3))
                .body("errors[0].message", containsString("no-such-milestone"));
        assertEquals(counts, TestDb.text(COUNTS));
        assertEquals(0, TestDb.count("select count(*) from sprint where id = '" + CORE + "'"));
    }

    @Test
    void aKeyReusedWithAnotherBodyIsA409NamingTheLine() {
        Api.as("ci").contentType("application/json").header("Idempotency-Key", "k-9")
                .body(planned(CORE, "BookingFlow", "2025-05-12T10:00:00Z")).post("/api/events").then().statusCode(201);
        String counts = TestDb.text(COUNTS);
        String body = line("trace-matrix", CORE, "m-core", matrix(CORE, "BookingFlow", 17)) + "\n"
                + line("event", null, "k-9", planned(COMM, "Notification.Email.Send", "2025-05-12T10:05:00Z")) + "\n";
        batch(body).then().statusCode(409).body("errors[0].line", equalTo(2)).body("errors[0].message", containsString("k-9"));
        assertEquals(counts, TestDb.text(COUNTS));
    }

    @Test
    void aKeyRepeatedInOneBatchWithAnotherBodyIsA409NamingTheLaterLine() {
        String counts = TestDb.text(COUNTS);
        String body = line("event", null, "k-7", planned(CORE, "BookingFlow", "2025-05-12T10:00:00Z")) + "\n"
                + line("trace-matrix", CORE, "m-core", matrix(CORE, "BookingFlow", 17)) + "\n"
                + line("event", null, "k-7", planned(COMM, "Notification.Email.Send", "2025-05-12T10:05:00Z")) + "\n";
        batch(body).then().statusCode(409).body("errors[0].line", equalTo(3)).body("errors[0].message", containsString("k-7"));
        assertEquals(counts, TestDb.text(COUNTS), "every claim rolled back with the batch");
    }

    @Test
    void unknownKindsAndFieldsAreNamedWithTheirLines() {
        String body = "{\"kind\":\"evnt\",\"body\":{}}\n\n{\"kind\":\"qa-report\",\"body\":\"- A: 90%\",\"sprint\":\"x\"}\n";
        batch(body).then().statusCode(400)
                .body("errors[0].line", equalTo(1)).body("errors[0].message", containsString("did you mean 'event'"))
                .body("errors.line", org.hamcrest.Matchers.hasItem(3))
                .body("errors.message", org.hamcrest.Matchers.hasItem(containsString("sprintId is required")));
        assertEquals(0, TestDb.count("select count(*) from evidence"));
    }

    @Test
    void onlyCiAndPlatformAdminsSendBatches() {
        Api.as("product-owner").contentType("application/x-ndjson").body(story()).post("/api/evidence/batch")
                .then().statusCode(403);
        Api.as("auditor").contentType("application/x-ndjson").body(story()).post("/api/evidence/batch")
                .then().statusCode(403);
        assertEquals(0, TestDb.count("select count(*) from evidence"));
    }

    private static JsonPath singleCalls() {
        Api.traceMatrix(CORE, matrix(CORE, "BookingFlow", 17)).then().statusCode(201);
        Api.traceMatrix(COMM, matrix(COMM, "Notification.Email.Send", 18)).then().statusCode(201);
        Api.qaReport(CORE, qa(CORE, "BookingFlow", "93.1")).then().statusCode(201);
        Api.qaReport(COMM, qa(COMM, "Notification.Email.Send", "89.6")).then().statusCode(201);
        Api.event(planned(CORE, "BookingFlow", "2025-05-12T10:00:00Z")).then().statusCode(201);
        Api.event(planned(COMM, "Notification.Email.Send", "2025-05-12T10:05:00Z")).then().statusCode(201);
        Api.event(closed(CORE, "2025-05-13T14:45:00Z")).then().statusCode(201);
        Api.event(closed(COMM, "2025-05-14T18:30:00Z")).then().statusCode(201);
        return Api.milestone("mvp-ready").then().statusCode(200).extract().jsonPath();
    }

    /** The same eight inputs as {@link #singleCalls()}, one per line. */
    private static String story() {
        return String.join("\n",
                line("trace-matrix", CORE, "m-core", matrix(CORE, "BookingFlow", 17)),
                line("trace-matrix", COMM, "m-comm", matrix(COMM, "Notification.Email.Send", 18)),
                line("qa-report", CORE, "qa-core", qa(CORE, "BookingFlow", "93.1")),
                line("qa-report", COMM, "qa-comm", qa(COMM, "Notification.Email.Send", "89.6")),
                line("event", null, "p-core", planned(CORE, "BookingFlow", "2025-05-12T10:00:00Z")),
                line("event", null, "p-comm", planned(COMM, "Notification.Email.Send", "2025-05-12T10:05:00Z")),
                line("event", null, "close-core", closed(CORE, "2025-05-13T14:45:00Z")),
                line("event", null, "close-comm", closed(COMM, "2025-05-14T18:30:00Z"))) + "\n";
    }

    /** One batch line; a JSON body is embedded as JSON, a markdown one as a string. */
    private static String line(String kind, String sprint, String key, String body) {
        ObjectNode n = JSON.createObjectNode().put("kind", kind);
        if (sprint != null) n.put("sprintId", sprint);
        if (key != null) n.put("idempotencyKey", key);
        try {
            if (body.strip().startsWith("{")) n.set("body", JSON.readTree(body));
            else n.put("body", body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return n.toString();
    }

    private static Response batch(String body) {
        return Api.as("ci").contentType("application/x-ndjson").body(body).post("/api/evidence/batch");
    }
}
