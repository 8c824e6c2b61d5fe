package studio.release;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.Browser;
import studio.testing.TestDb;

/**
 * The promotion journey of the environments issue: version mvp-v1 completes in staging and qa through CI's events
 * (promoted to qa from its release page and approved there by a QA lead), is refused for production during a freeze,
 * gets a freeze exception asked for and granted by two other people on the environments page, is promoted to production and approved there by a product owner and a
 * compliance officer in their own browsers, completes, and its production manifest, with the image digest CI reported,
 * verifies with openssl. Real browser, real Keycloak login.
 */
@QuarkusTest
class PromotionJourneyTest {

    static final String DIGEST = "registry.example.com/booking@sha256:" + "3f1c9a2b".repeat(8);

    @TestHTTPResource("/")
    URL root;

    @Test
    void aVersionCompletesInStagingAndQaIsHeldByTheFreezePassesWithAnExceptionAndCompletesInProduction() throws Exception {
        TestDb.reset();
        Releasing.reached("mvp-ready", "versionTag: mvp-v1");
        Releasing.promote("ci", "mvp-ready", "staging").then().statusCode(201);
        completed("staging");

        try (Browser browser = new Browser()) {
            Page owner = browser.newPage();
            Browser.signIn(owner, root + "releases/mvp-v1", "product-owner");
            assertThat(owner.locator("#journey tbody tr")).hasCount(1);
            assertThat(owner.locator("#promote-environment option")).hasText(new String[] {"qa"});
            promote(owner, "qa");
            assertThat(owner.locator("#journey tbody tr.current")).containsText("Paused for approval");
            Browser.screenshot(owner, "promotion-journey-1-qa-waits-for-a-qa-lead");

            approve(signedIn(browser, "qa-lead"), "qa-lead", "QA regression suite green on the same build", "Deploying");
            completed("qa");

            long window = FreezeWindowsTest.freezeNow("production");
            owner.navigate(root + "releases/mvp-v1");
            assertThat(owner.locator("#promote-environment")).hasCount(0);
            assertThat(owner.locator(".promotion-blocked")).containsText("production is frozen by 'incident-42'");
            Api.as("product-owner").contentType("application/json").body("{\"environment\":\"production\"}")
                    .post("/api/releases/mvp-v1/promotions").then().statusCode(409)
                    .body("errors[0].message", containsString("production is frozen by 'incident-42'"));

            Page officer = signedIn(browser, "compliance-officer");
            Page second = signedIn(browser, "product-owner-2");
            exception(owner, window, officer, second);
            owner.navigate(root + "releases/mvp-v1");
            assertThat(owner.locator("#promote-environment option")).hasText(new String[] {"production"});
            promote(owner, "production");
            assertThat(owner.locator("#approvals")).containsText("never the requester (product-owner)");
            assertThat(owner.locator("button", new Page.LocatorOptions().setHasText("Approve release"))).hasCount(0);

            approve(officer, "compliance-officer", "Change record CR-1182 complete", "Paused for approval");
            approve(second, "product-owner-2", "Scope delivered; the notes are reviewed", "Deploying");
            completed("production");

            owner.navigate(root + "releases/mvp-v1");
            assertThat(owner.locator(".release-status .chip")).hasText("Completed");
            assertThat(owner.locator("#journey tbody tr .chip")).hasText(new String[] {"Completed", "Completed", "Completed"});
            assertThat(owner.locator(".deployed-images")).containsText(DIGEST);
            assertThat(owner.locator(".manifest-verdict")).containsText("Signature verified with key ");
            Browser.screenshot(owner, "promotion-journey-2-completed-in-three-environments");
        }
        Api.as("auditor").get("/api/releases/mvp-v1").then().body("deployments.environment", equalTo(List.of("staging", "qa", "production")))
                .body("deployments.status", equalTo(List.of("completed", "completed", "completed")));
        Releasing.opensslVerifies("/api/releases/mvp-v1/manifest?environment=production");
        String statement = new String(java.util.Base64.getDecoder().decode(Api.as("auditor").get("/api/releases/mvp-v1/manifest?environment=production")
                .then().extract().<String>path("payload")), java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(statement.contains("3f1c9a2b3f1c9a2b") && statement.contains("\"environment\":\"production\""),
                statement);
    }

    private static void completed(String environment) {
        Releasing.report("ReleaseCompleted", "mvp-v1", ",\"environment\":\"" + environment + "\",\"images\":[\"" + DIGEST + "\"]")
                .then().statusCode(201);
    }

    private static void promote(Page page, String environment) {
        page.locator("#promote-environment").selectOption(environment);
        page.onceDialog(d -> d.accept());
        page.locator(".promote-form button[type=submit]").click();
        assertThat(page.locator(".flash-ok")).containsText("Version promoted");
        assertThat(page.locator("#journey tbody tr.current")).containsText(environment);
        assertThat(page.locator(".release-status .chip")).hasText("Paused for approval");
    }

    private Page signedIn(Browser browser, String user) {
        Page page = browser.newPage();
        Browser.signIn(page, root + "releases/environments", user);
        return page;
    }

    /** Approves the version's newest deployment with {@code reason}, signed in as {@code user}. */
    private void approve(Page page, String user, String reason, String state) {
        page.navigate(root + "releases/mvp-v1");
        assertThat(page.locator(".release-status .chip")).hasText("Paused for approval");
        page.locator("#decide-reason").fill(reason);
        page.locator("button", new Page.LocatorOptions().setHasText("Approve release")).click();
        assertThat(page.locator(".flash-ok")).hasText("Approval recorded.");
        assertThat(page.locator(".release-status .chip")).hasText(state);
        assertThat(page.locator(".decision").filter(new Locator.FilterOptions().setHasText(user))).containsText(reason);
    }

    /** The product owner asks on the environments page to pass the freeze; two other people grant it there. */
    private void exception(Page owner, long window, Page... deciders) {
        owner.navigate(root + "releases/environments");
        owner.locator("#fx-window").selectOption("production:" + window);
        owner.locator("#fx-milestone").fill("mvp-ready");
        owner.locator("#fx-justification").fill("The booking fix is the incident's cure");
        owner.locator("#fx-expires").fill(LocalDateTime.now(ZoneOffset.UTC).plusHours(2).truncatedTo(ChronoUnit.MINUTES).toString());
        owner.locator("button", new Page.LocatorOptions().setHasText("Ask for an exception")).click();
        assertThat(owner.locator(".flash-ok")).containsText("Freeze exception requested");
        assertThat(owner.locator("button", new Page.LocatorOptions().setHasText("Approve exception"))).hasCount(0);
        long id = TestDb.count("select id from freeze_exception");
        String[] reasons = {"Risk accepted for the payments fix", "Small and reviewed"};
        for (int i = 0; i < deciders.length; i++) {
            Page page = deciders[i];
            page.navigate(root + "releases/environments");
            page.locator("#fx-reason-" + id).fill(reasons[i]);
            page.locator("button", new Page.LocatorOptions().setHasText("Approve exception")).click();
            assertThat(page.locator(".flash-ok")).containsText("approval of the freeze exception is recorded");
        }
        assertThat(deciders[1].locator("#freeze-exception-" + id + " .chip")).hasText("granted");
        Browser.screenshot(deciders[1], "promotion-journey-freeze-exception-granted");
    }
}
