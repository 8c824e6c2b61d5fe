package studio.planning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/**
 * Planning governance end to end: a milestone that plans assisted makes its sprints' scopes need approval by someone
 * other than whoever imported them; a start before approval is recorded, flagged and fails sprintScopesApproved.
 */
@QuarkusTest
class SprintScopeApprovalTest {

    static final String PLAN = """
            milestones:
              - id: gov
                planningMode: assisted
                requiredFeatures: [Pay]
                gateConditions:
                  - sprintScopesApproved
            sprints:
              - id: s-a
                milestones: [gov]
                goal: Pay by card
                features: [Pay]
              - id: s-b
                milestones: [gov]
                goal: Refunds
                features: [Pay]
            """;

    @BeforeEach
    void plan() {
        TestDb.reset();
        importAs("product-owner", PLAN);
    }

    @Test
    void theAuthorCannotApproveAnotherProductOwnerApprovesAndRejectsAndAnEarlyStartFailsTheGate() {
        long a = scope("s-a");
        long b = scope("s-b");
        decide("product-owner", a, "approve", "mine").then().statusCode(403).body("errors[0].message", containsString("another person must decide it"));
        decide("ci", a, "approve", "ok").then().statusCode(403);
        decide("qa-lead", a, "approve", "ok").then().statusCode(403);
        decide("product-owner-2", b, "reject", " ").then().statusCode(400);
        assertEquals(0, TestDb.count("select count(*) from sprint_scope where status in ('approved', 'rejected')"));

        decide("product-owner-2", a, "approve", "fits the quarter").then().statusCode(200).body("status", equalTo("approved"))
                .body("decided_by", equalTo("product-owner-2")).body("imported_by", equalTo("product-owner"));
        decide("product-owner-2", b, "reject", "refunds wait for the ledger").then().statusCode(200).body("status", equalTo("rejected"));
        decide("product-owner-2", b, "approve", "changed my mind").then().statusCode(409);

        Api.event(started("s-b")).then().statusCode(201);
        assertEquals(1, TestDb.count("""
                select count(*) from audit_event where type = 'SprintStartedUnapproved' and subject_id = 's-b'
                and payload like '%"scope_status":"rejected"%'"""));
        Api.event(started("s-a")).then().statusCode(201);
        assertEquals(0, TestDb.count("select count(*) from audit_event where type = 'SprintStartedUnapproved' and subject_id = 's-a'"));
        Api.milestone("gov").then().statusCode(200)
                .body("gates.find { it.condition == 'sprintScopesApproved' }.status", equalTo("failed"))
                .body("gates.find { it.condition == 'sprintScopesApproved' }.detail",
                        equalTo("started unapproved: s-b started while its scope was rejected; scope rejected: s-b; approved: s-a"));
        assertEquals(1, TestDb.count("""
                select count(*) from audit_event where type = 'SprintScopeApproved' and actor = 'product-owner-2'
                and actor_roles::text like '%product-owner%' and payload like '%"reason":"fits the quarter"%'"""));
    }

    @Test
    void aReimportThatChangesARejectedScopeMakesTheDecisionStaleAndSaysSo() {
        long b = scope("s-b");
        decide("product-owner-2", b, "reject", "refunds wait").then().statusCode(200);
        importAs("ci", PLAN.replace("goal: Refunds", "goal: Refunds after the ledger"));
        long current = scope("s-b");
        Api.as("auditor").get("/api/sprint-scopes/" + current).then().statusCode(200).body("status", equalTo("stale"))
                .body("stale_decision_of", equalTo((int) b)).body("imported_by", equalTo("service-account-studio-ci"));
        assertEquals("Refunds after the ledger", TestDb.text("select goal from sprint where id = 's-b'"),
                "nothing approved was in force, so the revised plan is applied and waits for its decision");
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'SprintScopeStale' and subject_id = 's-b'"));
        Api.milestone("gov").then().body("gates.find { it.condition == 'sprintScopesApproved' }.status", equalTo("pending"));
        importAs("ci", PLAN.replace("goal: Refunds", "goal: Refunds after the ledger"));
        assertEquals(current, scope("s-b"), "an unchanged re-import keeps the scope");
        decide("product-owner", current, "approve", "the ledger is in").then().statusCode(200);
    }

    @Test
    void aBadPlanningModeIsRefusedWithLineAndFieldAndStoresNothing() {
        Api.importDefinitions("milestones:\n  - id: bad\n    planningMode: supervised\n").then().statusCode(400)
                .body("errors[0].line", equalTo(3)).body("errors[0].path", equalTo("$.milestones[0].planningMode"))
                .body("errors[0].message", containsString("must be autonomous, assisted or manual-only"));
        assertEquals(0, TestDb.count("select count(*) from milestone where id = 'bad'"));
    }

