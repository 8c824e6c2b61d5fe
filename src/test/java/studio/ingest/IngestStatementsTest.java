package studio.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.milestone.SqlStatements;
import studio.testing.Api;
import studio.testing.Story;
import studio.testing.TestDb;

/**
 * What one more input costs the database: a batch of execution records for one sprint (what a CI pipeline sends most)
 * costs its evidence row per line; the idempotency claims, the sprint's lock and links, the milestones it touches, the
 * answers retries get and the audit events are written once per batch, however long it is. A single call reads the
 * facts of the milestone it re-judges in one statement.
 */
@QuarkusTest
class IngestStatementsTest {

    @BeforeEach
    void clean() {
        TestDb.reset();
        Api.importDefinitions(Story.MILESTONES).then().statusCode(200);
        Api.event(Story.planned(Story.CORE, "BookingFlow", "2025-05-12T10:00:00Z")).then().statusCode(201);
    }

    static String executions(int from, int to) {
        return IntStream.range(from, to).mapToObj(e -> """
                {"kind":"executions","body":{"traceId":"trace-xyz-123","sprintId":"%s","featureId":"BookingFlow","agentId":"agent-%d","skillId":"Skill%d","status":"Success","durationMs":%d,"artifact":"File%d.cs","timestamp":"2025-05-13T10:%02d:%02dZ"}}"""
                .formatted(Story.CORE, e % 5, e, 100 + e, e, e / 60, e % 60)).collect(Collectors.joining("\n")) + "\n";
    }

    static long statements(String batch) {
        long before = SqlStatements.count();
        Api.as("ci").contentType("application/x-ndjson").body(batch).post("/api/evidence/batch").then().statusCode(200);
        return SqlStatements.count() - before;
    }

    @Test
    void eachMoreLineOfABatchCostsItsEvidenceRowOnly() {
        long ten = statements(executions(0, 10));
        List<String> texts = SqlStatements.recording(() -> statements(executions(10, 50)));
        long forty = texts.size();
        // the sprint's lock and links, the milestones it touches, every answer and every audit event: once per batch
        assertTrue(forty - ten <= 30, "30 more lines cost " + (forty - ten) + " more statements");
        assertEquals(1, texts.stream().filter(t -> t.contains("insert into idempotency_key")).count(), "one claim of all the keys");
        assertEquals(1, texts.stream().filter(t -> t.contains("insert into audit_event")).count(), "one append for the batch");
        assertEquals(1, texts.stream().filter(t -> t.contains("update idempotency_key")).count(), "one write of the answers");

        assertEquals(50, TestDb.count("select count(*) from evidence where kind = 'execution'"));
        assertEquals(50, TestDb.count("select count(*) from audit_event where type = 'ExecutionMetadataReceived'"));
        assertEquals(0, TestDb.count("select count(*) from idempotency_key where status = 0"), "every answer stored");
        Api.as("auditor").get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aRetriedBatchGetsEveryLinesFirstAnswerFromTheAnswersWrittenTogether() {
        String batch = executions(0, 5) + executions(2, 3); // the last line repeats the third: one input, answered twice
        JsonPath first = Api.as("ci").contentType("application/x-ndjson").body(batch).post("/api/evidence/batch")
                .then().statusCode(200).body("accepted", equalTo(5)).body("replayed", equalTo(1)).extract().jsonPath();
        assertEquals(first.getLong("results[2].answer.evidence_id"), first.getLong("results[5].answer.evidence_id"));
        JsonPath again = Api.as("ci").contentType("application/x-ndjson").body(batch).post("/api/evidence/batch")
                .then().statusCode(200).body("accepted", equalTo(0)).body("replayed", equalTo(6)).extract().jsonPath();
        assertEquals(first.getList("results.answer.evidence_id"), again.getList("results.answer.evidence_id"));
        assertEquals(5, TestDb.count("select count(*) from evidence where kind = 'execution'"));
    }

    @Test
    void aSingleCallReadsTheFactsOfTheMilestoneItReJudgesInOneStatement() {
        String first = executions(0, 1).replaceFirst("^\\{\"kind\":\"executions\",\"body\":", "").replaceFirst("}\n$", "");
        Api.as("ci").contentType("application/json").body(first).post("/api/executions").then().statusCode(201);
        String second = executions(1, 2).replaceFirst("^\\{\"kind\":\"executions\",\"body\":", "").replaceFirst("}\n$", "");
        List<String> texts = SqlStatements.recording(() -> Api.as("ci").contentType("application/json").body(second)
                .post("/api/executions").then().statusCode(201).body("milestones_evaluated", org.hamcrest.Matchers.hasSize(1)));
        for (String table : List.of("coverage_fact", "trace_fact", "test_result_fact", "gate_signal", "override_request", "gate_decision")) {
            assertEquals(1, texts.stream().filter(t -> t.contains(" " + table + " ")).count(), table + " read once, with the others");
        }
        assertTrue(texts.size() <= 11, "a single call cost " + texts.size() + " statements: " + texts);
    }
}
