package studio.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;

/**
 * The milestone page, whole and as its htmx fragment, as each role sees it: every role reads everything; each sees
 * only the controls its policies allow. "sec" is Blocked (a failing signal) with a pending manual gate.
 */
@QuarkusTest
class MilestonePageTest {

    /** Any form that would change something. */
    static final String POST_FORM = "method=\"post\"";

    @BeforeEach
    void setUp() {
        GovernedFixture.defined();
        GovernedFixture.blocked("sec", "noCriticalFindings");
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void anAuditorSeesTheWholeMilestoneAndNoControl() {
        GovernedFixture.overrideRequested("sec", "noCriticalFindings", "qa-lead", "scanner false positive");
        given().get("/milestones/sec").then().statusCode(200)
                .body(containsString("<h1 id=\"ms-title\">Security review</h1>"))
                .body(containsString("<span class=\"chip chip-escalated\">Escalated</span>"))
                .body(allOf(containsString("security-reviewed-v1"), containsString("hardening"), containsString("priya"),
                        containsString("2030-01-31"), containsString("<span class=\"label-tag\">q3</span>")))
                .body(containsString("<th scope=\"row\" class=\"mono\">noCriticalFindings</th>"))
                .body(containsString("signal failed: OWASP scan: 2 critical"))
                .body(containsString("approval by security-officer"))
                .body(containsString("href=\"/milestones/sec/evidence/1\">signal #1</a>"))
                .body(containsString("1 of 3 met"))
                .body(allOf(containsString("Pen test report"), containsString("Vendor audit overdue"), containsString("Scanner licence expired")))
                .body(containsString("scanner false positive"))
                .body(containsString("MilestoneOverrideRequested"))
                .body(containsString("/milestones/sec/documents/intervention-events.json/download"))
                .body(containsString("hx-get=\"/sprints/trace?milestone=sec\" hx-trigger=\"load\""))
                .body(not(containsString(POST_FORM)))
                .body(not(containsString("Approve override")))
                .body(not(containsString("Mark met")));
    }

    @Test
    @TestSecurity(user = "ci", roles = "ci")
    void aServiceAccountReadsButIsOfferedNothing() {
        given().get("/milestones/sec").then().statusCode(200)
                .body(containsString("Security review")).body(not(containsString(POST_FORM)));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void aQaLeadMayEvaluateResumeAndRequestAnOverrideButNotGovern() {
        given().get("/milestones/sec").then().statusCode(200)
                .body(containsString("action=\"/milestones/sec/evaluate\""))
                .body(containsString("action=\"/milestones/sec/resume\""))
                .body(containsString("<input type=\"checkbox\" name=\"gates\" value=\"noCriticalFindings\">"))
                .body(containsString("action=\"/milestones/sec/criteria\""))
                .body(not(containsString("/escalate\"")))
                .body(not(containsString("/terminate\"")))
                .body(not(containsString("/decisions\"")));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void theGoverningProductOwnerMayEscalateOrTerminateABlockedMilestone() {
        given().get("/milestones/sec").then().statusCode(200)
                .body(containsString("action=\"/milestones/sec/escalate\""))
                .body(containsString("action=\"/milestones/sec/terminate\""))
                .body(containsString("hx-confirm=\"Request the termination of sec?"))
                .body(not(containsString("/force-close\"")));
    }

    @Test
    @TestSecurity(user = "security-officer", roles = "security-officer")
    void theManualGatesRoleMayDecideItAndNothingElseOfTheLifecycle() {
        given().get("/milestones/sec").then().statusCode(200)
                .body(containsString("action=\"/milestones/sec/decisions\""))
                .body(containsString("<input type=\"hidden\" name=\"gate\" value=\"manualApproval\">"))
                .body(not(containsString("/evaluate\"")))
                .body(not(containsString("/escalate\"")));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void theRequesterNeverSeesAnApproveButtonForTheirOwnRequest() {
        long id = GovernedFixture.overrideRequested("sec", "noCriticalFindings", "qa-lead", "scanner false positive");
        given().get("/milestones/sec").then().statusCode(200)
                .body(containsString("id=\"override-" + id + "\""))
                .body(containsString("never the requester, qa-lead,"))
                .body(not(containsString("Approve override")))
                .body(not(containsString("/overrides/" + id + "/reject")));
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead")
    void anotherQaLeadSeesApproveAndRejectOnTheRequest() {
        long id = GovernedFixture.overrideRequested("sec", "noCriticalFindings", "qa-lead", "scanner false positive");
        given().get("/milestones/sec").then().statusCode(200)
                .body(containsString("hx-post=\"/milestones/sec/overrides/" + id + "/approve\">Approve override</button>"))
                .body(containsString("hx-post=\"/milestones/sec/overrides/" + id + "/reject\" hx-confirm="));
    }

    @Test
    @TestSecurity(user = "platform-admin", roles = "platform-admin")
    void aPlatformAdminGovernsEveryMilestoneAndForceClosesOnceEscalated() {
        GovernedFixture.overrideRequested("sec", "noCriticalFindings", "qa-lead", "scanner false positive");
        given().get("/milestones/sec").then().statusCode(200)
                .body(containsString("action=\"/milestones/sec/force-close\""))
                .body(containsString("hx-confirm=\"Request a force close of sec?"))
                .body(not(containsString("Approve override")));
    }

    @Test
    @TestSecurity(user = "domain-architect", roles = "domain-architect")
    void aDomainArchitectMayOnlyRequestAnOverrideOrMarkCriteria() {
        given().get("/milestones/sec").then().statusCode(200)
                .body(containsString("action=\"/milestones/sec/overrides\""))
                .body(not(containsString("Control panel")));
    }

    @Test
    @TestSecurity(user = "compliance-officer", roles = "compliance-officer")
    void aComplianceOfficerReadsTheTimelineOfTheMilestone() {
        given().get("/milestones/sec").then().statusCode(200)
                .body(containsString("MilestoneBlocked"))
                .body(containsString("href=\"/audit?milestone=sec\""));
    }

    @Test
    @TestSecurity(user = "visitor", roles = "viewer")
    void someoneWithoutAStudioRoleIsRefused() {
        given().get("/milestones/sec").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void anUnknownMilestoneIsNotFound() {
        given().get("/milestones/nope").then().statusCode(404).body(containsString("unknown milestone nope"));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void htmxGetsOnlyTheLivePartAndAHistoryRestoreTheWholePage() {
        given().header("HX-Request", "true").get("/milestones/sec").then().statusCode(200)
                .header("Vary", containsString("HX-Request"))
                .body(startsWith("<div id=\"milestone-live\""))
                .body(not(containsString("<html")))
                .body(not(containsString("Trace explorer")));
        given().header("HX-Request", "true").header("HX-History-Restore-Request", "true").get("/milestones/sec").then()
                .statusCode(200).body(containsString("<html")).body(containsString("Trace explorer"));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void asOfShowsTheMatrixAndStateAsTheyWereWithAWayBack() throws Exception {
        Instant whileBlocked = Instant.now();
        Thread.sleep(30);
        GovernedFixture.signal("sec", "noCriticalFindings", "pass");
        given().get("/milestones/sec").then().body(containsString("chip chip-verifying\">Verifying"));

        given().queryParam("as_of", whileBlocked.toString()).get("/milestones/sec").then().statusCode(200)
                .body(containsString("chip chip-blocked\">Blocked"))
                .body(containsString("<strong>As of "))
                .body(containsString("Back to now"))
                .body(containsString("<span class=\"chip chip-failed\">Failed</span>"))
                .body(containsString("validation-report.md?as_of=" + whileBlocked))
                .body(not(containsString(POST_FORM)));
        given().header("HX-Request", "true").queryParam("as_of", whileBlocked.toString()).get("/milestones/sec").then()
                .statusCode(200).body(startsWith("<div id=\"milestone-live\"")).body(containsString("chip chip-blocked\">Blocked"));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void aDatetimeLocalAsOfIsUtcAndAMomentBeforeTheMilestoneOrNonsenseIsExplained() {
        given().queryParam("as_of", "2000-01-01T00:00").get("/milestones/sec").then().statusCode(404)
                .body(containsString("did not exist at 2000-01-01T00:00:00Z"))
                .body(containsString("chip chip-blocked\">Blocked"));
        given().queryParam("as_of", "yesterday").get("/milestones/sec").then().statusCode(400)
                .body(containsString("as_of must be an ISO-8601 date-time"));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void theDocumentsCanBeReadAndDownloaded() {
        given().get("/milestones/sec/documents/validation-report.md").then().statusCode(200)
                .body(containsString("<pre class=\"document\"># Milestone Validation Report — sec"))
                .body(containsString("| noCriticalFindings | ❌ failed |"));
        given().get("/milestones/sec/documents/validation-report.md/download").then().statusCode(200)
                .contentType(containsString("text/markdown"))
                .header("Content-Disposition", "attachment; filename=\"sec-validation-report.md\"")
                .body(startsWith("# Milestone Validation Report — sec"));
        given().get("/milestones/sec/documents/promotion-trigger.yaml/download").then().statusCode(200)
                .contentType(containsString("application/yaml")).body(containsString("status: pending"));
        given().get("/milestones/sec/documents/intervention-events.json").then().statusCode(200)
                .body(containsString("&quot;milestone_id&quot; : &quot;sec&quot;"));
        given().get("/milestones/sec/documents/intervention-events.json/download").then().statusCode(200)
                .contentType(containsString("application/json")).body(containsString("\"interventions\""));
        given().get("/milestones/sec/documents/secrets.txt").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void theValidationReportCanBeReadAsOfAPastMoment() throws Exception {
        Instant whileBlocked = Instant.now();
        Thread.sleep(30);
        GovernedFixture.signal("sec", "noCriticalFindings", "pass");
        given().queryParam("as_of", whileBlocked.toString()).get("/milestones/sec/documents/validation-report.md/download").then()
                .statusCode(200).body(containsString("**Status:** Blocked"));
        given().get("/milestones/sec/documents/validation-report.md/download").then()
                .statusCode(200).body(containsString("**Status:** Verifying"));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void aGatesEvidenceIsOneClickAway() {
        given().get("/milestones/sec/evidence/1").then().statusCode(200)
                .body(containsString("Evidence #1: event GateSignal"))
                .body(containsString("OWASP scan: 2 critical"))
                .body(containsString("application/json"));
        given().get("/milestones/sec/evidence/999").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead")
    void markupInNamesAndJustificationsRendersAsText() {
        Api.importDefinitions("""
                milestones:
                  - id: xss
                    name: <script>alert(1)</script>
                    description: <img src=x onerror=alert(2)>
                    gateConditions:
                      - securityValidated
                """).then().statusCode(200);
        GovernedFixture.blocked("xss", "securityValidated");
        GovernedFixture.overrideRequested("xss", "securityValidated", "qa-lead", "<b>trust me</b><script>alert(3)</script>");
        for (String page : new String[] {"/milestones/xss", "/approvals", "/audit?milestone=xss", "/milestones/xss/documents/validation-report.md"}) {
            String html = given().get(page).then().statusCode(200).extract().asString();
            assertTrue(html.contains("&lt;script&gt;alert(") || page.endsWith(".md"), page + " shows the markup as text");
            assertTrue(!html.contains("<script>alert(") && !html.contains("<img src=x") && !html.contains("<b>trust me</b>"), page + " has no live markup");
        }
        given().get("/milestones/xss").then().body(containsString("<h1 id=\"ms-title\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
                .body(containsString("&lt;b&gt;trust me&lt;/b&gt;"));
    }
}
