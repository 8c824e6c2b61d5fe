package studio.release;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.Browser;
import studio.testing.TestDb;

/**
 * The release journey of issue 5: a Reached milestone is promoted to production from its page; the production policy
 * wants a product-owner and a compliance-officer, neither the requester: product-owner promotes, compliance-officer and
 * a second product owner (product-owner-2) approve in their own browsers without a page reload; CI reports completion through the API; the release page shows Completed and the
 * manifest's verified signature. Real browser, real Keycloak login.
 */
@QuarkusTest
class ReleaseJourneyTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void aReachedMilestoneIsPromotedToProductionApprovedByTwoPeopleCompletedByCiAndItsManifestVerifies() {
        TestDb.reset();
        Releasing.reached("mvp-ready", "versionTag: mvp-v1");
        Releasing.anyEnvironmentFirst(); // straight to production; the lifecycle's own journey is PromotionJourneyTest
        try (Browser browser = new Browser()) {
            Page requester = browser.newPage();
            Browser.signIn(requester, root + "milestones/mvp-ready", "product-owner");
            promote(requester);

            approve(browser.newPage(), "compliance-officer", "compliance-officer", "Audit evidence complete", "1/2", "Paused for approval");
            approve(browser.newPage(), "product-owner-2", "product-owner", "Scope delivered; release notes reviewed", "2/2", "Deploying");

            Api.event("{\"event\":\"ReleaseCompleted\",\"versionTag\":\"mvp-v1\",\"environment\":\"production\"}").then().statusCode(201);

            requester.navigate(root + "releases/mvp-v1");
            assertThat(requester.locator(".release-status .chip")).hasText("Completed");
            assertThat(requester.locator(".manifest-verdict")).containsText("Signature verified with key " + TestDb.text("select key_id from signing_key"));
            assertThat(requester.locator("#timeline .event").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("ReleaseCompleted")))
                    .not().hasCount(0);
            screenshot(requester, "release-journey-3-completed-and-verified");

            requester.navigate(root + "releases");
            assertThat(requester.locator(".release-card")).containsText("mvp-v1");
            assertThat(requester.locator(".release-card .chip")).hasText("Completed");
            screenshot(requester, "release-journey-4-dashboard");
        }
    }

    private static void promote(Page page) {
        assertThat(page.locator(".ms-status .chip")).hasText("Reached");
        page.locator("#promote-environment").selectOption("production");
        page.locator("#promote button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/releases/mvp-v1\\?done=created$"));
        assertThat(page.locator(".flash-ok")).hasText("Release requested.");
        assertThat(page.locator(".release-status .chip")).hasText("Paused for approval");
        assertThat(page.locator("#approvals")).containsText("never the requester (product-owner)");
        assertThat(page.locator("button", new Page.LocatorOptions().setHasText("Approve release"))).hasCount(0);
        screenshot(page, "release-journey-1-requested-by-product-owner");
    }

    /** Signs in as {@code user}, approves with {@code reason} and sees the page change in place (no reload). */
    private void approve(Page page, String user, String role, String reason, String count, String state) {
        Browser.signIn(page, root + "releases/mvp-v1", user);
        assertThat(page.locator(".release-status .chip")).hasText("Paused for approval");
        page.evaluate("window.studioJourneyMarker = 'still here'");
        page.locator("#decide-reason").fill(reason);
        page.locator("button", new Page.LocatorOptions().setHasText("Approve release")).click();
        assertThat(page.locator(".flash-ok")).hasText("Approval recorded.");
        assertEquals("still here", page.evaluate("window.studioJourneyMarker"), "the page was updated in place, not reloaded");
        assertThat(page.locator("#approvals-h")).containsText(count);
        assertThat(page.locator(".release-status .chip")).hasText(state);
        assertThat(page.locator(".decision").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(user + " (" + role + ") approved")))
                .containsText(reason);
        assertThat(page.locator("button", new Page.LocatorOptions().setHasText("Approve release"))).hasCount(0);
        screenshot(page, "release-journey-2-approved-by-" + user);
    }

    private static void screenshot(Page page, String name) {
        page.evaluate("window.scrollTo(0, 0)");
        Browser.screenshot(page, name);
    }
}
