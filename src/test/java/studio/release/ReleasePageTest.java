package studio.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.release.Releasing.*;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/**
 * The release page of a production release requested by platform-admin (policy: a product-owner and a
 * compliance-officer, two people, neither the requester): who sees the approve and reject controls, deciding with and
 * without htmx, refusals shown next to the form with nothing stored.
 */
@QuarkusTest
class ReleasePageTest {

    static final String PAGE = "/releases/v1.0.0";
    static final String APPROVE = "Approve release</button>";
    /** The live part of the page alone: what htmx swaps in. */
    static final org.hamcrest.Matcher<String> LIVE_FRAGMENT = matchesPattern("(?s)\\s*<div id=\"release-live\".*</div>\\s*");

    @BeforeEach
    void paused() {
        TestDb.reset();
        Releasing.anyEnvironmentFirst();
        reached("m1", "versionTag: v1.0.0");
        promote("platform-admin", "m1", "production").then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void aProductOwnerWhoDidNotRequestItSeesTheHeaderTheWaitingApprovalsAndTheApproveForm() {
        given().get(PAGE).then().statusCode(200)
                .header("Vary", containsString("HX-Request"))
                .body(containsString("<h1 id=\"release-title\" class=\"mono\">v1.0.0</h1>"))
                .body(containsString("<span class=\"chip chip-paused_for_approval\">Paused for approval</span>"))
                .body(containsString("<dt>Requested by</dt><dd>platform-admin</dd>"))
                .body(containsString("<dt>Trigger</dt><dd>manual</dd>"))
                .body(containsString("href=\"/milestones/m1\""))
                .body(containsString("production releases need approval by a product-owner and a compliance-officer (different people); never the requester (platform-admin)."))
                .body(containsString("Required: 1 × product-owner"))
                .body(containsString("Waiting for approval by a product-owner and a compliance-officer."))
                .body(containsString("hx-post=\"/releases/v1.0.0/approve\">Approve release</button>"))
                .body(containsString("hx-post=\"/releases/v1.0.0/reject\""))
                .body(not(containsString("Roll back</button>")))
                .body(not(containsString("Retry release</button>")))
                .body(containsString("Not signed yet"))
                .body(containsString("ReleaseApprovalRequested"));
    }

    @Test
    @TestSecurity(user = "compliance-officer", roles = "compliance-officer")
    void aComplianceOfficerSeesTheApproveForm() {
        given().get(PAGE).then().statusCode(200).body(containsString(APPROVE));
    }

    @Test
    @TestSecurity(user = "platform-admin", roles = "platform-admin")
    void theRequesterSeesNoDecisionAndTheServerRefusesTheirsStoringNothing() {
        given().get(PAGE).then().statusCode(200).body(not(containsString(APPROVE))).body(not(containsString("Reject release</button>")));
        CsrfForms.form(PAGE).formParam("reason", "my own").post(PAGE + "/approve").then().statusCode(403)
                .body(containsString("you requested this release; another person must approve it"));
        assertEquals(0, TestDb.count("select count(*) from release_approval"));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void anAuditorReadsEverythingAndCanDecideNothing() {
        given().get(PAGE).then().statusCode(200).body(not(containsString(APPROVE))).body(not(containsString("method=\"post\"")))
                .body(containsString("href=\"/audit?release=v1.0.0\">open in the audit trail</a>"));
        CsrfForms.form(PAGE).formParam("reason", "looks fine").post(PAGE + "/approve").then().statusCode(403);
        CsrfForms.form(PAGE).formParam("reason", "no").post(PAGE + "/reject").then().statusCode(403);
        assertEquals(0, TestDb.count("select count(*) from release_approval"));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void aRoleTheProductionPolicyDoesNotNameSeesNoFormAndIsRefused() {
        given().get(PAGE).then().statusCode(200).body(not(containsString(APPROVE)));
        CsrfForms.htmx(PAGE).formParam("reason", "looks fine").post(PAGE + "/approve").then().statusCode(403)
                .header("HX-Retarget", "#release-live")
                .body(LIVE_FRAGMENT).body(containsString("Not done: to approve production releases you need"));
        assertEquals(0, TestDb.count("select count(*) from release_approval"));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void approvingWithoutJavaScriptRedirectsBackAndTheApproveButtonIsGoneAfterwards() {
        CsrfForms.form(PAGE).formParam("reason", "Scope delivered").post(PAGE + "/approve").then().statusCode(303)
                .header("Location", endsWith("/releases/v1.0.0?done=approve"));
        given().get(PAGE + "?done=approve").then().statusCode(200)
                .body(containsString("Approval recorded."))
                .body(containsString("<strong>product-owner</strong> (product-owner) approved"))
                .body(containsString("<span class=\"chip chip-approved\">Counts</span>"))
                .body(containsString("Scope delivered"))
                .body(not(containsString(APPROVE)))
                .body(containsString("StudioReleaseApproved"));
        CsrfForms.form(PAGE).formParam("reason", "again").post(PAGE + "/approve").then().statusCode(409)
                .body(containsString("already approved"));
        assertEquals(1, TestDb.count("select count(*) from release_approval"));
    }

    @Test
    @TestSecurity(user = "compliance-officer", roles = "compliance-officer")
    void aRejectionNeedsAReasonShownNextToTheFormAndWithOneTheReleaseStopsInPlace() {
        CsrfForms.htmx(PAGE).formParam("reason", "  ").post(PAGE + "/reject").then().statusCode(400)
                .body(containsString("<p class=\"form-error\" role=\"alert\">a reason is required</p>"));
        assertEquals(0, TestDb.count("select count(*) from release_approval"));
        CsrfForms.htmx(PAGE).formParam("reason", "SBOM missing").post(PAGE + "/reject").then().statusCode(200)
                .body(LIVE_FRAGMENT)
                .body(containsString("Release rejected."))
                .body(containsString("<span class=\"chip chip-rejected\">Rejected</span>"))
                .body(containsString("Rejected by compliance-officer (compliance-officer): SBOM missing"))
                .body(not(containsString(APPROVE)));
        assertEquals("rejected", TestDb.text("select state from release"));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void markupInReasonsAndNotesRendersAsText() {
        Releasing.decide("compliance-officer", "v1.0.0", "approve", "<script>alert(1)</script><a href=javascript:x>y</a>").then().statusCode(200);
        String html = given().get(PAGE).then().statusCode(200).extract().asString();
        assertEquals(false, html.contains("<script>alert(1)"), "a reason's markup must not reach the page as markup");
        assertEquals(true, html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertEquals(false, html.contains("href=\"javascript:"));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void theLiveFragmentAloneForHtmx() {
        given().header("HX-Request", "true").get(PAGE).then().statusCode(200)
                .body(LIVE_FRAGMENT).body(not(containsString("<html")));
        given().get("/releases/nope").then().statusCode(404);
    }
}
