package studio.notify;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import studio.milestone.GovernedFixture;
import studio.testing.Browser;
import studio.testing.MailCatcher;

/**
 * The notifications journey in a real browser with real Keycloak logins and a real SMTP server: qa-lead asks to
 * override a failing gate; qa-lead-2 sees it in the bell, receives the email, follows its link and approves; qa-lead
 * is told the outcome in the bell and by email. The test runs the sweep itself where the timer would (it is off in
 * tests so that no background work adds statements to pages other tests count).
 */
@QuarkusTest
class NotificationJourneyTest {

    @TestHTTPResource("/")
    URL root;
    @Inject
    IdentityDirectory directory;
    @Inject
    NotificationSweep sweep;

    @Test
    void anOverrideRequestReachesTheOtherQaLeadWhoApprovesFromTheEmailAndTheRequesterIsTold() throws Exception {
        GovernedFixture.defined();
        GovernedFixture.blocked("gate-c", "securityValidated");
        directory.sync();
        MailCatcher.clear();
        try (Browser browser = new Browser()) {
            Page requester = browser.newPage();
            Browser.signIn(requester, root + "milestones/gate-c", "qa-lead");
            requester.locator("input[name=gates][value=securityValidated]").check();
            requester.locator("#override-reason").fill("Scanner finding is a false positive; pen test booked for Monday");
            requester.locator("#request-override button[type=submit]").click();
            assertThat(requester.locator(".flash-ok")).hasText("Override requested; another approver must decide it.");
            assertThat(requester.locator(".override .deciders")).hasText("Who may decide it now: qa-lead-2 (qa-lead).");
            sweep.sweep();

            Page approver = browser.newPage();
            Browser.signIn(approver, root.toString(), "qa-lead-2");
            assertThat(approver.locator("#bell")).hasAttribute("aria-label", "Notifications: 1 unread");
            approver.locator("#bell").click();
            Locator notice = approver.locator(".notice").first();
            assertThat(notice).containsText("Override requested on gate-c: securityValidated");
            assertThat(notice).containsText("Why: Scanner finding is a false positive; pen test booked for Monday");
            Browser.screenshot(approver, "notifications-1-bell-and-centre");

            Map<String, Object> email = MailCatcher.await("qa-lead-2@studio.example", "Override requested on gate-c: securityValidated");
            Matcher link = Pattern.compile("(http://\\S+/approvals#override-\\d+)").matcher(String.valueOf(email.get("text")));
            assertTrue(link.find(), "the email links to the decision: " + email.get("text"));
            approver.navigate(link.group(1));
            Locator item = approver.locator(".inbox-item");
            assertThat(item).containsText("Scanner finding is a false positive");
            item.locator("textarea[name=reason]").fill("Risk accepted until the pen test on Monday");
            item.locator("button", new Locator.LocatorOptions().setHasText("Approve override")).click();
            assertThat(approver.locator(".flash-ok")).hasText("Override approved.");
            sweep.sweep();

            requester.navigate(root + "milestones/gate-c");
            assertThat(requester.locator(".ms-status .chip")).hasText("Reached");
            assertThat(requester.locator("#bell")).hasAttribute("aria-label", "Notifications: 1 unread");
            requester.locator("#bell").click();
            assertThat(requester.locator(".notice").first()).containsText("Override approved on gate-c: securityValidated");
            assertThat(requester.locator(".notice").first()).containsText("by qa-lead-2 (qa-lead)");
            Browser.screenshot(requester, "notifications-2-outcome-told-to-the-requester");
            MailCatcher.await("qa-lead@studio.example", "Override approved on gate-c: securityValidated");
        }
    }
}
