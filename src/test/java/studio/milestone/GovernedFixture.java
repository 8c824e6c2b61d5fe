package studio.milestone;

import static org.hamcrest.Matchers.equalTo;

import studio.testing.Api;
import studio.testing.TestDb;

/**
 * Milestones set up through the real API as CI would: "sec" (a signal gate and a manual gate, with criteria,
 * deliverables, risks and blockers) and "gate-c" (one signal gate, so an approved override reaches it).
 */
public final class GovernedFixture {

    public static final String DEFINITIONS = """
            milestones:
              - id: sec
                name: Security review
                description: Hardening before the public beta
                owner: priya
                phase: hardening
                labels: [security, q3]
                targetDate: 2030-01-31
                versionTag: security-reviewed-v1
                governedBy: product-owner
                gateConditions:
                  - noCriticalFindings
                  - manualApproval: security-officer
                acceptanceCriteria:
                  - text: No critical findings
                    gate: noCriticalFindings
                  - "[ ] Pen test report filed"
                  - "[x] Threat model reviewed"
                deliverables:
                  - name: Threat model
                    status: done
                  - name: Pen test report
                    owner: sam
                    status: in progress
                risks:
                  - risk: Vendor audit overdue
                    likelihood: medium
                    impact: high
                    mitigation: escalate early
                blockers:
                  - issue: Scanner licence expired
                    owner: platform-admin
                    priority: high
              - id: gate-c
                name: Checkout ready
                governedBy: product-owner
                gateConditions:
                  - securityValidated
            """;

    private GovernedFixture() {
    }

    /** Both milestones defined, nothing else. */
    public static void defined() {
        TestDb.reset();
        Api.importDefinitions(DEFINITIONS).then().statusCode(200);
    }

    /** A GateSignal for one of the milestone's signal gates. */
    public static void signal(String milestone, String gate, String status) {
        signal(milestone, gate, status, "OWASP scan: 2 critical");
    }

    /** A signal with its own detail (identical bodies are one event: the API is idempotent on the body). */
    public static void signal(String milestone, String gate, String status, String detail) {
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"" + milestone + "\",\"gate\":\"" + gate + "\",\"status\":\""
                + status + "\",\"detail\":\"" + detail + "\"}").then().statusCode(201);
    }

    /** The milestone evaluated by a product owner after a failing signal: Blocked. */
    public static void blocked(String milestone, String gate) {
        signal(milestone, gate, "fail");
        Api.as("product-owner").post("/api/milestones/" + milestone + "/evaluate").then().statusCode(200)
                .body("status", equalTo("blocked"));
    }

    /** An override of {@code gate} requested through the API by {@code user}; its id. */
    public static long overrideRequested(String milestone, String gate, String user, String reason) {
        return Api.as(user).contentType("application/json")
                .body("{\"gates\":[\"" + gate + "\"],\"reason\":\"" + reason + "\"}")
                .post("/api/milestones/" + milestone + "/overrides").then().statusCode(201)
                .extract().jsonPath().getLong("override_id");
    }

    /**
     * Both milestones defined, "gate-c" Blocked on securityValidated and escalated by qa-lead's override request
     * (which another QA lead may decide); "sec" waits for its security officer's manual gate. Answers the request's id.
     */
    public static long overrideOfGateC() {
        return overrideOfGateC(false);
    }

    /** As {@link #overrideOfGateC()}, and "sec" Blocked on noCriticalFindings before the request is made. */
    public static long overrideOfGateCWithSecBlocked() {
        return overrideOfGateC(true);
    }

    private static long overrideOfGateC(boolean secBlocked) {
        defined();
        blocked("gate-c", "securityValidated");
        if (secBlocked) blocked("sec", "noCriticalFindings");
        return overrideRequested("gate-c", "securityValidated", "qa-lead", "pen test booked for Monday");
    }
}
