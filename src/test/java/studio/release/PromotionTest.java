package studio.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.release.Releasing.decide;
import static studio.release.Releasing.promote;
import static studio.release.Releasing.promoteVersion;
import static studio.release.Releasing.reached;
import static studio.release.Releasing.release;
import static studio.release.Releasing.report;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/**
 * One version promoted through the lifecycle (docs/API.md "Environments and promotions"): it goes to qa only once it
 * completed in staging, to production only once it completed in qa, each deployment under its own environment's
 * approvers, with the version's content unchanged, its own completion from CI and its own signed manifest; a freeze,
 * an environment it is already in, and the wrong people are refused with nothing stored.
 */
@QuarkusTest
class PromotionTest {

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    static void completed(String tag, String environment, String extra) {
        report("ReleaseCompleted", tag, ",\"environment\":\"" + environment + "\"" + extra).then().statusCode(201);
    }

    static long deployments() {
        return TestDb.count("select count(*) from release");
    }

    /** The version in staging, completed. */
    static void inStaging() {
        reached("m1", "versionTag: v1.0.0");
        promote("ci", "m1", "staging").then().statusCode(201).body("status", equalTo("deploying"));
        completed("v1.0.0", "staging", "");
    }

    @Test
    void oneVersionMovesFromStagingThroughQaToProductionUnderEachEnvironmentsApprovers() {
        reached("m1", "versionTag: v1.0.0");
        promote("ci", "m1", "staging").then().statusCode(201).body("status", equalTo("deploying"));
        promoteVersion("ci", "v1.0.0", "qa").then().statusCode(409)
                .body("errors[0].message", equalTo("promoting version v1.0.0 to qa needs it completed in staging first; there it is deploying"));
        completed("v1.0.0", "staging", "");
        Api.milestone("m1").then().body("status", equalTo("closed"));

        promoteVersion("ci", "v1.0.0", "production").then().statusCode(409)
                .body("errors[0].message", equalTo("promoting version v1.0.0 to production needs it completed in qa first; it was never deployed there"));
        promoteVersion("ci", "v1.0.0", "staging").then().statusCode(409)
                .body("errors[0].message", equalTo("version v1.0.0 is already in staging (completed)"));
        assertEquals(1, deployments(), "refused promotions store nothing");

        promoteVersion("ci", "v1.0.0", "qa").then().statusCode(201)
                .header("Location", endsWith("/api/releases/v1.0.0?environment=qa"))
                .body("version_tag", equalTo("v1.0.0")).body("environment", equalTo("qa")).body("status", equalTo("paused_for_approval"))
                .body("approval_status.policy", containsString("qa-lead"))
                .body("deployments.environment", equalTo(List.of("staging", "qa")))
                .body("deployments.status", equalTo(List.of("completed", "paused_for_approval")))
                .body("deployments[1].promoted_from", equalTo("staging"));
        promoteVersion("ci", "v1.0.0", "qa").then().statusCode(409)
                .body("errors[0].message", equalTo("version v1.0.0 is already in qa (paused for approval)"));
        // the same content: what staging ran is what qa approves
        assertEquals(TestDb.text("select facts::text from release where environment = 'staging'"),
                TestDb.text("select facts::text from release where environment = 'qa'"));

        decide("ci", "v1.0.0", "approve", "green").then().statusCode(403);
        decide("product-owner", "v1.0.0", "approve", "fine").then().statusCode(403);
        decide("qa-lead", "v1.0.0", "approve", "regression suite passed").then().statusCode(200).body("status", equalTo("deploying"))
                .body("environment", equalTo("qa"));
        completed("v1.0.0", "qa", "");

        promoteVersion("product-owner", "v1.0.0", "production").then().statusCode(201).body("status", equalTo("paused_for_approval"));
        decide("product-owner", "v1.0.0", "approve", "mine").then().statusCode(403)
                .body("errors[0].message", containsString("requested"));
        decide("product-owner-2", "v1.0.0", "approve", "scope delivered").then().statusCode(200).body("status", equalTo("paused_for_approval"));
        decide("compliance-officer", "v1.0.0", "approve", "controls ok").then().statusCode(200).body("status", equalTo("deploying"));
        completed("v1.0.0", "production", ",\"images\":[\"registry.example.com/pay@sha256:" + "a".repeat(64) + "\"]");

        release("v1.0.0").then().statusCode(200).body("environment", equalTo("production")).body("status", equalTo("completed"))
                .body("deployments.environment", equalTo(List.of("staging", "qa", "production")))
                .body("deployments.status", equalTo(List.of("completed", "completed", "completed")))
                .body("deployments.approvals", equalTo(List.of("—", "1/1", "2/2")));
        Api.as("auditor").queryParam("environment", "staging").get("/api/releases/v1.0.0").then().statusCode(200)
                .body("environment", equalTo("staging")).body("status", equalTo("completed"));
        String production = statement("production");
        String staging = statement("staging");
        assertTrue(production.contains("\"environment\":\"production\"") && production.contains("sha256"), production);
        assertTrue(staging.contains("\"environment\":\"staging\""), staging);
        assertNotEquals(production, staging, "each deployment has its own signed manifest");

        Api.as("auditor").get("/api/environments").then().statusCode(200)
                .body("environments.current.version_tag", equalTo(List.of("v1.0.0", "v1.0.0", "v1.0.0")));
        assertEquals(2, TestDb.count("select count(*) from audit_event where type = 'ReleasePromoted' and subject_id = 'v1.0.0'"));
        assertEquals("qa", TestDb.text("select payload::jsonb->>'from_environment' from audit_event where type = 'ReleasePromoted' "
                + "and payload::jsonb->>'environment' = 'production'"));
        Api.as("auditor").get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
        // subscribers are told: each promotion leaves Studio as a CloudEvent about the version
        assertEquals(2, TestDb.count("select count(*) from outbox where type = 'ReleasePromoted' and subject = 'releases/v1.0.0'"));
    }

