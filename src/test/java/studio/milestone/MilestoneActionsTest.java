package studio.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/**
 * The control panel's forms, without JavaScript (303 back to the page) and with htmx (the live part in place): what
 * each role may do, what is refused with nothing changed, and that every action shows in the timeline at once.
 */
@QuarkusTest
class MilestoneActionsTest {

    static final String PAGE = "/milestones/sec";

    @BeforeEach
    void setUp() {
        GovernedFixture.defined();
        GovernedFixture.blocked("sec", "noCriticalFindings");
    }

    static String state(String milestone) {
        return TestDb.text("select state from milestone where id = '" + milestone + "'");
    }

    static long count(String table) {
        return TestDb.count("select count(*) from " + table);
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void withoutJavaScriptAnActionRedirectsBackToThePageWithANotice() {
        CsrfForms.form(PAGE).formParam("reason", "vendor audit overdue").post(PAGE + "/escalate").then().statusCode(303)
                .header("Location", endsWith("/milestones/sec?done=escalate"));
        assertEquals("escalated", state("sec"));
        given().get(PAGE + "?done=escalate").then().statusCode(200)
                .body(containsString("<div class=\"flash flash-ok\" role=\"status\">Milestone escalated.</div>"))
                .body(containsString("chip chip-escalated\">Escalated"))
                .body(containsString("“escalated by product-owner: vendor audit overdue”"));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void withHtmxTheLivePartComesBackUpdatedWithTheActionInItsTimeline() {
        CsrfForms.htmx(PAGE).formParam("reason", "vendor audit overdue").post(PAGE + "/escalate").then().statusCode(200)
                .header("Vary", containsString("HX-Request"))
                .body(startsWith("<div id=\"milestone-live\""))
                .body(containsString("Milestone escalated."))
                .body(containsString("chip chip-escalated\">Escalated"))
                .body(containsString("<strong class=\"event-type\">MilestoneEscalated</strong>"))
                .body(containsString("action=\"/milestones/sec/force-close\""))
                .body(containsString("id=\"approvals-badge\" hx-swap-oob=\"true\""))
                .body(not(containsString("<html")));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void aMissingReasonIsRefusedNextToTheFormAndNothingChanges() {
        long events = count("audit_event");
        CsrfForms.form(PAGE).formParam("reason", "  ").post(PAGE + "/escalate").then().statusCode(400)
                .body(containsString("<html"))
                .body(containsString("<p class=\"form-error\" role=\"alert\">a reason is required</p>"));
        CsrfForms.htmx(PAGE).post(PAGE + "/terminate").then().statusCode(400)
                .header("HX-Retarget", "#milestone-live")
                .body(startsWith("<div id=\"milestone-live\""))
                .body(containsString("a reason is required"));
        assertEquals("blocked", state("sec"));
        assertEquals(events, count("audit_event"));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void aRoleThePolicyRefusesGets403AndTheStateStays() {
        CsrfForms.htmx(PAGE).formParam("reason", "I think so").post(PAGE + "/escalate").then().statusCode(403)
                .header("HX-Retarget", "#milestone-live")
                .body(containsString("escalating milestone sec needs one of the roles product-owner, platform-admin"));
        assertEquals("blocked", state("sec"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'AuthorizationRefused'"), "a refusal is itself audited");
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void anAuditorCannotActAtAll() {
        long id = GovernedFixture.overrideRequested("sec", "noCriticalFindings", "qa-lead", "scanner false positive");
        long events = count("audit_event");
        CsrfForms.form(PAGE).formParam("reason", "x").post(PAGE + "/evaluate").then().statusCode(403);
        CsrfForms.form(PAGE).formParam("reason", "x").post(PAGE + "/overrides/" + id + "/approve").then().statusCode(403);
        CsrfForms.form(PAGE).formParam("gates", "noCriticalFindings").formParam("reason", "x").post(PAGE + "/overrides").then().statusCode(403);
        CsrfForms.form(PAGE).formParam("criterion", "Pen test report filed").formParam("met", "true").post(PAGE + "/criteria").then().statusCode(403);
        assertEquals("requested", TestDb.text("select status from override_request where id = " + id));
        assertEquals(1, count("override_request"));
        assertEquals(0, count("criterion_mark"));
        assertEquals(events, count("audit_event"));
    }

    @Test
    @TestSecurity(user = "domain-architect", roles = "domain-architect")
    void evaluatingNeedsAnEvaluatorsRole() {
        CsrfForms.form(PAGE).post(PAGE + "/evaluate").then().statusCode(403);
        CsrfForms.form(PAGE).post(PAGE + "/resume").then().statusCode(403);
        assertEquals("blocked", state("sec"));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void evaluateAndResumeAreRecordedAtOnce() {
        CsrfForms.htmx(PAGE).post(PAGE + "/evaluate").then().statusCode(200)
                .body(containsString("Evaluated now with the newest evidence."))
                .body(containsString("<strong class=\"event-type\">MilestoneResumed</strong>"));
        CsrfForms.form(PAGE).formParam("reason", "scanner rerun").post(PAGE + "/resume").then().statusCode(303);
        assertEquals(2, TestDb.count("select count(*) from audit_event where type = 'MilestoneResumed'"));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void aQaLeadRequestsAnOverrideFromTheForm() {
        CsrfForms.form(PAGE).formParam("gates", "noCriticalFindings").formParam("reason", "scanner false positive")
                .formParam("expires_at", "2099-01-01T12:00").post(PAGE + "/overrides").then().statusCode(303)
                .header("Location", endsWith("?done=override"));
        assertEquals("requested", TestDb.text("select status from override_request"));
        assertEquals("2099-01-01 12:00:00+00", TestDb.text("select expires_at at time zone 'UTC' || '+00' from override_request"));
        assertEquals("escalated", state("sec"));
        given().get(PAGE).then().body(containsString("scanner false positive"))
                .body(containsString("never the requester, qa-lead,"))
                .body(not(containsString("Approve override")));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void aBadOverrideRequestKeepsWhatWasTypedAndStoresNothing() {
        CsrfForms.htmx(PAGE).formParam("gates", "noCriticalFindings").formParam("reason", "")
                .post(PAGE + "/overrides").then().statusCode(400)
                .body(containsString("a reason is required"))
                .body(containsString("value=\"noCriticalFindings\" checked"));
        CsrfForms.form(PAGE).formParam("reason", "needed for the demo").post(PAGE + "/overrides").then().statusCode(400)
                .body(containsString("name at least one gate to override"))
                .body(containsString("needed for the demo</textarea>"));
        CsrfForms.form(PAGE).formParam("gates", "noCriticalFindings").formParam("reason", "r").formParam("expires_at", "2001-01-01T00:00")
                .post(PAGE + "/overrides").then().statusCode(400).body(containsString("expires_at must be in the future"));
        CsrfForms.form(PAGE).formParam("gates", "noCriticalFindings").formParam("reason", "r").formParam("expires_at", "soon")
                .post(PAGE + "/overrides").then().statusCode(400).body(containsString("expires_at must be a date and time (UTC)"));
        assertEquals(0, count("override_request"));
        assertEquals("blocked", state("sec"));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void theRequesterCannotApproveTheirOwnRequestEvenByPostingDirectly() {
        long id = GovernedFixture.overrideRequested("sec", "noCriticalFindings", "qa-lead", "scanner false positive");
        CsrfForms.form(PAGE).formParam("reason", "fine by me").post(PAGE + "/overrides/" + id + "/approve").then().statusCode(403)
                .body(containsString("you requested this override; another approver must decide"));
        assertEquals("requested", TestDb.text("select status from override_request where id = " + id));
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead")
    void anotherQaLeadApprovesWithAReasonAndTheMilestoneIsReached() {
        GovernedFixture.blocked("gate-c", "securityValidated");
        long id = GovernedFixture.overrideRequested("gate-c", "securityValidated", "qa-lead", "pen test scheduled");
        CsrfForms.htmx("/milestones/gate-c").post("/milestones/gate-c/overrides/" + id + "/approve").then().statusCode(400)
                .body(containsString("a reason is required"));
        assertEquals("requested", TestDb.text("select status from override_request where id = " + id));
        CsrfForms.htmx("/milestones/gate-c").formParam("reason", "risk accepted until the pen test").post("/milestones/gate-c/overrides/" + id + "/approve")
                .then().statusCode(200)
                .body(containsString("Override approved."))
                .body(containsString("chip chip-reached\">Reached"))
                .body(containsString("<strong class=\"event-type\">MilestoneOverrideApproved</strong>"))
                .body(containsString("by override <a href=\"#override-" + id + "\">#" + id + "</a>, approved by qa-lead-2"));
        assertEquals("reached", state("gate-c"));
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead")
    void aRejectionNeedsAReasonAndIsFinal() {
        long id = GovernedFixture.overrideRequested("sec", "noCriticalFindings", "qa-lead", "scanner false positive");
        CsrfForms.form(PAGE).formParam("reason", "fix the scanner instead").post(PAGE + "/overrides/" + id + "/reject").then().statusCode(303);
        assertEquals("rejected", TestDb.text("select status from override_request where id = " + id));
        CsrfForms.form(PAGE).formParam("reason", "changed my mind").post(PAGE + "/overrides/" + id + "/approve").then().statusCode(409)
                .body(containsString("was already rejected by qa-lead-2"));
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead")
    void anOverrideOfAnotherMilestoneIsNotFoundHere() {
        GovernedFixture.blocked("gate-c", "securityValidated");
        long id = GovernedFixture.overrideRequested("gate-c", "securityValidated", "qa-lead", "pen test scheduled");
        CsrfForms.form(PAGE).formParam("reason", "ok").post(PAGE + "/overrides/" + id + "/approve").then().statusCode(404);
        assertEquals("requested", TestDb.text("select status from override_request where id = " + id));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void theGovernorRevokesAnApprovedOverrideAndASecondGovernorApprovesTheForceClose() {
        long id = GovernedFixture.overrideRequested("sec", "noCriticalFindings", "qa-lead", "scanner false positive");
        Api.as("qa-lead-2").contentType("application/json").body("{\"reason\":\"ok for now\"}")
                .post("/api/overrides/" + id + "/approve").then().statusCode(200);
        CsrfForms.form(PAGE).formParam("reason", "scanner fixed, judge on evidence").post(PAGE + "/overrides/" + id + "/revoke").then().statusCode(303);
        assertEquals("revoked", TestDb.text("select status from override_request where id = " + id));
        assertEquals("escalated", state("sec"));
        CsrfForms.form(PAGE).formParam("reason", "board decision 2025-05").post(PAGE + "/force-close").then().statusCode(303);
        assertEquals("escalated", state("sec"), "a force close is a request until a second governor approves it");
        long request = TestDb.count("select id from bypass_request where kind = 'force-close'");
        Api.as("product-owner-2").contentType("application/json").body("{\"reason\":\"agreed at the board\"}")
                .post("/api/bypasses/" + request + "/approve").then().statusCode(200);
        assertEquals("reached", state("sec"));
        given().get(PAGE).then().body(containsString("MilestoneForceClosed")).body(containsString("MilestoneOverrideRevoked"))
                .body(containsString("MilestoneBypassApproved"));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void forceClosingANonEscalatedMilestoneIsAConflict() {
        CsrfForms.htmx(PAGE).formParam("reason", "ship it").post(PAGE + "/force-close").then().statusCode(409)
                .header("HX-Retarget", "#milestone-live")
                .body(containsString("force close needs the milestone Escalated; sec is Blocked"));
        assertEquals("blocked", state("sec"));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void aTerminationASecondGovernorApprovesEndsTheMilestoneAndLeavesNoControl() {
        CsrfForms.form(PAGE).formParam("reason", "scope cancelled").post(PAGE + "/terminate").then().statusCode(303);
        assertEquals("blocked", state("sec"), "a termination is a request until a second governor approves it");
        long request = TestDb.count("select id from bypass_request where kind = 'terminate'");
        Api.as("platform-admin").contentType("application/json").body("{\"reason\":\"scope cancelled by the board\"}")
                .post("/api/bypasses/" + request + "/approve").then().statusCode(200);
        assertEquals("terminated", state("sec"));
        given().get(PAGE).then().body(containsString("chip chip-terminated\">Terminated")).body(not(containsString("method=\"post\"")));
    }

    @Test
    @TestSecurity(user = "security-officer", roles = "security-officer")
    void theManualGatesRoleDecidesItWithAReason() {
        CsrfForms.form(PAGE).formParam("gate", "manualApproval").formParam("decision", "conditional").formParam("reason", "")
                .post(PAGE + "/decisions").then().statusCode(400)
                .body(containsString("a reason is required")).body(containsString("value=\"conditional\" checked"));
        CsrfForms.htmx(PAGE).formParam("gate", "manualApproval").formParam("decision", "conditional")
                .formParam("reason", "fix the span template first").post(PAGE + "/decisions").then().statusCode(200)
                .body(containsString("conditionally approved by security-officer: fix the span template first"))
                .body(containsString("<strong class=\"event-type\">ManualGateDecided</strong>"));
        assertEquals(1, count("gate_decision"));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void anotherRoleCannotDecideTheManualGate() {
        CsrfForms.form(PAGE).formParam("gate", "manualApproval").formParam("decision", "approved").formParam("reason", "lgtm")
                .post(PAGE + "/decisions").then().statusCode(403).body(containsString("needs the role security-officer"));
        assertEquals(0, count("gate_decision"));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void aPersonMarksACriterionAndItIsAudited() {
        CsrfForms.htmx(PAGE).formParam("criterion", "Pen test report filed").formParam("met", "true").post(PAGE + "/criteria").then()
                .statusCode(200)
                .body(containsString("2 of 3 met"))
                .body(containsString("marked met by qa-lead"))
                .body(containsString("<strong class=\"event-type\">AcceptanceCriterionMarked</strong>"));
        CsrfForms.form(PAGE).formParam("criterion", "Pen test report filed").formParam("met", "false").post(PAGE + "/criteria").then().statusCode(303);
        assertEquals("f", TestDb.text("select met from criterion_mark"));
        CsrfForms.form(PAGE).formParam("criterion", "No critical findings").formParam("met", "true").post(PAGE + "/criteria").then()
                .statusCode(400).body(containsString("follows the gate noCriticalFindings"));
        assertEquals(1, count("criterion_mark"));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void aFormWithoutTheCsrfTokenIsRefused() {
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("reason", "x").post(PAGE + "/escalate").then()
                .statusCode(equalTo(403));
        assertEquals("blocked", state("sec"));
    }
}
