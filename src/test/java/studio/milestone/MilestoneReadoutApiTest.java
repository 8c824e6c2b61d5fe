package studio.milestone;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/** Read-outs beyond "now": as-of replay, the coordinator's documents, manual gates, timers and metrics. */
@QuarkusTest
class MilestoneReadoutApiTest {

    @Inject
    GateTimeouts timers;

    static final String SECURITY = """
            milestones:
              - id: sec
                name: Security review
                gateConditions:
                  - noCriticalFindings
                  - manualApproval: security-officer
                governedBy: security-officer
                versionTag: security-reviewed-v1
                gateTimeoutSeconds: 1
                triggers:
                  - event: MilestoneReached
                    next: staging-release
            """;

    @BeforeEach
    void clean() {
        TestDb.reset();
        Api.importDefinitions(SECURITY).then().statusCode(200);
    }

    static void signal(String status) {
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"sec\",\"gate\":\"noCriticalFindings\",\"status\":\"" + status
                + "\",\"detail\":\"OWASP scan\"}").then().statusCode(201);
    }

    @Test
    void asOfShowsTheMatrixAsItWasThen() throws Exception {
        signal("fail");
        Api.as("product-owner").post("/api/milestones/sec/evaluate").then().body("status", equalTo("blocked"));
        Instant whileBlocked = Instant.now();
        Thread.sleep(50);
        signal("pass");
        Api.milestone("sec").then().body("status", equalTo("verifying"));

        Api.as("auditor").queryParam("as_of", whileBlocked.toString()).get("/api/milestones/sec").then().statusCode(200)
                .body("status", equalTo("blocked"))
                .body("gates.find { it.condition == 'noCriticalFindings' }.status", equalTo("failed"));
        Api.as("auditor").queryParam("as_of", "2000-01-01T00:00:00Z").get("/api/milestones/sec").then().statusCode(404);
        Api.as("auditor").queryParam("as_of", "yesterday").get("/api/milestones/sec").then().statusCode(400)
                .body("errors[0].message", containsString("as_of"));
    }

    @Test
    void aManualGateIsDecidedByItsRoleAndConditionalKeepsItPending() {
        signal("pass");
        Api.as("qa-lead").contentType("application/json")
                .body("{\"gate\":\"manualApproval\",\"decision\":\"approved\",\"reason\":\"looks fine\"}")
                .post("/api/milestones/sec/decisions").then().statusCode(403);
        Api.as("security-officer").contentType("application/json")
                .body("{\"gate\":\"manualApproval\",\"decision\":\"conditional\",\"reason\":\"fix the span template first\"}")
                .post("/api/milestones/sec/decisions").then().statusCode(201)
                .body("gates.find { it.condition == 'manualApproval' }.status", equalTo("pending"))
                .body("gates.find { it.condition == 'manualApproval' }.detail", containsString("fix the span template first"));
        Api.as("security-officer").contentType("application/json")
                .body("{\"gate\":\"manualApproval\",\"decision\":\"approved\",\"reason\":\"span template fixed\"}")
                .post("/api/milestones/sec/decisions").then().statusCode(201);
        Api.as("product-owner").post("/api/milestones/sec/evaluate").then().body("status", equalTo("reached"));
        Api.as("security-officer").contentType("application/json")
                .body("{\"gate\":\"manualApproval\",\"decision\":\"maybe\",\"reason\":\"x\"}")
                .post("/api/milestones/sec/decisions").then().statusCode(400);
    }

    @Test
    void theDocumentsSayWhatPassedAndWhoIntervened() {
        signal("fail");
        Api.as("product-owner").post("/api/milestones/sec/evaluate").then().body("status", equalTo("blocked"));
        Api.as("security-officer").contentType("application/json").body("{\"reason\":\"vendor audit overdue\"}")
                .post("/api/milestones/sec/escalate").then().statusCode(200).body("status", equalTo("escalated"));

        String report = Api.as("auditor").get("/api/milestones/sec/validation-report.md").then().statusCode(200)
                .contentType(containsString("markdown")).extract().asString();
        assertEquals(true, report.contains("# Milestone Validation Report — sec"));
        assertEquals(true, report.contains("| noCriticalFindings | ❌ failed |"));
        assertEquals(true, report.contains("MilestoneEscalated by security-officer"));
        assertEquals(true, report.contains("vendor audit overdue"));

        String trigger = Api.as("auditor").get("/api/milestones/sec/promotion-trigger.yaml").then().statusCode(200)
                .extract().asString();
        assertEquals(true, trigger.contains("milestone_id: sec"));
        assertEquals(true, trigger.contains("status: pending"));
        assertEquals(true, trigger.contains("- staging-release"));

        Api.as("auditor").get("/api/milestones/sec/intervention-events.json").then().statusCode(200)
                .body("milestone_id", equalTo("sec"))
                .body("interventions.kind", hasItem("MilestoneEscalated"))
                .body("interventions[0].actor", equalTo("security-officer"))
                .body("interventions[0].roles", hasItem("security-officer"));
    }

    @Test
    void aBlockedMilestoneEscalatesWhenItsGateTimeoutPasses() throws Exception {
        signal("fail");
        Api.as("product-owner").post("/api/milestones/sec/evaluate").then().body("status", equalTo("blocked"));
        Thread.sleep(1_200);
        timers.tick();
        Api.milestone("sec").then().body("status", equalTo("escalated"));
        assertEquals("studio", TestDb.text("select actor from audit_event where type = 'MilestoneEscalated'"));
    }

    @Test
    void anUnknownMilestoneIs404() {
        Api.milestone("nope").then().statusCode(404).body("errors[0].message", containsString("nope"));
        Api.as("product-owner").post("/api/milestones/nope/evaluate").then().statusCode(404);
    }

    @Test
    void theSpecsMetricsAreExposed() {
        signal("fail");
        Api.as("product-owner").post("/api/milestones/sec/evaluate").then().body("status", equalTo("blocked"));
        // Metrics are for a scraper with a token (a service account), not for anyone who reaches the port.
        String metrics = Api.as("ci").get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : new String[] {"milestone_gate_failure_total", "milestone_blocked_total", "milestone_gate_success_total",
                "milestone_manual_override_total", "milestone_escalation_count", "milestone_duration_seconds",
                "milestone_qa_coverage_percent"}) {
            assertEquals(true, metrics.contains(name), name + " missing from /q/metrics");
        }
    }

    @Test
    void aListCanBeFilteredByStatus() {
        Api.as("auditor").queryParam("status", "planned").get("/api/milestones").then().statusCode(200)
                .body("milestones.milestone_id", hasItem("sec"))
                .body("milestones[0].evaluated_at", org.hamcrest.Matchers.notNullValue());
        Api.as("auditor").queryParam("status", "reached").get("/api/milestones").then().statusCode(200)
                .body("milestones.size()", equalTo(0));
        Api.milestone("sec").then().body("trace_id", nullValue());
    }
}
