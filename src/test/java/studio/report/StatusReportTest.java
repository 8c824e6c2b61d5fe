package studio.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.milestone.GovernedFixture;
import studio.testing.Api;
import studio.testing.Html;

/**
 * Status reports of "gate-c" (reached through an approved override) and "sec" (blocked by a failing signal, with a
 * declared blocker): the page, the markdown and the JSON say the same, for each milestone and for the programme.
 */
@QuarkusTest
@TestSecurity(user = "auditor", roles = "auditor")
class StatusReportTest {

    @BeforeEach
    void setUp() {
        GovernedFixture.defined();
        GovernedFixture.blocked("gate-c", "securityValidated");
        long id = GovernedFixture.overrideRequested("gate-c", "securityValidated", "qa-lead", "scanner false positive");
        Api.as("qa-lead-2").contentType("application/json").body("{\"reason\":\"reviewed with security\"}")
                .post("/api/overrides/" + id + "/approve").then().statusCode(200);
        Api.milestone("gate-c").then().body("status", equalTo("reached"));
        GovernedFixture.blocked("sec", "noCriticalFindings");
    }

    @Test
    void aMilestonesReportShowsTheDecisionTakenTheSameWayEverywhere() {
        JsonPath json = Api.as("ci").get("/api/milestones/gate-c/status-report").then().statusCode(200)
                .body("summary", equalTo("COMPLETE")).body("progress_percent", equalTo(100))
                .body("decisions.decision", hasItem("override of securityValidated approved"))
                .body("decisions.find { it.kind == 'override' }.actor", equalTo("qa-lead-2"))
                .body("decisions.find { it.kind == 'override' }.reason", equalTo("reviewed with security"))
                .body("next_steps", hasItem("Promote the milestone to a release"))
                .extract().jsonPath();
        String md = given().get("/milestones/gate-c/status-report.md").then().statusCode(200)
                .contentType(containsString("text/markdown")).extract().asString();
        String page = given().get("/milestones/gate-c/status-report").then().statusCode(200).extract().asString();
        assertTrue(md.startsWith("# Milestone Status: Checkout ready\n"), md);
        assertTrue(md.contains("- Status: COMPLETE (reached)\n- Progress: 100%"), md);
        assertTrue(md.contains("override of securityValidated approved by qa-lead-2: reviewed with security"), md);
        assertTrue(md.contains("- [x] securityValidated ✓"), md);
        List<Html.Element> rows = Html.elements(page, "tr").stream().filter(r -> r.text().contains("override of securityValidated approved")).toList();
        assertEquals(1, rows.size(), "the page lists the decision once");
        assertTrue(rows.get(0).text().contains("qa-lead-2") && rows.get(0).text().contains("reviewed with security"));
        assertTrue(rows.get(0).text().strip().startsWith(json.getString("decisions[0].timestamp")), "the same moment on the page and in JSON");
    }

    @Test
    void aBlockedMilestonesReportNamesItsBlockersAndProgressEverywhere() {
        JsonPath json = Api.as("ci").get("/api/milestones/sec/status-report").then().statusCode(200)
                .body("summary", equalTo("BLOCKED")).body("status", equalTo("blocked"))
                .body("blockers", hasItem("Gate noCriticalFindings failed: signal failed: OWASP scan: 2 critical"))
                .body("blockers", hasItem("Scanner licence expired (owner platform-admin, high priority)"))
                .body("risks", hasItem("Vendor audit overdue (likelihood medium; impact high; mitigation: escalate early)"))
                .body("acceptance_criteria.find { it.text == 'Threat model reviewed' }.met", equalTo(true))
                .body("deliverables.find { it.text == 'Pen test report' }.state", equalTo("IN PROGRESS"))
                .body("next_steps[0]", equalTo("Fix noCriticalFindings or request an override of it"))
                .extract().jsonPath();
        // 1 of 3 criteria, 1 of 2 deliverables, 0 of 2 gates
        assertEquals(28, json.getInt("progress_percent"));
        String md = given().get("/milestones/sec/status-report.md").then().statusCode(200).extract().asString();
        String page = given().get("/milestones/sec/status-report").then().statusCode(200).extract().asString();
        assertTrue(md.contains("- Status: BLOCKED (blocked)\n- Progress: 28%\n- Phase: hardening"), md);
        assertEquals("28%", Html.carrying(page, "id").stream().filter(e -> "progress".equals(e.attr("id"))).findFirst().orElseThrow().text());
        for (String blocker : json.getList("blockers", String.class)) {
            assertTrue(md.contains("- " + blocker + "\n"), "markdown names " + blocker);
            assertTrue(Html.elements(page, "li").stream().anyMatch(li -> li.text().equals(blocker)), "page names " + blocker);
        }
        for (String step : json.getList("next_steps", String.class)) {
            assertTrue(Html.elements(page, "li").stream().anyMatch(li -> li.text().equals(step)), "page names " + step);
        }
    }

    @Test
    void theProgrammesReportAndTheHomePanel() {
        Api.as("ci").get("/api/status-report").then().statusCode(200)
                .body("milestones_total", equalTo(2)).body("milestones_shown", equalTo(2))
                .body("progress_percent", equalTo(64)) // (100 + 28) / 2
                .body("phases.find { it.phase == 'hardening' }.progress_percent", equalTo(28))
                .body("phases.find { it.phase == 'no phase' }.complete", equalTo(1))
                .body("decisions.decision", hasItem("override of securityValidated approved"))
                .body("blockers", hasItem("sec: Gate noCriticalFindings failed: signal failed: OWASP scan: 2 critical"));
        given().get("/status-report.md").then().statusCode(200)
                .body(containsString("- Progress: 64%")).body(containsString("- hardening: 28% (0 of 1 complete)"))
                .body(containsString("| sec | hardening | BLOCKED (blocked) | 28% | yes |"));
        given().get("/status-report").then().statusCode(200)
                .body(containsString("<strong id=\"overall-progress\">64%</strong>"))
                .body(containsString("href=\"/milestones/sec/status-report\""));
        given().get("/").then().statusCode(200)
                .body(containsString("id=\"programme-progress\""))
                .body(containsString("<strong id=\"overall-progress\">64%</strong>"));
    }

    @Test
    void anUnknownMilestoneHasNoReport() {
        Api.as("ci").get("/api/milestones/nope/status-report").then().statusCode(404);
        given().get("/milestones/nope/status-report").then().statusCode(404);
    }
}
