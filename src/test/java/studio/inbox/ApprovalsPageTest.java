package studio.inbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.milestone.GovernedFixture;
import studio.milestone.SqlStatements;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/**
 * The approvals inbox and its badge: what waits for each person (never their own request), deciding inline with and
 * without htmx, and refusals that change nothing. "gate-c" and "sec" are Blocked; qa-lead asked to override gate-c.
 */
@QuarkusTest
class ApprovalsPageTest {

    long request;

    @BeforeEach
    void setUp() {
        request = GovernedFixture.overrideOfGateCWithSecBlocked();
    }

    static String badge(int count) {
        return "id=\"approvals-badge\" aria-label=\"" + count + " awaiting your decision\">" + count + "</span>";
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead")
    void anotherQaLeadFindsTheRequestWithItsEvidenceAndTheBadgeCountsIt() {
        given().get("/approvals").then().statusCode(200)
                .body(containsString("Override request #" + request))
                .body(containsString("href=\"/milestones/gate-c\">Checkout ready</a>"))
                .body(containsString("Requested by <strong>qa-lead</strong>"))
                .body(containsString("pen test booked for Monday"))
                .body(containsString("href=\"/milestones/gate-c#gate-securityValidated\">securityValidated</a>"))
                .body(containsString("signal failed: OWASP scan: 2 critical"))
                .body(containsString("hx-post=\"/approvals/overrides/" + request + "/approve\">Approve override</button>"))
                .body(containsString(badge(1)));
        given().get("/milestones/sec").then().body(containsString(badge(1)));
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead")
    void theHomePageListsWhatWaitsAndLinksToTheInbox() {
        given().get("/").then().statusCode(200)
                .body(containsString("Waiting for your decision <span class=\"muted small\">(1)</span>"))
                .body(containsString("Override request #" + request + " by qa-lead"))
                .body(containsString("<a href=\"/milestones/gate-c\">Checkout ready</a>"))
                .body(containsString("<a href=\"/approvals\">Decide in the approvals inbox</a>"));
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead")
    void aPageListingTheInboxAndItsBadgeAskTheDatabaseOnce() {
        for (String page : List.of("/", "/approvals")) {
            assertEquals(1, SqlStatements.containing("from override_request o join milestone m",
                    () -> given().get(page).then().statusCode(200).body(containsString(badge(1)))), page);
        }
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void theRequesterSeesNothingWaitingOnTheHomePage() {
        given().get("/").then().statusCode(200).body(not(containsString("Waiting for your decision")));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void theRequesterFindsNothingToDecide() {
        given().get("/approvals").then().statusCode(200)
                .body(containsString("Nothing waits for your decision"))
                .body(not(containsString("Approve override")))
                .body(containsString("badge badge-empty"));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void anAuditorsInboxExplainsThatNothingWillWait() {
        given().get("/approvals").then().statusCode(200)
                .body(containsString("Your roles do not decide overrides or manual gates"))
                .body(not(containsString("method=\"post\"")));
    }

    @Test
    @TestSecurity(user = "security-officer", roles = "security-officer")
    void theManualGatesRoleFindsItAndDecidesWithoutJavaScript() {
        given().get("/approvals").then().statusCode(200)
                .body(containsString("Manual gate · security-officer"))
                .body(containsString("action=\"/approvals/milestones/sec/gates/manualApproval\""))
                .body(not(containsString("Override request #")));
        CsrfForms.form("/approvals").formParam("decision", "approved").formParam("reason", "reviewed the threat model")
                .post("/approvals/milestones/sec/gates/manualApproval").then().statusCode(303)
                .header("Location", endsWith("/approvals?done=decide"));
        assertEquals("approved", TestDb.text("select decision from gate_decision"));
        given().get("/approvals?done=decide").then().body(containsString("Decision recorded."))
                .body(containsString("Nothing waits for your decision"));
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead")
    void approvingInlineSwapsTheInboxUpdatesTheBadgeAndReachesTheMilestone() {
        CsrfForms.htmx("/approvals").formParam("reason", "risk accepted until Monday").post("/approvals/overrides/" + request + "/approve")
                .then().statusCode(200)
                .body(startsWith("<section id=\"inbox\""))
                .body(containsString("Override approved."))
                .body(containsString("Nothing waits for your decision"))
                .body(containsString("hx-swap-oob=\"true\" aria-label=\"0 awaiting your decision\">0</span>"));
        assertEquals("reached", TestDb.text("select state from milestone where id = 'gate-c'"));
        assertEquals("qa-lead-2", TestDb.text("select decided_by from override_request"));
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead")
    void aRejectionWithoutReasonIsRefusedOnItsItem() {
        CsrfForms.htmx("/approvals").formParam("reason", " ").post("/approvals/overrides/" + request + "/reject").then().statusCode(400)
                .header("HX-Retarget", "#inbox")
                .body(containsString("<p class=\"form-error\" role=\"alert\">a reason is required</p>"));
        assertEquals("requested", TestDb.text("select status from override_request"));
        CsrfForms.form("/approvals").formParam("reason", "run the pen test first").post("/approvals/overrides/" + request + "/reject")
                .then().statusCode(303);
        assertEquals("rejected", TestDb.text("select status from override_request"));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void theRequesterPostingAnApprovalAnywayIsRefused() {
        CsrfForms.form("/approvals").formParam("reason", "self-service").post("/approvals/overrides/" + request + "/approve").then()
                .statusCode(403).body(containsString("you requested this override; another approver must decide"));
        assertEquals("requested", TestDb.text("select status from override_request"));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void anAuditorCannotDecide() {
        CsrfForms.form("/approvals").formParam("reason", "x").post("/approvals/overrides/" + request + "/approve").then().statusCode(403);
        CsrfForms.form("/approvals").formParam("decision", "approved").formParam("reason", "x")
                .post("/approvals/milestones/sec/gates/manualApproval").then().statusCode(403);
        assertEquals("requested", TestDb.text("select status from override_request"));
        assertEquals(0, TestDb.count("select count(*) from gate_decision"));
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead")
    void theOldestRequestComesFirst() {
        long newer = GovernedFixture.overrideRequested("sec", "noCriticalFindings", "qa-lead", "newer request");
        String html = given().get("/approvals").then().statusCode(200).body(containsString(badge(2))).extract().asString();
        assertTrue(html.indexOf("id=\"override-" + request + "\"") < html.indexOf("id=\"override-" + newer + "\""), html);
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead")
    void anHtmxRequestGetsTheInboxAlone() {
        given().header("HX-Request", "true").get("/approvals").then().statusCode(200)
                .header("Vary", containsString("HX-Request"))
                .body(startsWith("<section id=\"inbox\"")).body(not(containsString("<html")));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void aBlockedMilestoneNobodyWasAskedAboutWaitsInItsGovernorsInboxUntilSomeoneIs() {
        // sec is Blocked with no request open; gate-c has qa-lead's override request, so its approvers are the ones asked
        given().get("/approvals").then().statusCode(200)
                .body(containsString("id=\"stuck-sec\""))
                .body(containsString("Blocked and nobody has been asked to decide"))
                .body(containsString("href=\"/milestones/sec#gate-noCriticalFindings\">noCriticalFindings</a>"))
                .body(not(containsString("id=\"stuck-gate-c\"")))
                .body(containsString(badge(1)));
        given().get("/").then().statusCode(200).body(containsString("Blocked, nobody asked to decide"));
        Api.as("product-owner-2").contentType("application/json").body("{\"reason\":\"vendor audit overdue\"}")
                .post("/api/milestones/sec/escalate").then().statusCode(200);
        given().get("/approvals").then().statusCode(200).body(containsString("Escalated and nobody has been asked to decide"));
        Api.as("product-owner-2").contentType("application/json").body("{\"reason\":\"board decision\"}")
                .post("/api/milestones/sec/force-close").then().statusCode(202);
        // now someone is asked: the second governor's approval of the force close, not the stuck milestone
        given().get("/approvals").then().statusCode(200).body(not(containsString("id=\"stuck-sec\"")))
                .body(containsString("Force close request #")).body(containsString(badge(1)));
    }

    @Test
    @TestSecurity(user = "qa-lead-3", roles = "qa-lead")
    void someoneWhoDoesNotGovernTheMilestoneIsNotAskedAboutIt() {
        given().get("/approvals").then().statusCode(200).body(not(containsString("id=\"stuck-sec\"")));
    }
}
