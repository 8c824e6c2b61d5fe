package studio.sprint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * A sprint's own {@code gates} and {@code concurrencyPolicy} do what its sprints.yaml says: SprintClosed closes the
 * sprint only when its gates pass on its own evidence, a started sprint keeps its gates, an isolated sprint runs alone,
 * and a field Studio could not honour is refused with its line.
 */
@QuarkusTest
class SprintGateEnforcementTest {

    private static final String PLAN = """
            milestones:
              - id: gated-ms
                requiredFeatures: [Gated.Flow]
                gateConditions: [allSprintsClosed]
            sprints:
              - id: gated-sprint
                milestone: gated-ms
                features: [Gated.Flow]
                gates: [traceValidated, testsPassed]
              - id: side-sprint
                milestone: gated-ms
            """;

    @BeforeEach
    void clean() {
        TestDb.reset();
        Api.importDefinitions(PLAN).then().statusCode(200);
    }

    @Test
    void sprintClosedWaitsForTheSprintsGatesIsHeldWhileOneFailsAndClosesWhenTheEvidenceSatisfiesThem() {
        Api.event(event("SprintStarted", "gated-sprint", "2026-01-01T09:00:00Z")).then().statusCode(201);
        Api.event(event("SprintClosed", "gated-sprint", "2026-01-01T10:00:00Z")).then().statusCode(201);

        assertEquals("verifying", state("gated-sprint"), "no evidence yet: the closing waits");
        assertNull(TestDb.text("select closed_at::text from sprint where id = 'gated-sprint'"));
        Api.milestone("gated-ms").then().body("gates.find { it.condition == 'allSprintsClosed' }.status", equalTo("pending"))
                .body("gates.find { it.condition == 'allSprintsClosed' }.detail",
                        containsString("gated-sprint (Verifying: SprintClosed held by its gates: traceValidated: no trace matrix from this sprint yet; "
                                + "testsPassed: no QA report with test results from this sprint yet)"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'SprintClosureHeld' and subject_id = 'gated-sprint'"));

        Api.traceMatrix("gated-sprint", matrix()).then().statusCode(201);
        qa(8, 2);
        assertEquals("blocked", state("gated-sprint"), "a failed gate holds the closing");
        Api.milestone("gated-ms").then().body("gates.find { it.condition == 'allSprintsClosed' }.status", equalTo("failed"))
                .body("gates.find { it.condition == 'allSprintsClosed' }.detail", containsString("testsPassed: 2 of 10 tests failed"));
        assertEquals(3, TestDb.count("select count(*) from audit_event where type = 'SprintClosureHeld' and subject_id = 'gated-sprint'"),
                "held again each time the reason changed: the trace gate passed, then the tests failed");

        qa(10, 0);
        assertEquals("closed", state("gated-sprint"));
        assertEquals("2026-01-01 10:00:00+00", TestDb.text("select closed_at::text from sprint where id = 'gated-sprint'"),
                "closed at its SprintClosed");
        assertNull(TestDb.text("select closure_held from sprint where id = 'gated-sprint'"));
        Api.milestone("gated-ms").then().body("gates.find { it.condition == 'allSprintsClosed' }.status", equalTo("passed"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'SprintGatesPassed' and subject_id = 'gated-sprint'"));
    }

    @Test
    @TestSecurity(user = "po", roles = "product-owner")
    void theSprintPageShowsEachGateWithItsStatusAndWhatHoldsTheClosing() {
        Api.event(event("SprintClosed", "gated-sprint", "2026-01-01T10:00:00Z")).then().statusCode(201);
        qa(8, 2);

        String html = given().get("/sprints/gated-sprint").then().statusCode(200).extract().asString();
        assertTrue(html.contains("SprintClosed received, but the sprint's own gates hold its closing."), html);
        String gates = html.substring(html.indexOf("id=\"sprint-gates\""), html.indexOf("</section>", html.indexOf("id=\"sprint-gates\"")))
                .replaceAll("\\s*\n\\s*", "");
        assertTrue(gates.contains("<td class=\"mono\">testsPassed</td><td><span class=\"chip chip-failed\">Failed</span></td><td>2 of 10 tests failed</td>"), gates);
        assertTrue(gates.contains("<td class=\"mono\">traceValidated</td><td><span class=\"chip chip-pending\">Pending</span></td>"
                + "<td>no trace matrix from this sprint yet</td>"), gates);
    }

    @Test
    void aStartedSprintKeepsItsGatesButMayGainOne() {
        Api.event(event("SprintStarted", "gated-sprint", "2026-01-01T09:00:00Z")).then().statusCode(201);
        long audits = TestDb.count("select count(*) from audit_event");

        Api.importDefinitions(PLAN.replace("gates: [traceValidated, testsPassed]", "gates: [traceValidated]")).then().statusCode(409)
                .body(containsString("sprint gated-sprint has started (it is active): its gates cannot be removed (testsPassed missing"));
        assertTrue(TestDb.text("select definition from sprint where id = 'gated-sprint'").contains("testsPassed"), "nothing stored");
        assertEquals(audits, TestDb.count("select count(*) from audit_event"));

        Api.importDefinitions(PLAN.replace("  - id: side-sprint\n    milestone: gated-ms\n", "  - id: side-sprint\n    milestone: gated-ms\n    gates: [testsPassed]\n"))
                .then().statusCode(200);
        Api.event(event("SprintClosed", "side-sprint", "2026-01-01T10:00:00Z")).then().statusCode(201);
        assertEquals("verifying", state("side-sprint"), "a gate added before closing holds it");
    }

    @Test
    void sprintGatesAStudioCannotJudgeOnASprintAndUnknownConcurrencyPoliciesAreRefusedWithTheirLine() {
        Api.importDefinitions("sprints:\n  - id: s-bad\n    gates:\n      - traceValidated\n      - securityValidated\n").then().statusCode(400)
                .body("errors[0].line", equalTo(5))
                .body("errors[0].message", containsString("sprint gate 'securityValidated' is not one a sprint's own evidence decides"));
        Api.importDefinitions("sprints:\n  - id: s-bad\n    concurrencyPolicy: exclusive\n").then().statusCode(400)
                .body("errors[0].line", equalTo(3))
                .body("errors[0].message", equalTo("concurrencyPolicy 'exclusive' must be one of isolated, shared"));
        assertEquals(0, TestDb.count("select count(*) from sprint where id = 's-bad'"));
    }

    @Test
    void anIsolatedSprintRunsAloneAmongItsMilestonesSprints() {
        Api.importDefinitions(PLAN.replace("  - id: side-sprint\n    milestone: gated-ms\n",
                "  - id: side-sprint\n    milestone: gated-ms\n    concurrencyPolicy: isolated\n")).then().statusCode(200);
        Api.event(event("SprintStarted", "gated-sprint", "2026-01-01T09:00:00Z")).then().statusCode(201);

        Api.event(event("SprintStarted", "side-sprint", "2026-01-01T09:30:00Z")).then().statusCode(409)
                .body(containsString("sprint side-sprint is isolated (concurrencyPolicy: isolated) and sprint gated-sprint of milestone gated-ms is active"));
        assertEquals("planned", state("side-sprint"), "refused: nothing recorded");
        assertEquals(0, TestDb.count("select count(*) from sprint_event where sprint_id = 'side-sprint'"));

        Api.event(event("SprintBlocked", "gated-sprint", "2026-01-01T09:40:00Z")).then().statusCode(201);
        Api.event(event("SprintStarted", "side-sprint", "2026-01-01T09:45:00Z")).then().statusCode(409);
        Api.event(event("SprintClosed", "gated-sprint", "2026-01-01T10:00:00Z")).then().statusCode(201);
        Api.traceMatrix("gated-sprint", matrix()).then().statusCode(201);
        qa(10, 0);
        assertEquals("closed", state("gated-sprint"));
        Api.event(event("SprintStarted", "side-sprint", "2026-01-01T11:00:00Z")).then().statusCode(201);
    }

    private static String event(String type, String sprint, String at) {
        return "{\"event\":\"" + type + "\",\"sprintId\":\"" + sprint + "\",\"reason\":\"r\",\"timestamp\":\"" + at + "\"}";
    }

    private static String matrix() {
        return """
                {"sprint_id":"gated-sprint","milestone_id":"gated-ms",
                 "features":[{"id":"Gated.Flow","tests":["GatedTests.one"],"artifacts":["Gated.cs"]}]}""";
    }

    private static void qa(int passed, int failed) {
        Api.as("ci").contentType("application/json")
                .body("{\"features\":{\"Gated.Flow\":91},\"testsPassed\":" + passed + ",\"testsFailed\":" + failed + "}")
                .post("/api/sprints/gated-sprint/qa-report").then().statusCode(201);
    }

    private static String state(String sprint) {
        return TestDb.text("select state from sprint where id = '" + sprint + "'");
    }
}
