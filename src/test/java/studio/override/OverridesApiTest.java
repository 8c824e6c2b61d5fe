package studio.override;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/** Overrides: separation of duties, who may decide, exactly-once decisions, and their effect on the milestone. */
@QuarkusTest
class OverridesApiTest {

    static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    /** A milestone whose only gate failed: securityValidated got a failing signal and the milestone is Blocked. */
    static void blocked(String id) {
        Api.importDefinitions("""
                milestones:
                  - id: %s
                    gateConditions: [securityValidated]
                    approvalRoles: [qa-lead]
                    governedBy: product-owner
                """.formatted(id)).then().statusCode(200);
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"" + id + "\",\"gate\":\"securityValidated\",\"status\":\"fail\","
                + "\"detail\":\"missing span template in Email API\"}").then().statusCode(201);
        Api.as("product-owner").post("/api/milestones/" + id + "/evaluate").then().statusCode(200).body("status", equalTo("blocked"));
    }

    static long request(String user, String milestone) {
        return Api.as(user).contentType("application/json")
                .body("{\"gates\":[\"securityValidated\"],\"reason\":\"Pen test scheduled; risk accepted for internal MVP\"}")
                .post("/api/milestones/" + milestone + "/overrides").then().statusCode(201)
                .body("status", equalTo("requested")).extract().jsonPath().getLong("override_id");
    }

    @Test
    void theRequesterCannotApproveASecondQaLeadCanAndTheMilestoneIsReached() {
        blocked("m1");
        long id = request("qa-lead", "m1");
        Api.milestone("m1").then().body("status", equalTo("escalated"));

        Api.as("qa-lead").contentType("application/json").body("{\"reason\":\"fine by me\"}")
                .post("/api/overrides/" + id + "/approve").then().statusCode(403)
                .body("errors[0].message", containsString("another approver"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'AuthorizationRefused' and actor = 'qa-lead'"));

        Api.as("qa-lead-2").contentType("application/json").body("{\"reason\":\"Risk reviewed with security\"}")
                .post("/api/overrides/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("approved")).body("decided_by", equalTo("qa-lead-2"));
        Api.milestone("m1").then().body("status", equalTo("reached"))
                .body("gates[0].status", equalTo("overridden"))
                .body("gates[0].overridden_by", containsString("qa-lead-2"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'MilestoneForceClosed'"));
    }

    @Test
    void onlyTheMilestonesApprovalRolesMayDecide() {
        blocked("m2");
        long id = request("qa-lead", "m2");
        Api.as("domain-architect").contentType("application/json").body("{\"reason\":\"ok\"}")
                .post("/api/overrides/" + id + "/approve").then().statusCode(403).body("errors[0].message", containsString("qa-lead"));
        Api.as("auditor").contentType("application/json").body("{\"reason\":\"ok\"}")
                .post("/api/overrides/" + id + "/approve").then().statusCode(403);
    }

    @Test
    void aReasonIsRequiredAndAGateMustBeTheMilestones() {
        blocked("m3");
        Api.as("qa-lead").contentType("application/json").body("{\"gates\":[\"securityValidated\"]}")
                .post("/api/milestones/m3/overrides").then().statusCode(400).body("errors[0].message", containsString("reason"));
        Api.as("qa-lead").contentType("application/json").body("{\"gates\":[\"traceMatrixComplete\"],\"reason\":\"x\"}")
                .post("/api/milestones/m3/overrides").then().statusCode(400).body("errors[0].message", containsString("traceMatrixComplete"));
        long id = request("qa-lead", "m3");
        Api.as("qa-lead-2").contentType("application/json").body("{}")
                .post("/api/overrides/" + id + "/reject").then().statusCode(400).body("errors[0].message", containsString("reason"));
        assertEquals(0, TestDb.count("select count(*) from override_request where status <> 'requested'"));
    }

    @Test
    void overridesAreRefusedWhereTheMilestoneForbidsThem() {
        Api.importDefinitions("""
                milestones:
                  - id: locked
                    gateConditions: [securityValidated]
                    manualOverrideAllowed: false
                """).then().statusCode(200);
        Api.as("qa-lead").contentType("application/json").body("{\"gates\":[\"securityValidated\"],\"reason\":\"x\"}")
                .post("/api/milestones/locked/overrides").then().statusCode(403);
    }

    @Test
    void aDecidedRequestCannotBeDecidedAgain() {
        blocked("m4");
        long id = request("product-owner", "m4");
        Api.as("qa-lead").contentType("application/json").body("{\"reason\":\"no: fix it first\"}")
                .post("/api/overrides/" + id + "/reject").then().statusCode(200).body("status", equalTo("rejected"));
        Api.as("qa-lead-2").contentType("application/json").body("{\"reason\":\"yes\"}")
                .post("/api/overrides/" + id + "/approve").then().statusCode(409).body("errors[0].message", containsString("rejected"));
    }

    @Test
    void twoConcurrentApprovalsRecordExactlyOneDecision() throws Exception {
        for (int round = 0; round < 5; round++) {
            String m = "race-" + round;
            blocked(m);
            long id = request("product-owner", m);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String approver : List.of("qa-lead", "qa-lead-2")) {
                String token = Api.token(approver);
                answers.add(POOL.submit(() -> {
                    go.await();
                    return io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json")
                            .body("{\"reason\":\"race\"}").post("/api/overrides/" + id + "/approve").statusCode();
                }));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : answers) codes.add(f.get());
            codes.sort(Integer::compareTo);
            assertEquals(List.of(200, 409), codes, "round " + round);
            assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'MilestoneOverrideApproved' "
                    + "and subject_id = '" + m + "'"));
        }
        Api.as("auditor").get("/api/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void revokingAnApprovedOverrideIsForTheGovernorOnly() {
        blocked("m5");
        long id = request("qa-lead", "m5");
        Api.as("qa-lead-2").contentType("application/json").body("{\"reason\":\"ok\"}").post("/api/overrides/" + id + "/approve")
                .then().statusCode(200);
        Api.as("qa-lead-2").contentType("application/json").body("{\"reason\":\"changed my mind\"}")
                .post("/api/overrides/" + id + "/revoke").then().statusCode(403);
        Api.as("product-owner").contentType("application/json").body("{\"reason\":\"pen test found issues\"}")
                .post("/api/overrides/" + id + "/revoke").then().statusCode(200).body("status", equalTo("revoked"));
        assertTrue(TestDb.count("select count(*) from audit_event where type = 'MilestoneOverrideRevoked'") == 1);
    }

    @Test
    void theInboxListsWhatAwaitsDecisions() {
        blocked("m6");
        request("qa-lead", "m6");
        Api.as("qa-lead-2").queryParam("status", "requested").get("/api/overrides").then().statusCode(200)
                .body("overrides.size()", equalTo(1)).body("overrides[0].milestone_id", equalTo("m6"));
        Api.as("qa-lead-2").queryParam("status", "bogus").get("/api/overrides").then().statusCode(400);
    }
}
