package studio.planning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.planning.SprintScopeApprovalTest.decide;
import static studio.planning.SprintScopeApprovalTest.importAs;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/**
 * Re-planning with a diff: once a sprint's scope is approved (and its scope needs approval), a re-import that changes it
 * is held, not applied. Its page shows what would change, the approved scope stays in force (features, goal, links, the
 * sprintScopesApproved gate), and the change takes effect only when someone other than its importer approves it.
 */
@QuarkusTest
class HeldScopeChangeTest {

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
                features: [Pay, Wallet]
              - id: s-b
                milestones: [gov]
                goal: Refunds
                features: [Refund]
            """;

    /** s-a gains Payouts and a new goal; Wallet moves from s-a to s-b. */
    static final String REPLAN = """
            sprints:
              - id: s-a
                milestones: [gov]
                goal: Pay by card and payouts
                features: [Pay, Payouts]
              - id: s-b
                milestones: [gov]
                goal: Refunds
                features: [Refund, Wallet]
            """;

    long a;
    long b;

    @BeforeEach
    void approvedPlan() {
        TestDb.reset();
        importAs("product-owner", PLAN);
        a = scopeInForce("s-a");
        b = scopeInForce("s-b");
        decide("product-owner-2", a, "approve", "fits the quarter").then().statusCode(200);
        decide("product-owner-2", b, "approve", "refunds agreed").then().statusCode(200);
        gateIs("passed");
    }

    @Test
    void aChangedReimportIsHeldWithItsDiffAndTheApprovedScopeStaysInForce() {
        Api.as("ci").contentType("application/yaml").body(REPLAN).post("/api/definitions").then().statusCode(200)
                .body("updated.sprints", equalTo(0)).body("unchanged.sprints", equalTo(2))
                .body("scopesHeld.sprintId", equalTo(List.of("s-a", "s-b")))
                .body("scopesHeld[0].change.added", equalTo(List.of("Payouts")))
                .body("scopesHeld[0].change.moved[0].feature", equalTo("Wallet"))
                .body("scopesHeld[0].change.moved[0].to", equalTo(List.of("s-b")))
                .body("scopesHeld[1].change.moved[0].from", equalTo(List.of("s-a")));

        assertEquals("Pay by card", TestDb.text("select goal from sprint where id = 's-a'"));
        assertEquals(List.of("Pay", "Wallet"), features("s-a"), "nothing of the held change is in force");
        assertEquals(List.of("Refund"), features("s-b"));
        gateIs("passed");
        long held = heldScope("s-a");
        Api.as("auditor").get("/api/sprint-scopes/" + held).then().statusCode(200)
                .body("status", equalTo("proposed")).body("held", equalTo(true)).body("needs_approval", equalTo(true))
                .body("replaces_scope_id", equalTo((int) a)).body("imported_by", equalTo("service-account-studio-ci"))
                .body("change.changed", hasItem("goal: \"Pay by card\" -> \"Pay by card and payouts\""));
        assertEquals(2, TestDb.count("select count(*) from audit_event where type = 'SprintScopeChangeProposed'"));
        assertEquals(0, TestDb.count("select count(*) from audit_event where type = 'SprintRedefined'"));

        Api.event("{\"event\":\"FeatureScopeDefined\",\"sprintId\":\"s-a\",\"features\":[\"Payouts\"],"
                + "\"timestamp\":\"2026-01-01T09:00:00Z\"}").then().statusCode(409)
                .body(containsString("a change to its scope (scope " + held + ") waits for a decision on the sprint's page"));
        decide("ci", held, "approve", "ship it").then().statusCode(403);

        decide("product-owner-2", held, "approve", "payouts fit").then().statusCode(200).body("status", equalTo("approved"));
        assertEquals("Pay by card and payouts", TestDb.text("select goal from sprint where id = 's-a'"));
        assertEquals(List.of("Pay", "Payouts"), features("s-a"), "approved, the change is in force");
        assertEquals(held, scopeInForce("s-a"));
        assertEquals("superseded", TestDb.text("select status from sprint_scope where id = " + a));
        assertEquals(1, TestDb.count("""
                select count(*) from audit_event where type = 'SprintRedefined' and subject_id = 's-a' and actor = 'product-owner-2'
                and payload like '%"proposed_by":"service-account-studio-ci"%' and payload like '%"approved_by":"product-owner-2"%'"""));
        gateIs("passed");
        decide("product-owner", held, "approve", "again").then().statusCode(409);
    }

    @Test
    void aRejectedHeldChangeIsDeclinedAndTheApprovedScopeStays() {
        importAs("product-owner", REPLAN);
        long held = heldScope("s-b");
        decide("product-owner", held, "approve", "mine").then().statusCode(403).body("errors[0].message", containsString("another person must decide it"));
        decide("product-owner-2", held, "reject", "wallet stays with payments").then().statusCode(200).body("status", equalTo("declined"));
        assertEquals(List.of("Refund"), features("s-b"));
        assertEquals(b, scopeInForce("s-b"));
        assertEquals("approved", TestDb.text("select status from sprint_scope where id = " + b));
        gateIs("passed");
        assertEquals(1, TestDb.count("""
                select count(*) from audit_event where type = 'SprintScopeRejected' and subject_id = 's-b'
                and payload like '%"held_change":true%' and payload like '%"reason":"wallet stays with payments"%'"""));
        decide("product-owner-2", held, "approve", "changed my mind").then().statusCode(409);
    }

    @Test
    void unlinkingTheMilestoneOrDroppingApprovalDoesNotEscapeTheHold() {
        importAs("ci", """
                sprints:
                  - id: s-a
                    goal: Pay by card, unsupervised
                    features: [Pay, Wallet, Payouts]
                    governance:
                      approvalRequired: false
                """);
        assertEquals(List.of("Pay", "Wallet"), features("s-a"));
        assertEquals(1, TestDb.count("select count(*) from sprint_milestone where sprint_id = 's-a' and milestone_id = 'gov'"));
        Api.as("auditor").get("/api/sprint-scopes/" + heldScope("s-a")).then().statusCode(200)
                .body("change.changed", hasItem("milestones: - gov"));
    }

    @Test
    void reimportingTheDefinitionInForceWithdrawsTheHeldChangeAndANewChangeReplacesIt() {
        importAs("ci", REPLAN);
        long first = heldScope("s-a");
        importAs("ci", REPLAN.replace("Pay by card and payouts", "Pay by card and payouts, EU only"));
        long second = heldScope("s-a");
        assertEquals("superseded", TestDb.text("select status from sprint_scope where id = " + first));
        decide("product-owner-2", first, "approve", "stale").then().statusCode(409);
        importAs("ci", PLAN);
        assertEquals("superseded", TestDb.text("select status from sprint_scope where id = " + second));
        assertEquals(0, TestDb.count("select count(*) from sprint_scope where status = 'proposed'"));
        assertEquals(2, TestDb.count("select count(*) from audit_event where type = 'SprintScopeChangeWithdrawn'"));
    }

    @Test
    @TestSecurity(user = "product-owner-2", roles = "product-owner")
    void theSprintPageShowsTheDiffBeforeItIsAppliedAndDecidesIt() {
        importAs("ci", REPLAN);
        long held = heldScope("s-a");
        given().get("/sprints/s-a").then().statusCode(200)
                .body(containsString("Change waiting for a decision"))
                .body(containsString("Not in force"))
                .body(containsString("Features added</th><td><a href=\"/backlog/features/Payouts\">Payouts</a>"))
                .body(containsString("Wallet: s-a -&gt; s-b"))
                .body(containsString("goal: &quot;Pay by card&quot; -&gt; &quot;Pay by card and payouts&quot;"))
                .body(containsString("formaction=\"/sprints/s-a/scope/" + held + "/approve\""))
                .body(containsString("Reject change"));
        given().get("/approvals").then().statusCode(200).body(containsString("a change to the sprint's approved scope"));
        CsrfForms.form("/sprints/s-a").formParam("reason", "not this quarter").post("/sprints/s-a/scope/" + held + "/reject")
                .then().statusCode(303);
        given().get("/sprints/s-a?done=scope-reject").then().statusCode(200)
                .body(containsString("Change rejected; the approved scope stays in force."))
                .body(not(containsString("Change waiting for a decision")));
        assertEquals(List.of("Pay", "Wallet"), features("s-a"));
    }

    static long scopeInForce(String sprint) {
        return TestDb.count("select id from sprint_scope where sprint_id = '" + sprint + "' and status not in ('superseded', 'proposed', 'declined')");
    }

    static long heldScope(String sprint) {
        Number id = Api.as("auditor").get("/api/sprint-scopes?status=proposed&sprint=" + sprint).then().statusCode(200)
                .extract().path("scopes[0].scope_id");
        return id.longValue();
    }

    static List<String> features(String sprint) {
        return List.of(TestDb.text("select string_agg(feature_id, ',' order by feature_id) from sprint_feature where sprint_id = '" + sprint
                + "' and source = 'definition'").split(","));
    }

    void gateIs(String status) {
        Api.milestone("gov").then().statusCode(200).body("gates.find { it.condition == 'sprintScopesApproved' }.status", equalTo(status));
    }
}
