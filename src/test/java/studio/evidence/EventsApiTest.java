package studio.evidence;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.testing.Story.*;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

@QuarkusTest
class EventsApiTest {

    @BeforeEach
    void clean() {
        TestDb.reset();
        Api.importDefinitions(MILESTONES).then().statusCode(200);
    }

    @Test
    void aRetriedEventAnswersAsTheFirstTimeAndStoresNothingNew() {
        String body = planned(CORE, "BookingFlow", "2025-05-12T10:00:00Z");
        String first = Api.as("ci").contentType("application/json").header("Idempotency-Key", "k-1").body(body)
                .post("/api/events").then().statusCode(201).extract().asString();
        long evidence = TestDb.count("select count(*) from evidence");
        long audit = TestDb.count("select count(*) from audit_event");

        String again = Api.as("ci").contentType("application/json").header("Idempotency-Key", "k-1").body(body)
                .post("/api/events").then().statusCode(201).header("Idempotent-Replayed", "true").extract().asString();

        assertEquals(first, again);
        assertEquals(evidence, TestDb.count("select count(*) from evidence"));
        assertEquals(audit, TestDb.count("select count(*) from audit_event"));
    }

    @Test
    void aRetryWithoutAKeyIsRecognisedByItsBody() {
        String body = closed(CORE, "2025-05-13T14:45:00Z");
        Api.event(body).then().statusCode(201);
        Api.event(body).then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(1, TestDb.count("select count(*) from sprint_event"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflictAndStoresNothing() {
        Api.as("ci").contentType("application/json").header("Idempotency-Key", "k-2")
                .body(planned(CORE, "BookingFlow", "2025-05-12T10:00:00Z")).post("/api/events").then().statusCode(201);
        long evidence = TestDb.count("select count(*) from evidence");
        Api.as("ci").contentType("application/json").header("Idempotency-Key", "k-2")
                .body(planned(COMM, "Notification.Email.Send", "2025-05-12T10:00:00Z")).post("/api/events")
                .then().statusCode(409).body("errors[0].message", containsString("k-2"));
        assertEquals(evidence, TestDb.count("select count(*) from evidence"));
        assertEquals(0, TestDb.count("select count(*) from sprint where id = '" + COMM + "'"));
    }

    @Test
    void eventsArrivingOutOfOrderEndInTheSameStateAsInOrder() {
        List<String> inOrder = story("a");
        JsonPath expected = finalState("a", inOrder);

        TestDb.reset();
        Api.importDefinitions(MILESTONES).then().statusCode(200);
        List<String> shuffled = new ArrayList<>(story("a"));
        java.util.Collections.reverse(shuffled);
        JsonPath actual = finalState("a", shuffled);

        assertEquals(expected.getString("status"), actual.getString("status"));
        assertEquals(expected.getList("gates.status"), actual.getList("gates.status"));
        assertEquals(expected.getString("qa_coverage_avg"), actual.getString("qa_coverage_avg"));
        assertEquals("closed", TestDb.text("select state from sprint where id = '" + CORE + "'"));
    }

    private static List<String> story(String suffix) {
        return List.of(planned(CORE, "BookingFlow", "2025-05-12T10:00:00Z"),
                "{\"event\":\"SprintStarted\",\"sprintId\":\"" + CORE + "\",\"timestamp\":\"2025-05-12T11:00:00Z\"}",
                planned(COMM, "Notification.Email.Send", "2025-05-12T10:05:00Z"),
                closed(CORE, "2025-05-13T14:45:00Z"),
                closed(COMM, "2025-05-14T18:30:00Z"));
    }

    private static JsonPath finalState(String suffix, List<String> events) {
        Api.traceMatrix(CORE, matrix(CORE, "BookingFlow", 17)).then().statusCode(201);
        Api.traceMatrix(COMM, matrix(COMM, "Notification.Email.Send", 18)).then().statusCode(201);
        Api.qaReport(CORE, qa(CORE, "BookingFlow", "93.1")).then().statusCode(201);
        Api.qaReport(COMM, qa(COMM, "Notification.Email.Send", "89.6")).then().statusCode(201);
        events.forEach(e -> Api.event(e).then().statusCode(201));
        return Api.milestone("mvp-ready").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aSprintCannotStartAfterItClosedAndNothingIsStored() {
        Api.event(closed(CORE, "2025-05-13T14:45:00Z")).then().statusCode(201);
        long evidence = TestDb.count("select count(*) from evidence");
        Api.event("{\"event\":\"SprintStarted\",\"sprintId\":\"" + CORE + "\",\"timestamp\":\"2025-05-14T09:00:00Z\"}")
                .then().statusCode(409).body("errors[0].message", containsString("cannot follow"));
        assertEquals(evidence, TestDb.count("select count(*) from evidence"));
        assertEquals("closed", TestDb.text("select state from sprint where id = '" + CORE + "'"));
    }

    @Test
    void anOlderStartArrivingLateIsPlacedBeforeTheClosure() {
        Api.event(closed(CORE, "2025-05-13T14:45:00Z")).then().statusCode(201);
        Api.event("{\"event\":\"SprintStarted\",\"sprintId\":\"" + CORE + "\",\"timestamp\":\"2025-05-12T09:00:00Z\"}")
                .then().statusCode(201);
        assertEquals("closed", TestDb.text("select state from sprint where id = '" + CORE + "'"));
    }

    @Test
    void malformedJsonIsA400WithLineAndColumn() {
        Api.as("ci").contentType("application/json").body("{\"event\": \"SprintClosed\",\n  \"sprintId\": }")
                .post("/api/events").then().statusCode(400)
                .body("errors[0].line", equalTo(2))
                .body("errors[0].column", org.hamcrest.Matchers.notNullValue());
        assertEquals(0, TestDb.count("select count(*) from evidence"));
    }

    @Test
    void anUnknownEventTypeNamesTheAcceptedOnes() {
        Api.event("{\"event\":\"SprintExploded\",\"sprintId\":\"s\"}").then().statusCode(400)
                .body("errors[0].message", containsString("SprintClosed"))
                .body("errors[0].path", equalTo("$.event"));
    }

    @Test
    void aMissingFieldNamesItsPath() {
        Api.event("{\"event\":\"SprintClosed\",\"traceId\":\"t\"}").then().statusCode(400)
                .body("errors[0].message", containsString("'sprintId' is required"))
                .body("errors[0].line", equalTo(1));
    }

    @Test
    void aSignalForAnUnknownMilestoneIs404AndStoresNothing() {
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"nope\",\"gate\":\"securityValidated\",\"status\":\"pass\"}")
                .then().statusCode(404).body("errors[0].message", containsString("nope"));
        assertEquals(0, TestDb.count("select count(*) from evidence"));
    }

    @Test
    void aMalformedTraceMatrixIsA400NamingThePath() {
        Api.traceMatrix(CORE, "{\"sprint_id\":\"" + CORE + "\",\"features\":[{\"id\":\"BookingFlow\",\"coverage\":\"193%\"}]}")
                .then().statusCode(400).body("errors[0].path", containsString("features[0]"));
        Api.traceMatrix(CORE, "{\"sprint_id\":\"other-sprint\",\"features\":[]}").then().statusCode(400)
                .body("errors[0].message", containsString("other-sprint"));
        assertEquals(0, TestDb.count("select count(*) from evidence"));
    }

    @Test
    void aQaReportLineThatIsNotACoverageLineIsNamedByLine() {
        Api.qaReport(CORE, "## QA Validation Summary — " + CORE + "\n- BookingFlow: 93.1%\n- Auth.Login: lots%\n")
                .then().statusCode(400).body("errors[0].line", equalTo(3));
    }

    @Test
    void aDeferredFeatureIsRecordedWithItsReason() {
        Api.event("{\"event\":\"FeatureDeferred\",\"featureId\":\"Notification.Email.Send\",\"reason\":\"SMTP vendor blocked\","
                + "\"timestamp\":\"2025-05-13T10:00:00Z\"}").then().statusCode(201);
        assertEquals("SMTP vendor blocked", TestDb.text("select deferral_reason from feature where id = 'Notification.Email.Send'"));
    }

    @Test
    void aGateSignalDecidesASignalGate() {
        Api.importDefinitions("""
                milestones:
                  - id: security-verification
                    gateConditions:
                      - securityValidated
                      - resilienceScoreAbove: 85
                    governedBy: security-officer
                """).then().statusCode(200);
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"security-verification\",\"gate\":\"resilienceScoreAbove\","
                + "\"status\":\"pass\",\"value\":84.5,\"detail\":\"chaos run 7\"}").then().statusCode(201);
        Api.milestone("security-verification").then()
                .body("gates.find { it.condition == 'resilienceScoreAbove' }.status", equalTo("failed"))
                .body("gates.find { it.condition == 'securityValidated' }.status", equalTo("pending"));
    }
}
