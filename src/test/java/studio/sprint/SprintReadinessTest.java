package studio.sprint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * The timing spec's planning events: a sprint's readiness before execution (scope defined, test plan ready,
 * infrastructure ready, ready to start) is recorded and shown on the sprint page and list without moving its state;
 * MilestonePlanCreated is recorded with the milestone and links the sprints it names.
 */
@QuarkusTest
@TestSecurity(user = "po", roles = "product-owner")
class SprintReadinessTest {

    @BeforeEach
    void clean() {
        TestDb.reset();
        Api.importDefinitions("""
                milestones:
                  - id: ready-ms
                    gateConditions: [allSprintsClosed]
                sprints:
                  - id: ready-s
                    name: Readiness sprint
                    milestone: ready-ms
                """).then().statusCode(200);
    }

    @Test
    void readinessStepsAreRecordedAndShownWhileTheSprintStaysPlanned() {
        Api.event(event("FeatureScopeDefined", "ready-s", "\"features\":[\"Ready.One\"],", "2026-02-01T09:00:00Z")).then().statusCode(201);
        Api.event(event("SprintInfraReady", "ready-s", "", "2026-02-01T09:30:00Z")).then().statusCode(201);

        assertEquals("planned", TestDb.text("select state from sprint where id = 'ready-s'"));
        assertEquals(1, TestDb.count("select count(*) from sprint_feature where sprint_id = 'ready-s' and feature_id = 'Ready.One'"),
                "the scope's features are the sprint's");
        String list = given().get("/sprints").then().statusCode(200).extract().asString();
        assertTrue(list.contains("2 of 4 readiness steps"), list);

        Api.event(event("SprintReadyToStart", "ready-s", "", "2026-02-01T10:00:00Z")).then().statusCode(201);
        String page = given().get("/sprints/ready-s").then().statusCode(200).extract().asString().replaceAll("\\s*\n\\s*", " ");
        assertTrue(page.contains("<li class=\"done\"><span aria-hidden=\"true\">✓</span> Scope defined <span class=\"small muted\">(FeatureScopeDefined, "), page);
        assertTrue(page.contains("<li class=\"todo\"><span aria-hidden=\"true\">○</span> Test plan ready <span class=\"small muted\">(no SprintTestPlanReady yet)</span>"), page);
        assertTrue(page.contains("Ready to start was reported without: Test plan ready."), page);
        assertTrue(given().get("/sprints").then().extract().asString().contains("<div class=\"small muted\">Ready to start</div>"));
        assertEquals(3, TestDb.count("select count(*) from audit_event where subject_type = 'sprint' and subject_id = 'ready-s'"
                + " and type in ('FeatureScopeDefined', 'SprintInfraReady', 'SprintReadyToStart')"));

        Api.event(event("SprintStarted", "ready-s", "", "2026-02-01T11:00:00Z")).then().statusCode(201);
        assertTrue(!given().get("/sprints").then().extract().asString().contains("readiness steps"), "a started sprint shows its state only");
    }

    @Test
    void anEarlierReportOfAStepIsKeptAndAStepThatNamesFeaturesItCannotTakeIsRefused() {
        Api.event(event("SprintTestPlanReady", "ready-s", "", "2026-02-01T09:20:00Z")).then().statusCode(201);
        Api.event(event("SprintTestPlanReady", "ready-s", "", "2026-02-01T08:00:00Z")).then().statusCode(201);
        assertEquals("2026-02-01 08:00:00+00", TestDb.text("select occurred_at::text from sprint_readiness where sprint_id = 'ready-s'"));

        Api.event(event("SprintInfraReady", "ready-s", "\"features\":[\"X\"],", "2026-02-01T09:30:00Z")).then().statusCode(400)
                .body(containsString("SprintInfraReady takes no features"));
        assertEquals(1, TestDb.count("select count(*) from sprint_readiness"));
    }

    @Test
    void milestonePlanCreatedIsRecordedWithTheMilestoneAndLinksItsSprints() {
        Api.event("{\"event\":\"MilestonePlanCreated\",\"milestoneId\":\"no-such-ms\",\"timestamp\":\"2026-02-01T08:00:00Z\"}").then().statusCode(404);
        Api.event("{\"event\":\"MilestonePlanCreated\",\"milestoneId\":\"ready-ms\",\"sprints\":[\"ready-s\",\"ready-s2\"],"
                + "\"timestamp\":\"2026-02-01T08:00:00Z\"}").then().statusCode(201);
        assertEquals(1, TestDb.count("select count(*) from sprint_milestone where sprint_id = 'ready-s2' and milestone_id = 'ready-ms'"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'MilestonePlanCreated' and subject_id = 'ready-ms'"));
        assertTrue(given().get("/milestones/ready-ms").then().statusCode(200).extract().asString().contains("MilestonePlanCreated"));
    }

    private static String event(String type, String sprint, String extra, String at) {
        return "{\"event\":\"" + type + "\",\"sprintId\":\"" + sprint + "\"," + extra + "\"timestamp\":\"" + at + "\"}";
    }
}