    private static String statement(String environment) {
        String payload = Api.as("auditor").queryParam("environment", environment).get("/api/releases/v1.0.0/manifest").then().statusCode(200)
                .extract().path("payload");
        return new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8);
    }

    @Test
    void aFreezeStopsAPromotionWithTheWindowNamedAndNothingIsStored() {
        inStaging();
        long window = FreezeWindowsTest.freezeNow("qa");
        promoteVersion("product-owner", "v1.0.0", "qa").then().statusCode(409)
                .body("errors[0].message", containsString("qa is frozen by 'incident-42'"))
                .body("errors[0].message", containsString("promoting v1.0.0 to qa waits"));
        assertEquals(1, deployments());
        // as if the window had ended an hour ago: the same promotion passes
        TestDb.exec("update freeze_window set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' where id = " + window);
        promoteVersion("product-owner", "v1.0.0", "qa").then().statusCode(201).body("environment", equalTo("qa"));
        assertEquals(2, deployments());
    }

    @Test
    void wrongInputAndWrongPeopleAreRefusedWithNothingStored() {
        inStaging();
        promoteVersion("product-owner", "v1.0.0", "perf").then().statusCode(400)
                .body("errors[0].message", containsString("unknown environment 'perf' (known: staging, qa, production)"));
        Api.as("product-owner").contentType("application/json").body("{\"environment\":\"qa\",\n \"approvers\":[\"me\"]}")
                .post("/api/releases/v1.0.0/promotions").then().statusCode(400)
                .body("errors[0].message", containsString("unknown field 'approvers'")).body("errors[0].line", equalTo(2));
        promoteVersion("product-owner", "v9.9.9", "qa").then().statusCode(404);
        promoteVersion("auditor", "v1.0.0", "qa").then().statusCode(403);
        promoteVersion("qa-lead", "v1.0.0", "qa").then().statusCode(403);
        Api.as("product-owner").contentType("application/json").body("{\"environment\":\"qa\"}").queryParam("dry_run", "true")
                .post("/api/releases/v1.0.0/promotions").then().statusCode(200).body("dry_run", equalTo(true))
                .body("status", equalTo("paused_for_approval"));
        assertEquals(1, deployments(), "a dry run stores nothing");
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void theReleasePageShowsTheJourneyAndPromotesOnlyWhereTheRuleAllows() {
        inStaging();
        String page = "/releases/v1.0.0";
        given().get(page).then().statusCode(200).body(containsString("Journey across environments"))
                .body(containsString("<option value=\"qa\">qa</option>")).body(not(containsString("<option value=\"production\">")));
        CsrfForms.form(page).formParam("environment", "production").post(page + "/promote").then().statusCode(409)
                .body(containsString("needs it completed in qa first"));
        assertEquals(1, deployments());
        CsrfForms.form(page).formParam("environment", "qa").post(page + "/promote").then().statusCode(303)
                .header("Location", endsWith("/releases/v1.0.0?done=promote"));
        given().get(page + "?done=promote").then().statusCode(200)
                .body(containsString("Version promoted"))
                .body(containsString("<a href=\"/releases/v1.0.0?environment=staging\">staging</a>"))
                .body(containsString("<strong>qa</strong>"))
                .body(containsString("Not yet promotable: promoting version v1.0.0 to production needs it completed in qa first; there it is paused for approval."));
        given().get(page + "?environment=staging").then().statusCode(200).body(containsString("<strong>staging</strong>"))
                .body(containsString("This is the version's earlier deployment to staging"))
                .body(not(containsString("Roll back</button>")));
        given().get(page).then().statusCode(200).body(not(containsString("earlier deployment")));

        decide("qa-lead", "v1.0.0", "approve", "regression suite passed").then().statusCode(200);
        completed("v1.0.0", "qa", "");
        FreezeWindowsTest.freezeNow("production");
        given().get(page).then().statusCode(200).body(not(containsString("<option value=\"production\">")))
                .body(containsString("Not yet promotable: production is frozen by &#39;incident-42&#39; from "));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void aPageOpenedBeforeAPromotionCannotActOnAnyDeployment() {
        inStaging();
        String page = "/releases/v1.0.0";
        String form = given().get(page).then().statusCode(200).body(containsString("Roll back</button>")).extract().asString();
        assertTrue(form.contains("<input type=\"hidden\" name=\"environment\" value=\"staging\">"), "the page's forms name their deployment");
        // someone else promotes the version while the page stays open
        promoteVersion("ci", "v1.0.0", "qa").then().statusCode(201);

        CsrfForms.form(page).formParam("environment", "staging").formParam("reason", "smoke tests red")
                .post(page + "/rollback").then().statusCode(409)
                .body(containsString("version v1.0.0 was promoted to qa after its staging deployment; that deployment takes no more actions"));
        Api.as("product-owner").contentType("application/json").body("{\"reason\":\"red\",\"environment\":\"staging\"}")
                .post("/api/releases/v1.0.0/rollback").then().statusCode(409);
        Api.as("qa-lead").contentType("application/json")
                .body("{\"decision\":\"approve\",\"reason\":\"suite passed\",\"environment\":\"staging\"}")
                .post("/api/releases/v1.0.0/approvals").then().statusCode(409);
        assertEquals("completed", TestDb.text("select state from release where environment = 'staging'"), "the staging deployment is as it was");
        assertEquals("paused_for_approval", TestDb.text("select state from release where environment = 'qa'"));
        assertEquals(0, TestDb.count("select count(*) from release_approval"));
        assertEquals(0, TestDb.count("select count(*) from audit_event where type in ('ReleaseRolledBack', 'StudioReleaseApproved')"));

        // naming the newest deployment acts on it
        Api.as("qa-lead").contentType("application/json")
                .body("{\"decision\":\"approve\",\"reason\":\"suite passed\",\"environment\":\"qa\"}")
                .post("/api/releases/v1.0.0/approvals").then().statusCode(200).body("environment", equalTo("qa")).body("status", equalTo("deploying"));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void aNewVersionStartsInStagingUnlessAnApprovedDefinitionLetsItSkipTheEarlierEnvironments() {
        reached("m1", "versionTag: v1.0.0");
        promote("product-owner", "m1", "production").then().statusCode(409).body("errors[0].message", equalTo(
                "a new version starts in staging: releasing it straight to production would skip staging and qa; release it to staging, "
                        + "then promote it (POST /api/releases/{tag}/promotions)"));
        promote("platform-admin", "m1", "qa").then().statusCode(409).body("errors[0].message", containsString("would skip staging;"));
        assertEquals(0, deployments(), "refused releases store nothing");
        String staging = "<option value=\"staging\">staging</option>";
        given().get("/milestones/m1").then().statusCode(200).body(containsString(staging))
                .body(not(containsString("<option value=\"qa\">"))).body(not(containsString("<option value=\"production\">")));
        String dashboard = given().get("/releases").then().statusCode(200).extract().asString();
        String offered = dashboard.substring(dashboard.indexOf("id=\"promote-environment\""));
        assertEquals(List.of("staging"), java.util.regex.Pattern.compile("<option value=\"([^\"]*)\"")
                        .matcher(offered.substring(0, offered.indexOf("</select>"))).results().map(r -> r.group(1)).toList(),
                "the dashboard's Promote form offers staging alone");

        Releasing.anyEnvironmentFirst();
        given().get("/milestones/m1").then().statusCode(200).body(containsString("<option value=\"production\">production</option>"));
        promote("product-owner", "m1", "production").then().statusCode(201).body("status", equalTo("paused_for_approval"))
                .body("approval_status.policy", containsString("compliance-officer"));
    }
}
