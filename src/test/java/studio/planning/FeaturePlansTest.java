package studio.planning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/**
 * A product owner defers a feature or rolls it forward from the backlog, not only CI through the API; the deferral
 * radar shows what was deferred, how often and from which milestone.
 */
@QuarkusTest
@TestSecurity(user = "po-plans", roles = "product-owner")
class FeaturePlansTest {

    private static final String PLAN = """
            milestones:
              - id: plans-ms
                requiredFeatures: [Plans.Search, Plans.Export]
                gateConditions: [allSprintsClosed]
                deferredAllowed: true
              - id: strict-ms
                requiredFeatures: [Plans.Export]
                gateConditions: [allSprintsClosed]
            sprints:
              - id: plans-s1
                milestone: plans-ms
                features: [Plans.Search, Plans.Export]
              - id: plans-s2
                milestone: plans-ms
            features:
              - id: Plans.Search
                title: Search the plans
              - id: Plans.Export
                title: Export the plans
            """;
    private static final String PAGE = "/backlog/features/Plans.Search/plan";

    @BeforeEach
    void clean() {
        TestDb.reset();
        Api.importDefinitions(PLAN).then().statusCode(200);
    }

    @Test
    void theBacklogCardLeadsToThePlanPageWhichSaysWhereADeferralCounts() {
        String backlog = given().get("/backlog").then().statusCode(200).extract().asString();
        assertTrue(backlog.contains("href=\"/backlog/features/Plans.Search/plan\">Defer or roll forward"), backlog);
        assertTrue(backlog.contains("href=\"/backlog/deferrals\">Deferral radar"), backlog);

        String page = given().get("/backlog/features/Plans.Export/plan").then().statusCode(200).extract().asString();
        assertTrue(page.contains("allows deferral: deferring takes the feature out of its gates' scope"), page);
        assertTrue(page.contains("does not allow deferral: the feature stays required there"), "strict-ms: " + page);
        assertTrue(page.contains("<option value=\"plans-s2\">plans-s2</option>"), "a sprint that has not started takes it");
    }

    @Test
    void aProductOwnerDefersWithAReasonAndTheMilestoneNoLongerWaitsForIt() {
        Api.event("{\"event\":\"SprintStarted\",\"sprintId\":\"plans-s1\",\"timestamp\":\"2026-01-01T09:00:00Z\"}").then().statusCode(201);
        Api.milestone("plans-ms").then().body("gates.find { it.condition == 'allSprintsClosed' }.detail", containsString("Plans.Search awaits plans-s1"));
        CsrfForms.form(PAGE).formParam("reason", "").formParam("milestone", "plans-ms")
                .post("/backlog/features/Plans.Search/defer").then().statusCode(400);
        assertEquals(0, TestDb.count("select count(*) from evidence where event_type = 'FeatureDeferred'"), "refused: nothing stored");

        CsrfForms.form(PAGE).formParam("reason", "search moves to the next release").formParam("milestone", "plans-ms")
                .post("/backlog/features/Plans.Search/defer").then().statusCode(303)
                .header("Location", endsWith("/backlog/deferrals?done=deferred"));

        assertEquals("po-plans", TestDb.text("select actor from audit_event where type = 'FeatureDeferred'"));
        assertTrue(TestDb.text("select payload from audit_event where type = 'FeatureDeferred'").contains("search moves to the next release"));
        assertEquals("po-plans", TestDb.text("select deferred_by from feature where id = 'Plans.Search'"));
        Api.milestone("plans-ms").then().body("gates.find { it.condition == 'allSprintsClosed' }.detail", not(containsString("Plans.Search")))
                .body("gates.find { it.condition == 'allSprintsClosed' }.detail", containsString("Plans.Export awaits plans-s1"));

        String radar = given().get("/backlog/deferrals").then().statusCode(200).extract().asString();
        String row = radar.substring(radar.indexOf("Plans.Search"), radar.indexOf("</tr>", radar.indexOf("Plans.Search")));
        assertTrue(row.contains("<td>1</td>") && row.contains("href=\"/milestones/plans-ms\"") && row.contains("by po-plans")
                && row.contains("search moves to the next release") && row.contains("chip-deferred"), row);
        assertTrue(radar.contains("<td>1 of 2</td>"), "plans-ms: one of its two required features is deferred now");

        CsrfForms.form(PAGE).formParam("reason", "and again").post("/backlog/features/Plans.Search/defer").then().statusCode(303);
        String again = given().get("/backlog/deferrals?milestone=plans-ms").then().statusCode(200).extract().asString();
        assertTrue(again.contains("every milestone requiring it: plans-ms"), "a deferral naming no milestone: " + again);
        assertTrue(given().get("/backlog/deferrals?milestone=strict-ms").then().extract().asString().contains("No deferral concerns strict-ms"));
    }

    @Test
    void rollingForwardMovesTheFeatureToASprintThatHasNotStartedAndNowhereElse() {
        Api.event("{\"event\":\"SprintStarted\",\"sprintId\":\"plans-s1\",\"timestamp\":\"2026-01-01T09:00:00Z\"}").then().statusCode(201);
        CsrfForms.form(PAGE).formParam("reason", "s1 is full").formParam("sprint", "plans-s1")
                .post("/backlog/features/Plans.Search/roll-forward").then().statusCode(409);
        CsrfForms.form(PAGE).formParam("reason", "s1 is full").formParam("sprint", "plans-s2")
                .post("/backlog/features/Plans.Search/roll-forward").then().statusCode(303);

        assertEquals("plans-s2", TestDb.text("select string_agg(sprint_id, ',') from sprint_feature where feature_id = 'Plans.Search'"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'FeatureRolledForward' and actor = 'po-plans'"));
        Api.event("{\"event\":\"SprintClosed\",\"sprintId\":\"plans-s1\",\"timestamp\":\"2026-01-01T10:00:00Z\"}").then().statusCode(201);
        Api.milestone("plans-ms").then().body("gates.find { it.condition == 'allSprintsClosed' }.detail",
                containsString("Plans.Search awaits plans-s2"));
    }

    @Test
    @TestSecurity(user = "qa", roles = "qa-lead")
    void onlyAProductOwnerChangesThePlan() {
        given().get(PAGE).then().statusCode(403);
        given().get("/backlog/deferrals").then().statusCode(200);
        assertTrue(!given().get("/backlog").then().extract().asString().contains("Defer or roll forward"), "no link offered to a QA lead");
    }
}
