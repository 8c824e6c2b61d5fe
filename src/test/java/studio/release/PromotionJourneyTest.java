package studio.release;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Instant;
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
 * gets a freeze exception two people grant, is promoted to production and approved there by a product owner and a
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

            approve(browser.newPage(), "qa-lead", "QA regression suite green on the same build", "Deploying");
            completed("qa");

            long window = FreezeWindowsTest.freezeNow("production");
            owner.navigate(root + "releases/mvp-v1");
            assertThat(owner.locator("#promote-environment")).hasCount(0);
            assertThat(owner.locator(".promotion-blocked")).containsText("production is frozen by 'incident-42'");
            Api.as("product-owner").contentType("application/json").body("{\"environment\":\"production\"}")
                    .post("/api/releases/mvp-v1/promotions").then().statusCode(409)
                    .body("errors[0].message", containsString("production is frozen by 'incident-42'"));

            exception(window);
            owner.navigate(root + "releases/mvp-v1");
            assertThat(owner.locator("#promote-environment option")).hasText(new String[] {"production"});
            promote(owner, "production");
            assertThat(owner.locator("#approvals")).containsText("never the requester (product-owner)");
            assertThat(owner.locator("button", new Page.LocatorOptions().setHasText("Approve release"))).hasCount(0);

            approve(browser.newPage(), "compliance-officer", "Change record CR-1182 complete", "Paused for approval");
            approve(browser.newPage(), "product-owner-2", "Scope delivered; the notes are reviewed", "Deploying");
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

    /** Signs in as {@code user} and approves the version's newest deployment with {@code reason}. */
    private void approve(Page page, String user, String reason, String state) {
        Browser.signIn(page, root + "releases/mvp-v1", user);
        assertThat(page.locator(".release-status .chip")).hasText("Paused for approval");
        page.locator("#decide-reason").fill(reason);
        page.locator("button", new Page.LocatorOptions().setHasText("Approve release")).click();
        assertThat(page.locator(".flash-ok")).hasText("Approval recorded.");
        assertThat(page.locator(".release-status .chip")).hasText(state);
        assertThat(page.locator(".decision").filter(new Locator.FilterOptions().setHasText(user))).containsText(reason);
    }

    /** A product owner asks to pass the freeze; a second product owner and a compliance officer grant it. */
    private static void exception(long window) {
        String until = Instant.now().plusSeconds(7200).truncatedTo(ChronoUnit.SECONDS).toString();
        long id = Api.as("product-owner").contentType("application/json").body("{\"milestone_id\":\"mvp-ready\",\"window_id\":" + window
                        + ",\"justification\":\"the booking fix is the incident's cure\",\"expires_at\":\"" + until + "\"}")
                .post("/api/environments/production/freeze-exceptions").then().statusCode(201).extract().<Integer>path("id");
        FreezeWindowsTest.decideException("product-owner-2", id, "approve", "small and reviewed").then().statusCode(200);
        FreezeWindowsTest.decideException("compliance-officer", id, "approve", "risk accepted").then().statusCode(200)
                .body("status", equalTo("granted"));
    }
}
