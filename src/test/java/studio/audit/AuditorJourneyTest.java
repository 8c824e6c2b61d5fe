package studio.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import studio.milestone.GovernedFixture;
import studio.testing.Api;
import studio.testing.Browser;

/**
 * Journey (d): after an override was requested and approved, an auditor filters the timeline to that milestone,
 * exports it, verifies the chain, and finds no control that changes state on the timeline or the milestone page.
 */
@QuarkusTest
class AuditorJourneyTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void anAuditorFiltersExportsAndVerifiesAndCanChangeNothing() throws Exception {
        GovernedFixture.defined();
        GovernedFixture.blocked("gate-c", "securityValidated");
        long id = GovernedFixture.overrideRequested("gate-c", "securityValidated", "qa-lead", "pen test booked");
        Api.as("qa-lead-2").contentType("application/json").body("{\"reason\":\"risk accepted\"}")
                .post("/api/overrides/" + id + "/approve").then().statusCode(200);
        try (Browser browser = new Browser()) {
            Page page = browser.newPage();
            Browser.signIn(page, root + "audit", "auditor");
            filterToTheMilestone(page);
            exportContainsTheMilestonesEvents(page);
            page.locator("button", new Page.LocatorOptions().setHasText("Verify chain")).click();
            assertThat(page.locator("#chain-verdict")).containsText("Chain intact.");
            assertOnlyTheVerifyFormPosts(page);
            screenshot(page, "journey-d-1-audit-filtered-verified");

            page.locator("#audit-results a[href='/milestones/gate-c']").first().click();
            assertThat(page.locator(".ms-status .chip")).hasText("Reached");
            assertThat(page.locator("form[method=post]")).hasCount(0);
            assertThat(page.locator("[hx-post]")).hasCount(0);
            assertThat(page.locator("#control-panel")).hasCount(0);
            assertThat(page.locator("#overrides")).containsText("pen test booked");
            screenshot(page, "journey-d-2-milestone-read-only");
        }
    }

    private static void filterToTheMilestone(Page page) {
        page.locator("#f-milestone").fill("gate-c");
        page.locator(".audit-filters button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile(".*/audit\\?milestone=gate-c.*"));
        Locator subjects = page.locator("#audit-results .event-subject");
        assertThat(subjects.first()).isVisible();
        List<String> texts = subjects.allTextContents();
        assertTrue(texts.stream().allMatch(t -> t.contains("gate-c") || t.contains("system")), texts.toString());
        assertThat(page.locator("#audit-results")).containsText("MilestoneOverrideApproved");
        // An entry's payload is fetched when its disclosure is opened, pretty-printed.
        Locator approved = page.locator("#audit-results li.event", new Page.LocatorOptions().setHasText("MilestoneOverrideApproved")).first();
        assertThat(approved.locator("pre.payload")).not().isVisible();
        approved.locator("summary").click();
        assertThat(approved.locator("pre.payload")).containsText("\"override_id\" : ");
    }

    private static void exportContainsTheMilestonesEvents(Page page) throws Exception {
        Download download = page.waitForDownload(() ->
                page.locator("a", new Page.LocatorOptions().setHasText("Export JSON Lines")).click());
        assertTrue(download.suggestedFilename().matches("studio-audit-\\d{8}T\\d{6}Z\\.jsonl"), download.suggestedFilename());
        List<String> lines = Files.readAllLines(download.path());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"type\":\"MilestoneOverrideRequested\"")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"type\":\"MilestoneOverrideApproved\"")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"subject_id\":\"sec\"")), "only the filtered milestone's events");
    }

    private static void assertOnlyTheVerifyFormPosts(Page page) {
        Locator posting = page.locator("form[method=post]");
        assertEquals(1, posting.count());
        assertTrue(posting.first().getAttribute("action").startsWith("/audit/verify"));
        assertThat(page.locator("[hx-post]:not([hx-post='/audit/verify'])")).hasCount(0);
    }

    /** A full-page screenshot from the top (a swap may have left the page scrolled). */
    private static void screenshot(Page page, String name) {
        page.evaluate("window.scrollTo(0, 0)");
        Browser.screenshot(page, name);
    }
}