    @Test
    void concurrentApprovalsRecordOnce() throws Exception {
        long a = scope("s-a");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> approve = () -> decide("product-owner-2", a, "approve", "race").then().extract().statusCode();
            List<Future<Integer>> answers = pool.invokeAll(List.of(approve, approve, approve));
            List<Integer> codes = answers.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).sorted().toList();
            assertEquals(List.of(200, 409, 409), codes);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'SprintScopeApproved'"));
    }

    @Test
    void aPlatformAdminAloneCannotApproveTheirOwnImportedScope() {
        importAs("platform-admin", PLAN.replace("goal: Refunds", "goal: Refunds v2"));
        long b = scope("s-b");
        decide("platform-admin", b, "approve", "mine").then().statusCode(403);
        assertEquals("pending", TestDb.text("select status from sprint_scope where id = " + b));
    }

    @Test
    @TestSecurity(user = "product-owner-2", roles = "product-owner")
    void theSprintPageShowsTheDecisionFormsTheFlagAndComments() {
        long b = scope("s-b");
        given().get("/sprints/s-b").then().statusCode(200)
                .body(containsString("Scope approval"))
                .body(containsString("milestone gov plans assisted"))
                .body(containsString("action=\"/sprints/s-b/scope/" + b + "/approve\""))
                .body(containsString("formaction=\"/sprints/s-b/scope/" + b + "/reject\""));
        given().get("/approvals").then().statusCode(200).body(containsString("Sprint s-b"));
        CsrfForms.form("/sprints/s-b").formParam("comment", "Why refunds before the ledger?").post("/sprints/s-b/scope/comments")
                .then().statusCode(303);
        CsrfForms.form("/sprints/s-b").formParam("reason", "").post("/sprints/s-b/scope/" + b + "/reject").then().statusCode(400);
        CsrfForms.form("/sprints/s-b").formParam("reason", "ledger first").post("/sprints/s-b/scope/" + b + "/reject").then().statusCode(303);
        Api.event(started("s-b")).then().statusCode(201);
        given().get("/sprints/s-b?done=scope-reject").then().statusCode(200)
                .body(containsString("Scope rejected;"))
                .body(containsString("Started before its scope was approved."))
                .body(containsString("Why refunds before the ledger?"))
                .body(not(containsString("/scope/" + b + "/approve\"")));
        given().get("/milestones/gov").then().statusCode(200).body(containsString("s-b started while its scope was rejected"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'SprintScopeCommented' and actor = 'product-owner-2'"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'SprintScopeRejected' and actor = 'product-owner-2'"));
    }

    static void importAs(String who, String yaml) {
        Api.as(who).contentType("application/yaml").body(yaml).post("/api/definitions").then().statusCode(200);
    }

    static long scope(String sprint) {
        Number id = Api.as("auditor").get("/api/sprint-scopes?sprint=" + sprint).then().statusCode(200).extract().path("scopes[0].scope_id");
        return id.longValue();
    }

    static io.restassured.response.Response decide(String who, long scope, String decision, String reason) {
        return Api.as(who).contentType("application/json").body("{\"reason\":\"" + reason + "\"}")
                .post("/api/sprint-scopes/" + scope + "/" + decision);
    }

    @Test
    void ciCannotWidenAScopeThatNeedsApprovalThroughEvents() {
        long a = scope("s-a");
        decide("product-owner-2", a, "approve", "fits the quarter").then().statusCode(200);

        Api.event("{\"event\":\"SprintPlanned\",\"sprintId\":\"s-a\",\"milestone\":\"gov\",\"features\":[\"Pay\",\"Payouts\"],"
                + "\"timestamp\":\"2026-01-01T09:00:00Z\"}").then().statusCode(409)
                .body(containsString("sprint s-a's scope needs approval, and SprintPlanned names Payouts, which its imported definition does not"));
        Api.event("{\"event\":\"FeatureScopeDefined\",\"sprintId\":\"s-a\",\"features\":[\"Payouts\"],"
                + "\"timestamp\":\"2026-01-01T09:00:00Z\"}").then().statusCode(409);
        assertEquals(0, TestDb.count("select count(*) from sprint_feature where feature_id = 'Payouts'"), "nothing linked");
        Api.event("{\"event\":\"FeatureScopeDefined\",\"sprintId\":\"s-a\",\"features\":[\"Pay\"],"
                + "\"timestamp\":\"2026-01-01T09:00:00Z\"}").then().statusCode(201);
    }

    static String started(String sprint) {
        return "{\"event\":\"SprintStarted\",\"sprintId\":\"" + sprint + "\",\"traceId\":\"trace-" + sprint
                + "\",\"timestamp\":\"" + java.time.Instant.now() + "\"}"; // after the decisions: CI's own clock orders starts
    }
}
