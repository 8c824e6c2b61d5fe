package studio.override;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import studio.milestone.GovernedFixture;
import studio.testing.Browser;

/**
 * Journey (c): a Blocked milestone; one QA lead asks to override its failing gate and sees no approve button on their
 * own request; a second QA lead approves it from the inbox; the milestone is Reached and both actions are in its
 * timeline. Real browser, real Keycloak login, no page reloads for the actions (htmx swaps).
 */
@QuarkusTest
class OverrideJourneyTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void oneQaLeadRequestsAnOverrideAnotherApprovesItAndTheMilestoneIsReached() {
        GovernedFixture.defined();
        GovernedFixture.blocked("gate-c", "securityValidated");
        try (Browser browser = new Browser()) {
            Page requester = browser.newPage();
            Browser.signIn(requester, root + "milestones/gate-c", "qa-lead");
            assertThat(requester.locator(".ms-status .chip")).hasText("Blocked");
            requestOverride(requester);
            screenshot(requester, "journey-c-1-requested-by-qa-lead");

            Page approver = browser.newPage();
            Browser.signIn(approver, root + "approvals", "qa-lead-2");
            approveFromInbox(approver);

            approver.navigate(root + "milestones/gate-c");
            assertThat(approver.locator(".ms-status .chip")).hasText("Reached");
            assertThat(approver.locator("#gate-securityValidated")).containsText("approved by qa-lead-2");
            Locator timeline = approver.locator("#timeline .event");
            assertThat(timeline.filter(new Locator.FilterOptions().setHasText("MilestoneOverrideRequested"))).containsText("qa-lead");
            assertThat(timeline.filter(new Locator.FilterOptions().setHasText("MilestoneOverrideApproved"))).containsText("qa-lead-2");
            assertThat(timeline.filter(new Locator.FilterOptions().setHasText("MilestoneForceClosed"))).hasCount(1);
            screenshot(approver, "journey-c-2-reached-after-approval");
        }
    }

    private static void requestOverride(Page page) {
        page.locator("input[name=gates][value=securityValidated]").check();
        page.locator("#override-reason").fill("Scanner finding is a false positive; pen test booked for Monday");
        page.locator("#request-override button[type=submit]").click();
        assertThat(page.locator(".flash-ok")).hasText("Override requested; another approver must decide it.");
        assertThat(page.locator(".ms-status .chip")).hasText("Escalated");
        assertThat(page.locator(".override .justification")).hasText("Scanner finding is a false positive; pen test booked for Monday");
        assertThat(page.locator("button", new Page.LocatorOptions().setHasText("Approve override"))).hasCount(0);
        assertThat(page.locator(".override")).containsText("never the requester, qa-lead,");
        assertThat(page).hasURL(Pattern.compile(".*/milestones/gate-c$"));
    }

    private static void approveFromInbox(Page page) {
        assertThat(page.locator("#approvals-badge")).hasText("1");
        Locator item = page.locator(".inbox-item");
        assertThat(item).containsText("Scanner finding is a false positive");
        assertThat(item).containsText("Requested by qa-lead");
        item.locator("textarea[name=reason]").fill("Risk accepted until the pen test on Monday");
        item.locator("button", new Locator.LocatorOptions().setHasText("Approve override")).click();
        assertThat(page.locator(".flash-ok")).hasText("Override approved.");
        assertThat(page.locator("#approvals-badge")).hasText("0");
        assertThat(page.locator(".inbox-item")).hasCount(0);
    }

    /** A full-page screenshot from the top (a swap may have left the page scrolled). */
    private static void screenshot(Page page, String name) {
        page.evaluate("window.scrollTo(0, 0)");
        Browser.screenshot(page, name);
    }
}
