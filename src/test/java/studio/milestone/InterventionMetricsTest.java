package studio.milestone;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.Scrape;
import studio.testing.Story;
import studio.testing.TestDb;

/** Each of the spec's intervention metrics moves when its event happens, and only then. */
@QuarkusTest
class InterventionMetricsTest {

    @Test
    void aRetryCountsForItsMilestoneAndLeavingBlockedRecordsTheTimeHeld() {
        GovernedFixture.defined();
        GovernedFixture.blocked("sec", "noCriticalFindings");
        double held = Scrape.now().value("milestone_timeout_seconds_count", "state", "blocked");
        Api.as("product-owner").contentType("application/json").body("{\"reason\":\"scanner re-run\"}")
                .post("/api/milestones/sec/resume").then().statusCode(200);
        Scrape after = Scrape.now();
        assertTrue(after.value("milestone_retry_count", "milestone", "sec") >= 1, "milestone_retry_count{milestone=sec}");
        assertEquals(held + 1, after.value("milestone_timeout_seconds_count", "state", "blocked"));
    }

    @Test
    void anApprovedOverrideAndAPersonsPromotionCount() {
        GovernedFixture.defined();
        GovernedFixture.blocked("gate-c", "securityValidated");
        Scrape before = Scrape.now();
        long id = GovernedFixture.overrideRequested("gate-c", "securityValidated", "qa-lead", "scanner false positive");
        assertEquals(before.value("milestone_override_count"), Scrape.now().value("milestone_override_count"), "a request is not an override");
        Api.as("qa-lead-2").contentType("application/json").body("{\"reason\":\"reviewed\"}")
                .post("/api/overrides/" + id + "/approve").then().statusCode(200);
        Api.milestone("gate-c").then().body("status", equalTo("reached"));
        Scrape approved = Scrape.now();
        assertEquals(before.value("milestone_override_count") + 1, approved.value("milestone_override_count"));
        assertEquals(before.value("milestone_timeout_seconds_count", "state", "escalated") + 1,
                approved.value("milestone_timeout_seconds_count", "state", "escalated"), "Escalated until the override reached it");

        Api.as("ci").contentType("application/json").body("{\"milestone_id\":\"gate-c\",\"environment\":\"staging\"}")
                .post("/api/releases").then().statusCode(201);
        assertEquals(approved.value("milestone_manual_promotion"), Scrape.now().value("milestone_manual_promotion"), "CI's promotion is automatic");
        Api.as("product-owner").contentType("application/json").body("{\"milestone_id\":\"gate-c\",\"environment\":\"staging\"}")
                .post("/api/releases").then().statusCode(201);
        assertEquals(approved.value("milestone_manual_promotion") + 1, Scrape.now().value("milestone_manual_promotion"));
    }

    @Test
    void aCompleteTraceMatrixCountsItsMilestoneOnce() {
        TestDb.reset();
        Api.importDefinitions(Story.MILESTONES).then().statusCode(200);
        Api.event(Story.planned(Story.CORE, "BookingFlow", "2025-06-01T09:00:00Z")).then().statusCode(201);
        Api.event(Story.planned(Story.COMM, "Notification.Email.Send", "2025-06-01T09:00:00Z")).then().statusCode(201);
        double before = Scrape.now().value("milestone_trace_matrix_validated_total");
        Api.traceMatrix(Story.CORE, Story.matrix(Story.CORE, "BookingFlow", 17)).then().statusCode(201);
        assertEquals(before, Scrape.now().value("milestone_trace_matrix_validated_total"), "half a matrix is not complete");
        Api.traceMatrix(Story.COMM, Story.matrix(Story.COMM, "Notification.Email.Send", 18)).then().statusCode(201);
        assertEquals(before + 1, Scrape.now().value("milestone_trace_matrix_validated_total"));
        Api.qaReport(Story.CORE, Story.qa(Story.CORE, "BookingFlow", "93.1")).then().statusCode(201);
        assertEquals(before + 1, Scrape.now().value("milestone_trace_matrix_validated_total"), "counted once, not at every judgement");
    }
}
