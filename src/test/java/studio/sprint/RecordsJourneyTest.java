package studio.sprint;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import studio.testing.Browser;
import studio.testing.Story;

/**
 * A product owner signs in through the real Keycloak page, reads the backlog (filtering it in place), and follows a
 * delivered feature to the sprint that delivered it, with its trace.
 */
@QuarkusTest
class RecordsJourneyTest {

    @TestHTTPResource("/backlog")
    URL backlog;

    @Test
    void productOwnerOpensTheBacklogAndASprintPage() {
        RecordsStory.seed();
        try (Browser browser = new Browser()) {
            Page page = browser.newPage();
            Browser.signIn(page, backlog.toString(), "product-owner");
            assertThat(page.locator("h1")).hasText("Backlog");
            assertThat(page.locator(".backlog-group").first()).isVisible();
            assertThat(page.locator(".feature-card", new Page.LocatorOptions().setHasText("Auth.Login"))).containsText(RecordsStory.DEFERRAL);
            Browser.screenshot(page, "backlog");

            page.evaluate("window.__samePage = true");
            page.locator("#b-status").selectOption("completed");
            page.waitForURL(u -> u.contains("status=completed"));
            assertThat(page.locator(".card-id")).hasCount(3);
            assertEquals(Boolean.TRUE, page.evaluate("window.__samePage === true"), "filtered in place, without a reload");
            top(page);
            Browser.screenshot(page, "backlog-completed");

            page.locator(".feature-card", new Page.LocatorOptions().setHasText("BookingFlow")).first()
                    .locator("a[href='/sprints/" + Story.CORE + "']").click();
            page.waitForURL(u -> u.endsWith("/sprints/" + Story.CORE));
            assertThat(page.locator("h1")).containsText("Core booking sprint");
            assertThat(page.locator("h1 .chip")).hasText("Closed");
            assertThat(page.locator(".timeline li")).hasCount(3);
            assertThat(page.locator("details.trace-feature[open] > dl.trace-entry ol.tests li")).hasCount(17);

            page.locator("#documents ~ .table-wrap a", new Page.LocatorOptions().setHasText("View")).first().click();
            assertThat(page.locator("#document-view pre")).isVisible();
            assertTrue(page.url().endsWith("/sprints/" + Story.CORE), "the document opens in place");
            top(page);
            Browser.screenshot(page, "sprint-page");

            page.locator(".mainnav a[href='/sprints']").click();
            assertThat(page.locator("h1")).hasText("Sprints");
            assertThat(page.locator("#sprint-rows tr")).hasCount(4);
            Browser.screenshot(page, "sprints");

            page.navigate(backlog.toString().replace("/backlog", "/sprints/trace?milestone=mvp-ready"));
            assertThat(page.locator(".trace-sprint")).hasCount(3);
            Browser.screenshot(page, "trace-explorer");
        }
    }

    /** Full-page screenshots show the sticky top bar where the page is scrolled to: start from the top. */
    private static void top(Page page) {
        page.evaluate("window.scrollTo(0, 0)");
    }
}
