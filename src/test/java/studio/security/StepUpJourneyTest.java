package studio.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.milestone.GovernedFixture;
import studio.testing.Browser;
import studio.testing.Keycloak;
import studio.testing.TestDb;

/**
 * Step-up through the real Keycloak, with a window of a few seconds: a QA lead signs in, lets the session age past
 * the window, and clicks "Approve override". Nothing is decided; Keycloak asks for the password again (its single
 * sign-on session does not count), the browser comes back to the milestone, and the same click now approves. An API
 * token from a real sign-in ages the same way and is answered with RFC 9470's challenge.
 */
@QuarkusTest
@TestProfile(ShortStepUpWindow.class)
class StepUpJourneyTest {

    @TestHTTPResource("/")
    URL root;

    long override;

    @BeforeEach
    void setUp() {
        override = GovernedFixture.overrideOfGateC();
    }

    @Test
    void aStaleSessionSignsInAgainBeforeItsApprovalCounts() throws InterruptedException {
        try (Browser browser = new Browser()) {
            Page page = browser.newPage();
            Browser.signIn(page, root + "milestones/gate-c", "qa-lead-2");
            assertThat(page.locator(".ms-status .chip")).hasText("Escalated");
            Thread.sleep((ShortStepUpWindow.SECONDS + 2) * 1000L);

            approve(page, "Risk accepted until the pen test");
            page.waitForURL(u -> u.contains("/realms/"));
            assertThat(page.locator("#password")).isVisible();
            assertEquals("requested", status(), "nothing is decided before the person signs in again");
            Browser.screenshot(page, "step-up-sign-in-again");

            // Keycloak names the person it re-authenticates and asks only for the password (no username field then).
            Locator username = page.locator("#username");
            if (username.count() > 0 && username.isEditable()) username.fill("qa-lead-2");
            page.locator("#password").fill("demo");
            page.locator("#kc-login").click();
            page.waitForURL(u -> u.endsWith("/milestones/gate-c"));
            assertEquals("requested", status());

            approve(page, "Risk accepted until the pen test");
            assertThat(page.locator(".ms-status .chip")).hasText("Reached");
            assertEquals("approved", status());
            assertEquals("qa-lead-2", TestDb.text("select decided_by from override_request where id = " + override));
        }
    }

    @Test
    void anApiTokenFromASignInTurnsStaleToo() throws InterruptedException {
        String token = Keycloak.token("qa-lead-2");
        Thread.sleep((ShortStepUpWindow.SECONDS + 2) * 1000L);
        io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json").body("{\"reason\":\"ok\"}")
                .post("/api/overrides/" + override + "/approve").then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"insufficient_user_authentication\""))
                .header("WWW-Authenticate", containsString("max_age=\"" + ShortStepUpWindow.SECONDS + "\""));
        assertEquals("requested", status());
        io.restassured.RestAssured.given().auth().oauth2(Keycloak.token("qa-lead-2")).contentType("application/json")
                .body("{\"reason\":\"ok\"}").post("/api/overrides/" + override + "/approve").then().statusCode(200)
                .body("status", equalTo("approved"));
    }

    @Test
    void hstsIsSentOnEveryResponseWhenEnabled() {
        for (String path : new String[] {"/", "/api/milestones", "/signed-out"}) {
            String hsts = io.restassured.RestAssured.given().redirects().follow(false).get(path).then().extract().header("Strict-Transport-Security");
            assertTrue(hsts != null && hsts.startsWith("max-age="), path + ": " + hsts);
        }
    }

    private static void approve(Page page, String reason) {
        Locator form = page.locator("form.decide-override");
        form.locator("textarea[name=reason]").fill(reason);
        form.locator("button", new Locator.LocatorOptions().setHasText("Approve override")).click();
    }

    private String status() {
        return TestDb.text("select status from override_request where id = " + override);
    }
}
