package studio.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.milestone.GovernedFixture;
import studio.release.Releasing;
import studio.testing.Api;
import studio.testing.BrowserSession;
import studio.testing.CsrfForms;
import studio.testing.Keycloak;
import studio.testing.TestDb;

/**
 * Deciding needs a recent sign-in. A person whose sign-in (auth_time) is older than the window decides nothing: the
 * browser is sent to sign in again and brought back to the page of the decision, an API caller gets RFC 9470's 401.
 * Tried on every decision route: override approve/reject (milestone page, inbox, API) and revoke (API), manual gates
 * (milestone page, inbox, API), force-closing a milestone past its gates (page, API), releases (page, API). The journey
 * through the real Keycloak is {@link StepUpJourneyTest}.
 */
@QuarkusTest
class StepUpTest {

    static final String SIGNED_IN_LONG_AGO = "1700000000";

    long override;

    @BeforeEach
    void setUp() {
        override = GovernedFixture.overrideOfGateC();
        Releasing.reached("m1", "versionTag: v2.0.0");
        Releasing.anyEnvironmentFirst();
        Releasing.create("product-owner", "{\"milestone_id\":\"m1\",\"environment\":\"production\"}").then().statusCode(201);
    }

    private long decided() {
        return TestDb.count("select count(*) from override_request where status <> 'requested'")
                + TestDb.count("select count(*) from gate_decision") + TestDb.count("select count(*) from release_approval");
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead", attributes = @SecurityAttribute(key = "auth_time", value = SIGNED_IN_LONG_AGO, type = AttributeType.LONG))
    void aStaleSessionApprovingAnOverrideIsSentToSignInAgainAndBackToThePage() {
        String page = "http://" + host() + "/milestones/gate-c";
        CsrfForms.form("/milestones/gate-c").header("Referer", page).formParam("reason", "fine")
                .post("/milestones/gate-c/overrides/" + override + "/approve").then().statusCode(303)
                .header("Location", endsWith("/reauthenticate?to=%2Fmilestones%2Fgate-c"));
        CsrfForms.htmx("/milestones/gate-c").header("HX-Current-URL", page).formParam("reason", "fine")
                .post("/milestones/gate-c/overrides/" + override + "/reject").then().statusCode(401)
                .header("HX-Redirect", equalTo("/reauthenticate?to=%2Fmilestones%2Fgate-c"));
        CsrfForms.form("/approvals").header("Referer", "http://" + host() + "/approvals").formParam("reason", "fine")
                .post("/approvals/overrides/" + override + "/approve").then().statusCode(303)
                .header("Location", endsWith("/reauthenticate?to=%2Fapprovals"));
        assertEquals("requested", TestDb.text("select status from override_request where id = " + override));
        assertEquals(0, decided());
    }

    @Test
    @TestSecurity(user = "security-officer", roles = "security-officer", attributes = @SecurityAttribute(key = "auth_time", value = SIGNED_IN_LONG_AGO, type = AttributeType.LONG))
    void aStaleSessionDecidingAManualGateDecidesNothing() {
        CsrfForms.form("/milestones/sec").formParam("gate", "manualApproval").formParam("decision", "approved").formParam("reason", "ok")
                .post("/milestones/sec/decisions").then().statusCode(303).header("Location", containsString("/reauthenticate?to="));
        CsrfForms.htmx("/approvals").formParam("decision", "approved").formParam("reason", "ok")
                .post("/approvals/milestones/sec/gates/manualApproval").then().statusCode(401)
                .header("HX-Redirect", startsWith("/reauthenticate?to="));
        assertEquals(0, decided());
    }

    @Test
    @TestSecurity(user = "product-owner-2", roles = "product-owner", attributes = @SecurityAttribute(key = "auth_time", value = SIGNED_IN_LONG_AGO, type = AttributeType.LONG))
    void aStaleSessionApprovingAReleaseDecidesNothingAndWithoutARefererLandsOnTheInbox() {
        String tag = TestDb.text("select version_tag from release");
        CsrfForms.form("/releases/" + tag).formParam("reason", "ok").post("/releases/" + tag + "/approve").then().statusCode(303)
                .header("Location", endsWith("/reauthenticate?to=%2Fapprovals"));
        CsrfForms.form("/releases/" + tag).header("Referer", "https://evil.example/releases/" + tag).formParam("reason", "ok")
                .post("/releases/" + tag + "/approve").then().statusCode(303).header("Location", endsWith("/reauthenticate?to=%2Fapprovals"));
        assertEquals(0, decided());
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead", attributes = @SecurityAttribute(key = "auth_time", value = SIGNED_IN_LONG_AGO, type = AttributeType.LONG))
    void aStaleApiCallerGetsTheRfc9470Challenge() {
        String tag = TestDb.text("select version_tag from release");
        for (Response r : List.of(
                given().contentType("application/json").body("{\"reason\":\"ok\"}").post("/api/overrides/" + override + "/approve"),
                given().contentType("application/json").body("{\"reason\":\"no\"}").post("/api/overrides/" + override + "/reject"),
                given().contentType("application/json").body("{\"reason\":\"no\"}").post("/api/overrides/" + override + "/revoke"),
                given().contentType("application/json").body("{\"gate\":\"manualApproval\",\"decision\":\"approved\",\"reason\":\"ok\"}")
                        .post("/api/milestones/sec/decisions"),
                given().contentType("application/json").body("{\"decision\":\"approve\",\"reason\":\"ok\"}").post("/api/releases/" + tag + "/approvals"))) {
            r.then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer error=\"insufficient_user_authentication\""))
                    .header("WWW-Authenticate", containsString("max_age=\"900\""))
                    .body("errors[0].message", containsString("recent sign-in"));
        }
        assertEquals(0, decided());
    }

