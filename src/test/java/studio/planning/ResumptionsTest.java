package studio.planning;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * Re-planning with a diff: each PlanningResumed shows what changed in the milestone's plan since the previous
 * resumption (or the first plan), and produces updated-sprint-plan.yaml, resumption-report.md and
 * deferred-to-resumed-mapping.json.
 */
@QuarkusTest
@TestSecurity(user = "auditor-r", roles = "auditor")
class ResumptionsTest {

    private static final String FIRST = """
            milestones:
              - id: rp-ms
                requiredFeatures: [Rp.A, Rp.B, Rp.C]
                gateConditions: [allSprintsClosed]
                deferredAllowed: true
            sprints:
              - id: rp-s1
                milestone: rp-ms
                features: [Rp.A, Rp.B]
              - id: rp-s2
                milestone: rp-ms
            features:
              - id: Rp.C
                status: deferred
                deferralReason: waits for the ledger
            """;
    private static final String SECOND = """
            sprints:
              - id: rp-s1
                milestone: rp-ms
                features: [Rp.A]
              - id: rp-s2
                milestone: rp-ms
                features: [Rp.B, Rp.C, Rp.D]
            features:
              - id: Rp.C
                status: planned
            """;

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    @Test
    void aResumptionShowsWhatChangedSinceThePreviousOneAndProducesItsThreeDocuments() throws Exception {
        Api.importDefinitions(FIRST).then().statusCode(200);
        Api.event("{\"event\":\"PlanningResumed\",\"milestoneId\":\"rp-ms\",\"reason\":\"baseline\",\"timestamp\":\"2026-03-01T08:00:00Z\"}")
                .then().statusCode(201);
        Api.importDefinitions(SECOND).then().statusCode(200);
        Api.event("{\"event\":\"PlanningResumed\",\"sprintId\":\"rp-s2\",\"reason\":\"new blueprint\",\"timestamp\":\"2026-03-02T08:00:00Z\"}")
                .then().statusCode(201);

        long first = TestDb.count("select min(id) from plan_snapshot where cause = 'PlanningResumed'");
        long second = TestDb.count("select max(id) from plan_snapshot where cause = 'PlanningResumed'");
        String baseline = page("/planning/resumptions/" + first);
        assertTrue(baseline.contains("None: the plan is as it was."), "nothing changed since the imported plan: " + baseline);

        String page = page("/planning/resumptions/" + second);
        assertTrue(page.contains("<dt>Added</dt><dd><span class=\"mono\">Rp.D</span></dd>"), page);
        assertTrue(page.contains("<dt>Resumed</dt><dd><span class=\"mono\">Rp.C</span> in rp-s2</dd>"), page);
        assertTrue(page.contains("<dt>Moved</dt><dd><span class=\"mono\">Rp.B</span>: rp-s1 → rp-s2</dd>"), page);
        assertTrue(page.contains("Compared with the plan at the previous resumption"), page);

        JsonNode mapping = new ObjectMapper().readTree(file(second, "deferred-to-resumed-mapping.json"));
        assertEquals("rp-s2", mapping.path("mapping").path("Rp.C").path(0).asText(), mapping.toString());
        assertEquals(1, mapping.path("mapping").size());

        String report = file(second, "resumption-report.md");
        assertTrue(report.contains("- Reason: new blueprint"), report);
        assertTrue(report.contains("### Moved between sprints\n\n- Rp.B: rp-s1 -> rp-s2"), report);
        assertTrue(report.contains("| rp-s2 | Rp.B, Rp.C, Rp.D |"), report);

        String yaml = file(second, "updated-sprint-plan.yaml");
        Api.importDefinitions(yaml).then().statusCode(200);
        assertEquals("Rp.B,Rp.C,Rp.D", TestDb.text("select string_agg(feature_id, ',' order by feature_id) from sprint_feature where sprint_id = 'rp-s2'"),
                "the updated plan imports as it reads");

        String list = page("/planning/resumptions?milestone=rp-ms");
        assertTrue(list.contains("1 added, 0 removed, 0 deferred, 1 resumed, 1 moved") && list.contains(">none<"), list);
        given().get("/planning/resumptions/" + second + "/nothing.txt").then().statusCode(404);
    }

    private static String page(String path) {
        return given().get(path).then().statusCode(200).extract().asString();
    }

    private static String file(long id, String name) {
        return given().get("/planning/resumptions/" + id + "/" + name).then().statusCode(200).extract().asString();
    }
}
