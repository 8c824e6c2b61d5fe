package studio.milestone;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * Planning governance item 7, "Timeouts that always fire", through the API with real tokens and the timer driven by
 * hand: a Pending milestone whose sprints do not close is escalated naming them; a Blocked one is retried after its
 * cool-down and terminated after maxRetries; a paused one stands still while evidence is recorded.
 */
@QuarkusTest
class TimeoutsThatFireTest {

    @Inject
    GateTimeouts timers;

    static final String DEFINITIONS = """
            milestones:
              - id: slow
                name: Slow sprints
                gateConditions: [allSprintsClosed]
                governedBy: qa-lead
                gateTimeoutSeconds: 60
              - id: flaky
                name: Flaky scan
                gateConditions: [securityValidated]
                governedBy: qa-lead
                gateTimeoutSeconds: 0
                retryOnFailure: true
                maxRetries: 2
                retryCooldownSeconds: 30
              - id: held
                name: Held
                gateConditions: [securityValidated]
                governedBy: qa-lead
                gateTimeoutSeconds: 60
            sprints:
              - id: slow-never
                milestones: [slow]
              - id: slow-running
                milestones: [slow]
              - id: slow-done
                milestones: [slow]
            """;

    @BeforeEach
    void clean() {
        TestDb.reset();
        Api.importDefinitions(DEFINITIONS).then().statusCode(200);
    }

