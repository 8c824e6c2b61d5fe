package studio.release;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.release.Releasing.*;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.release.approval.ApprovalTimeouts;
import studio.testing.Api;
import studio.testing.TestDb;

/** Production approvals: two people in two roles, never the requester, never twice; rejection; stale; timeout. */
@QuarkusTest
class ReleaseApprovalsApiTest {

    @Inject
    ApprovalTimeouts timer;

    @BeforeEach
    void clean() {
        TestDb.reset();
        Releasing.anyEnvironmentFirst();
    }

    @Test
    void aProductionReleaseWaitsForBothApprovalsRefusingTheRequesterAndTheSamePersonTwice() {
        reached("m1", "versionTag: v1.0.0");
        promote("platform-admin", "m1", "production").then().statusCode(201).body("status", equalTo("paused_for_approval"))
                .body("approval_status.approvals", equalTo("0/2"));

        decide("platform-admin", "v1.0.0", "approve", "my own release").then().statusCode(403)
                .body("errors[0].message", containsString("you requested this release"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'AuthorizationRefused' and actor = 'platform-admin'"));
        decide("qa-lead", "v1.0.0", "approve", "looks fine").then().statusCode(403);
        decide("product-owner", "v1.0.0", "approve", null).then().statusCode(400).body("errors[0].message", equalTo("a reason is required"));

        decide("product-owner", "v1.0.0", "approve", "Scope delivered").then().statusCode(200)
                .body("status", equalTo("paused_for_approval")).body("approval_status.approvals", equalTo("1/2"))
                .body("approvals[0].approved_by", equalTo("product-owner")).body("approvals[0].role", equalTo("product-owner"));
        decide("product-owner", "v1.0.0", "approve", "again").then().statusCode(409)
                .body("errors[0].message", containsString("already approved"));
        assertEquals(1, TestDb.count("select count(*) from release_approval"));

        decide("compliance-officer", "v1.0.0", "approve", "Audit evidence complete").then().statusCode(200)
                .body("status", equalTo("deploying")).body("approval_status.satisfied", equalTo(true))
                .body("approval_status.approvals", equalTo("2/2"));
        decide("compliance-officer", "v1.0.0", "approve", "late").then().statusCode(409);
        java.util.List<String> types = Api.as("auditor").queryParam("release", "v1.0.0").get("/api/audit").then().extract().path("events.type");
        assertEquals(java.util.List.of("DeploymentStarted", "ReleaseTriggered", "ReleaseTagging", "StudioReleaseApproved", "StudioReleaseApproved",
                "AuthorizationRefused", "AuthorizationRefused", "ReleaseApprovalRequested", "ReleaseRequested"), types);
    }

    @Test
    void aRejectionWithAReasonStopsTheRelease() {
        reached("m1", "versionTag: v1.0.0");
        promote("ci", "m1", "production").then().statusCode(201);
        decide("compliance-officer", "v1.0.0", "reject", " ").then().statusCode(400);
        decide("compliance-officer", "v1.0.0", "maybe", "hmm").then().statusCode(400);
        decide("compliance-officer", "v1.0.0", "reject", "SBOM missing for notification-service").then().statusCode(200)
                .body("status", equalTo("rejected")).body("reason", containsString("SBOM missing"));
        decide("product-owner", "v1.0.0", "approve", "too late").then().statusCode(409).body("errors[0].message", containsString("Rejected"));
        Api.as("product-owner").post("/api/releases/v1.0.0/retry").then().statusCode(409);
    }

    @Test
    void newEvidenceWhileWaitingMakesEarlierApprovalsStale() {
        Api.importDefinitions("""
                milestones:
                  - id: m1
                    versionTag: v1.0.0
                    gateConditions: [securityValidated, loadTested]
                """).then().statusCode(200);
        signal("m1", "pass");
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"m1\",\"gate\":\"loadTested\",\"status\":\"pass\",\"detail\":\"p95 ok\"}")
                .then().statusCode(201);
        Api.as("product-owner").post("/api/milestones/m1/evaluate").then().statusCode(200).body("status", equalTo("reached"));
        promote("platform-admin", "m1", "production").then().statusCode(201);
        String before = release("v1.0.0").then().extract().path("content_hash");
        decide("product-owner", "v1.0.0", "approve", "Scope delivered").then().statusCode(200);

        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"m1\",\"gate\":\"loadTested\",\"status\":\"pass\",\"detail\":\"p95 better\"}")
                .then().statusCode(201);
        String after = release("v1.0.0").then().body("status", equalTo("paused_for_approval"))
                .body("approval_status.approvals", equalTo("0/2")).body("approval_status.summary", containsString("stale"))
                .extract().path("content_hash");
        org.junit.jupiter.api.Assertions.assertNotEquals(before, after);
        decide("compliance-officer", "v1.0.0", "approve", "ok").then().statusCode(200).body("status", equalTo("paused_for_approval"));
        decide("product-owner", "v1.0.0", "approve", "Re-checked").then().statusCode(200).body("status", equalTo("deploying"));
    }

    @Test
    void aReleaseWaitingLongerThanItsApprovalTimeoutIsAborted() {
        reached("m1", "versionTag: v1.0.0");
        promote("platform-admin", "m1", "production").then().statusCode(201);
        timer.tick();
        release("v1.0.0").then().body("status", equalTo("paused_for_approval"));
        TestDb.exec("update release set state_since = state_since - interval '73 hours'");
        timer.tick();
        release("v1.0.0").then().body("status", equalTo("aborted")).body("reason", containsString("no approval within 72h"));
        decide("product-owner", "v1.0.0", "approve", "late").then().statusCode(409);
    }
}
