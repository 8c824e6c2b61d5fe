package studio.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.Story;
import studio.testing.TestDb;

/** The coordinator's step documents: milestone-sprint-map.json, milestone-gate-status.json, milestone-summary.json, retry-history.json. */
@QuarkusTest
class CoordinatorDocumentsTest {

    /** mvp-ready with only the core sprint planned and its trace matrix in: BookingFlow mapped, the email feature not. */
    static void halfPlanned() {
        TestDb.reset();
        Api.importDefinitions(Story.MILESTONES).then().statusCode(200);
        Api.event(Story.planned(Story.CORE, "BookingFlow", "2025-06-01T09:00:00Z")).then().statusCode(201);
        Api.traceMatrix(Story.CORE, Story.matrix(Story.CORE, "BookingFlow", 17)).then().statusCode(201);
        Api.as("product-owner").post("/api/milestones/mvp-ready/evaluate").then().statusCode(200);
    }

    @Test
    void theSprintMapSaysWhichSprintDeliversWhichFeature() {
        halfPlanned();
        Api.as("ci").get("/api/milestones/mvp-ready/milestone-sprint-map.json").then().statusCode(200)
                .body("milestone_id", equalTo("mvp-ready")).body("version_tag", equalTo("mvp-v1"))
                .body("required_features", equalTo(java.util.List.of("BookingFlow", "Notification.Email.Send")))
                .body("sprint_ids", equalTo(java.util.List.of(Story.CORE)))
                .body("mapping", hasSize(1))
                .body("mapping[0].feature", equalTo("BookingFlow")).body("mapping[0].sprint_id", equalTo(Story.CORE))
                .body("mapping[0].milestone_id", equalTo("mvp-ready"))
                .body("sprints[0].state", equalTo("planned")).body("sprints[0].linked", equalTo(true))
                .body("sprints[0].started_at", nullValue())
                .body("missing_features", equalTo(java.util.List.of("Notification.Email.Send")));
    }

    @Test
    void theGateStatusAndTheSummaryFollowTheLastJudgement() {
        halfPlanned();
        Api.as("ci").get("/api/milestones/mvp-ready/milestone-gate-status.json").then().statusCode(200)
                .body("gates_total", equalTo(3))
                .body("gate_status.condition", equalTo(java.util.List.of("allSprintsClosed", "qaCoverageAbove", "traceMatrixComplete")))
                .body("gate_status.find { it.condition == 'qaCoverageAbove' }.threshold", equalTo(90))
                .body("gate_status.find { it.condition == 'traceMatrixComplete' }.status", equalTo("failed"));
        Api.as("ci").get("/api/milestones/mvp-ready/milestone-summary.json").then().statusCode(200)
                .body("sprint_ids", equalTo(java.util.List.of(Story.CORE)))
                .body("missing_features", hasItem("Notification.Email.Send"))
                .body("outcome", equalTo("fail"))
                .body("failed_gates", hasItem("traceMatrixComplete"))
                .body("message", containsString("Gates failed: "))
                .body("progress.criteria_total", equalTo(0));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void theRetryHistoryListsEachRetryWithItsOutcome() {
        GovernedFixture.defined();
        GovernedFixture.blocked("sec", "noCriticalFindings");
        Api.as("product-owner").contentType("application/json").body("{\"reason\":\"scanner re-run\"}")
                .post("/api/milestones/sec/resume").then().statusCode(200).body("status", equalTo("blocked"));
        Api.as("ci").get("/api/milestones/sec/retry-history.json").then().statusCode(200)
                .body("retry_count", equalTo(1)).body("status", equalTo("blocked"))
                .body("attempts[0].attempt", equalTo(1)).body("attempts[0].actor", equalTo("product-owner"))
                .body("attempts[0].trigger", containsString("scanner re-run"))
                .body("attempts[0].outcome", equalTo("blocked"))
                .body("events.event", equalTo(java.util.List.of("MilestoneBlocked", "MilestoneResumed", "MilestoneBlocked")))
                .body("last_action", equalTo("MilestoneBlocked"));
        // the same documents on the milestone page's document viewer
        given().get("/milestones/sec/documents/retry-history.json").then().statusCode(200).body(containsString("scanner re-run"));
        given().get("/milestones/sec/documents/milestone-summary.json/download").then().statusCode(200)
                .header("Content-Disposition", containsString("sec-milestone-summary.json"));
        given().get("/milestones/sec").then().statusCode(200)
                .body(containsString("href=\"/milestones/sec/documents/milestone-sprint-map.json\""))
                .body(containsString("href=\"/milestones/sec/status-report\""));
    }
}