    @Test
    @TestSecurity(user = "product-owner-2", roles = "product-owner", attributes = @SecurityAttribute(key = "auth_time", value = SIGNED_IN_LONG_AGO, type = AttributeType.LONG))
    void aStaleSessionApprovingAForceClosePastTheGatesClosesNothing() {
        TestDb.exec("""
                insert into bypass_request (milestone_id, kind, reason, requested_by, requested_roles, requested_at)
                values ('gate-c', 'force-close', 'board decision', 'product-owner', '{product-owner}', now())""");
        long bypass = TestDb.count("select id from bypass_request");
        String before = TestDb.text("select state || version from milestone where id = 'gate-c'");
        CsrfForms.form("/milestones/gate-c").header("Referer", "http://" + host() + "/milestones/gate-c").formParam("reason", "agreed")
                .post("/milestones/gate-c/bypasses/" + bypass + "/approve").then().statusCode(303)
                .header("Location", endsWith("/reauthenticate?to=%2Fmilestones%2Fgate-c"));
        given().contentType("application/json").body("{\"reason\":\"agreed\"}").post("/api/bypasses/" + bypass + "/approve")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer error=\"insufficient_user_authentication\""));
        assertEquals(before, TestDb.text("select state || version from milestone where id = 'gate-c'"));
        assertEquals(0, TestDb.count("select count(*) from bypass_approval"));
    }

    @TestSecurity(user = "security-officer", roles = "security-officer", attributes = @SecurityAttribute(key = "auth_time", value = SIGNED_IN_LONG_AGO, type = AttributeType.LONG))
    void aStaleSessionForceClosingAMilestonePastItsGatesClosesNothing() {
        String before = TestDb.text("select state || version from milestone where id = 'gate-c'");
        CsrfForms.form("/milestones/gate-c").header("Referer", "http://" + host() + "/milestones/gate-c").formParam("reason", "board decision")
                .post("/milestones/gate-c/force-close").then().statusCode(303)
                .header("Location", endsWith("/reauthenticate?to=%2Fmilestones%2Fgate-c"));
        given().contentType("application/json").body("{\"reason\":\"board decision\"}").post("/api/milestones/gate-c/force-close")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer error=\"insufficient_user_authentication\""));
        assertEquals(before, TestDb.text("select state || version from milestone where id = 'gate-c'"));
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead")
    void aRecentSignInDecides() {
        CsrfForms.form("/milestones/gate-c").formParam("reason", "risk accepted")
                .post("/milestones/gate-c/overrides/" + override + "/approve").then().statusCode(303)
                .header("Location", containsString("/milestones/gate-c"));
        assertEquals("approved", TestDb.text("select status from override_request where id = " + override));
    }

    @Test
    void aRealTokenFromASignInDecidesAPasswordGrantTokenWithoutAuthTimeDoesNot() {
        given().auth().oauth2(Keycloak.passwordToken("qa-lead-2")).contentType("application/json").body("{\"reason\":\"ok\"}")
                .post("/api/overrides/" + override + "/approve").then().statusCode(401)
                .header("WWW-Authenticate", containsString("insufficient_user_authentication"));
        assertEquals("requested", TestDb.text("select status from override_request where id = " + override));
        Api.as("qa-lead-2").contentType("application/json").body("{\"reason\":\"ok\"}")
                .post("/api/overrides/" + override + "/approve").then().statusCode(200).body("status", equalTo("approved"));
    }

    @Test
    void aServiceAccountIsStillRefusedForItsRoleNotAskedToSignIn() {
        Api.as("ci").contentType("application/json").body("{\"reason\":\"ok\"}")
                .post("/api/overrides/" + override + "/approve").then().statusCode(403);
    }

    /** The re-authentication stop: the session ends here, the mark asks Keycloak for a real sign-in, never an open redirect. */
    @Test
    void signingInAgainEndsTheSessionAndAsksKeycloakToPromptForCredentials() {
        BrowserSession browser = BrowserSession.signIn("qa-lead-2");
        Response again = browser.request().get("/reauthenticate?to=/milestones/gate-c");
        again.then().statusCode(303).header("Location", endsWith("/milestones/gate-c"));
        List<String> cookies = again.headers().getValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("studio-reauth=1") && c.contains("HttpOnly")), cookies.toString());
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("q_session") && c.toLowerCase().contains("max-age=0")), cookies.toString());
        Response toKeycloak = given().redirects().follow(false).cookie("studio-reauth", "1").get("/milestones/gate-c");
        toKeycloak.then().statusCode(302).header("Location", startsWith(Keycloak.realmUrl() + "/protocol/openid-connect/auth"))
                .header("Location", containsString("prompt=login"));
        assertTrue(toKeycloak.headers().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("studio-reauth=") && c.contains("Max-Age=0")));
        given().redirects().follow(false).get("/milestones/gate-c").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.not(containsString("prompt=login")));
        BrowserSession.signIn("qa-lead-2").request().get("/reauthenticate?to=//evil.example/x").then().statusCode(303)
                .header("Location", endsWith("/approvals")).header("Location", org.hamcrest.Matchers.not(containsString("evil")));
    }

    private static String host() {
        return "localhost:" + org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    private static org.hamcrest.Matcher<String> endsWith(String suffix) {
        return org.hamcrest.Matchers.endsWith(suffix);
    }
}