    static void signal(String milestone, String status) {
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"" + milestone + "\",\"gate\":\"securityValidated\",\"status\":\"" + status
                + "\",\"detail\":\"scan " + status + "\"}").then().statusCode(201);
    }

    /** A signal, then "evaluate now" so the milestone is judged whatever its sprints. */
    static void judged(String milestone, String status) {
        signal(milestone, status);
        Api.as("qa-lead").post("/api/milestones/" + milestone + "/evaluate").then().statusCode(200);
    }

    static void sprintEvent(String event, String sprint) {
        Api.event("{\"event\":\"" + event + "\",\"sprintId\":\"" + sprint + "\",\"timestamp\":\"" + java.time.Instant.now() + "\"}")
                .then().statusCode(201);
    }

    /** As if {@code seconds} had passed since the milestone entered its state. */
    static void age(String milestone, int seconds) {
        TestDb.exec("update milestone set state_since = state_since - interval '" + seconds + " seconds' where id = '" + milestone + "'");
    }

    static String state(String milestone) {
        return TestDb.text("select state from milestone where id = '" + milestone + "'");
    }

    static String post(String user, String path, String reason) {
        return Api.as(user).contentType("application/json").body("{\"reason\":\"" + reason + "\"}").post(path).then().extract().asString();
    }

    @Test
    void aPendingMilestoneWhoseSprintsDoNotCloseIsEscalatedNamingThem() {
        sprintEvent("SprintStarted", "slow-running");
        sprintEvent("SprintStarted", "slow-done");
        sprintEvent("SprintClosed", "slow-done");
        assertEquals("pending", state("slow"));
        timers.tick();
        assertEquals("pending", state("slow"), "within its budget it waits");

        age("slow", 61);
        TestDb.exec("update sprint set started_at = started_at - interval '61 seconds' where id = 'slow-running'");
        timers.tick();
        Api.milestone("slow").then().statusCode(200).body("status", equalTo("escalated"))
                .body("overdue_sprints.budget_seconds", equalTo(60))
                .body("overdue_sprints.sprints.sprint_id", equalTo(java.util.List.of("slow-never", "slow-running")))
                .body("overdue_sprints.sprints.kind", equalTo(java.util.List.of("orphaned", "long-running")));
        assertEquals("studio", TestDb.text("select escalated_by from milestone where id = 'slow'"));
        String audit = TestDb.text("select payload::text from audit_event where type = 'MilestoneSprintsOverdue'");
        assertTrue(audit.contains("slow-never") && audit.contains("age_seconds") && audit.contains("\"escalated_to\": \"qa-lead\"")
                || audit.contains("\"escalated_to\":\"qa-lead\""), audit);
        assertTrue(TestDb.text("select payload::jsonb->>'reason' from audit_event where type = 'MilestoneEscalated'")
                .startsWith("sprint timeout after 60s: slow-never orphaned (never started, "));
        String metrics = Api.as("ci").get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("milestone_sprint_timeouts_total{kind=\"orphaned\"}"), "the sprint timeouts are counted");
    }

    @Test
    void aBlockedMilestoneIsRetriedAfterItsCoolDownAndTerminatedAfterMaxRetries() {
        judged("flaky", "fail");
        assertEquals("blocked", state("flaky"));
        timers.tick();
        assertEquals("blocked", state("flaky"), "not before the cool-down");

        age("flaky", 31);
        timers.tick();
        Api.milestone("flaky").then().body("status", equalTo("blocked")).body("retries.count", equalTo(1)).body("retries.max", equalTo(2));
        age("flaky", 31);
        timers.tick();
        Api.milestone("flaky").then().body("status", equalTo("blocked")).body("retries.count", equalTo(2));
        assertEquals(2, TestDb.count("select count(*) from audit_event where type = 'MilestoneResumed' and payload::jsonb->>'reason' like 'RetryTriggered%'"));

        age("flaky", 31);
        timers.tick();
        Api.milestone("flaky").then().body("status", equalTo("terminated"));
        assertEquals("MaxRetriesExceeded: 2 retries failed", TestDb.text("select payload::jsonb->>'reason' from audit_event where type = 'MilestoneTerminated'"));
        String metrics = Api.as("ci").get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("milestone_retry_count"), "retries are counted");
    }

    @Test
    void aRetryThatPassesReachesTheMilestone() {
        judged("flaky", "fail");
        assertEquals("blocked", state("flaky"));
        signal("flaky", "pass"); // retryOnFailure: new evidence that clears the failure retries at once
        assertEquals("reached", state("flaky"));
    }

    @Test
    void aPausedMilestoneRecordsEvidenceButDoesNotMoveUntilResumed() {
        Api.as("qa-lead").post("/api/milestones/held/evaluate").then().statusCode(200).body("status", equalTo("verifying"));
        age("held", 100);

        Api.as("ci").contentType("application/json").body("{\"reason\":\"x\"}").post("/api/milestones/held/pause").then().statusCode(403);
        Api.as("product-owner").contentType("application/json").body("{\"reason\":\"x\"}").post("/api/milestones/held/pause").then()
                .statusCode(403).body("errors[0].message", containsString("pausing milestone held needs one of the roles qa-lead, platform-admin"));
        Api.as("qa-lead").contentType("application/json").body("{\"reason\":\" \"}").post("/api/milestones/held/pause").then().statusCode(400);
        Api.as("qa-lead").contentType("application/json").body("{\"reason\":\"security review of the new vendor\"}")
                .post("/api/milestones/held/pause").then().statusCode(200)
                .body("paused.by", equalTo("qa-lead")).body("paused.reason", equalTo("security review of the new vendor"));
        Api.as("qa-lead").contentType("application/json").body("{\"reason\":\"again\"}").post("/api/milestones/held/pause").then().statusCode(409);

        long evidence = TestDb.count("select count(*) from evidence");
        signal("held", "pass");
        assertEquals(evidence + 1, TestDb.count("select count(*) from evidence"), "evidence is still recorded");
        timers.tick();
        assertEquals("verifying", state("held"), "neither evidence nor the timer moves it");
        Api.as("qa-lead").post("/api/milestones/held/evaluate").then().statusCode(409)
                .body("errors[0].message", containsString("needs the milestone not paused"));
        Api.as("qa-lead").contentType("application/json").body("{\"reason\":\"x\"}").post("/api/milestones/held/escalate").then().statusCode(409);

        TestDb.exec("update milestone set paused_at = paused_at - interval '95 seconds' where id = 'held'");
        Api.as("qa-lead-2").contentType("application/json").body("{\"reason\":\"review done\"}")
                .post("/api/milestones/held/unpause").then().statusCode(200)
                .body("status", equalTo("reached")).body("paused", nullValue());
        assertEquals(1, TestDb.count("""
                select count(*) from audit_event where type = 'MilestonePauseLifted' and payload::jsonb->>'actor' = 'qa-lead-2'
                   and payload::jsonb->>'reason' = 'review done' and payload::jsonb->>'paused_by' = 'qa-lead'"""));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'MilestonePaused' and payload::jsonb->>'reason' = 'security review of the new vendor'"));
    }

    @Test
    void thePausedTimeDoesNotCountAgainstTheTimeout() {
        Api.as("qa-lead").post("/api/milestones/held/evaluate").then().statusCode(200).body("status", equalTo("verifying"));
        post("qa-lead", "/api/milestones/held/pause", "waiting for the vendor");
        age("held", 100); // 100s in Verifying, 95 of them paused: 5s count against its 60s timeout
        TestDb.exec("update milestone set paused_at = paused_at - interval '95 seconds' where id = 'held'");
        timers.tick();
        post("qa-lead", "/api/milestones/held/unpause", "vendor answered");
        timers.tick();
        assertEquals("verifying", state("held"));
        age("held", 56);
        timers.tick();
        assertEquals("blocked", state("held"), "past the timeout once the unpaused time exceeds it");
    }

    @Test
    void promotionRejectionIsAuditedAndListedInTheStatus() {
        judged("held", "pass");
        assertEquals("reached", state("held"));
        Api.as("ci").contentType("application/json").body("{\"reason\":\"x\"}").post("/api/milestones/held/promotion/reject").then().statusCode(403);
        Api.as("domain-architect").contentType("application/json").body("{\"reason\":\"x\"}").post("/api/milestones/held/promotion/reject")
                .then().statusCode(403);
        Api.as("product-owner").contentType("application/json").body("{\"reason\":\"CVE-2025-1234 still open\"}")
                .post("/api/milestones/held/promotion/reject").then().statusCode(200)
                .body("promotion_rejected.by", equalTo("product-owner")).body("promotion_rejected.reason", equalTo("CVE-2025-1234 still open"));
        Api.as("product-owner").contentType("application/json").body("{\"reason\":\"CVE fixed\"}")
                .post("/api/milestones/held/promotion/lift").then().statusCode(200).body("promotion_rejected", nullValue());
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'MilestonePromotionRejectionLifted' and payload::jsonb->>'rejected_by' = 'product-owner'"));
        Api.as("auditor").get("/api/audit?type=MilestonePromotionRejected").then().statusCode(200);
        Api.milestone("held").then().body("status", equalTo("reached"));
        Api.as("qa-lead").get("/api/milestones/held/intervention-events.json").then().statusCode(200)
                .body("interventions.kind", org.hamcrest.Matchers.hasItems("MilestonePromotionRejected", "MilestonePromotionRejectionLifted"));
        Api.milestone("held").then().body("promotion_rejected", nullValue());
    }
}
