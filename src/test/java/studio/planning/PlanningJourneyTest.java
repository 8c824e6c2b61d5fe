package studio.planning;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.Browser;
import studio.testing.TestDb;

/**
 * Planning governance in the browser, as the issue tells it: a product owner imports a plan in assisted mode, a second
 * product owner approves one sprint's scope and rejects another with a reason, CI starts the rejected one anyway and
 * the milestone shows the failing scope gate; a feature is deferred from the backlog page; the milestone needs three
 * sign-offs from three people; the timeline and the status report tell the same story; sprints that never close
 * escalate the milestone to its governor.
 */
@QuarkusTest
class PlanningJourneyTest {

    static final String PLAN = """
            milestones:
              - id: journey-ms
                name: Checkout beta
                planningMode: assisted
                requiredFeatures: [J.Pay, J.Refund, J.Export]
                deferredAllowed: true
                governedBy: security-officer
                gateTimeoutSeconds: 600
                gateConditions:
                  - sprintScopesApproved
                  - manualApproval: product-owner
                  - manualApproval: security-officer
                  - manualApproval: compliance-officer
            sprints:
              - id: j-pay
                milestone: journey-ms
                goal: Pay by card
                features: [J.Pay, J.Export]
              - id: j-refund
                milestone: journey-ms
                goal: Refunds
                features: [J.Refund]
            """;

    @TestHTTPResource("/")
    URL root;
    @jakarta.inject.Inject
    studio.milestone.GateTimeouts timers;

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    @Test
    void aPlanIsApprovedRejectedStartedAnywayDeferredSignedOffAndReported() {
        try (Browser browser = new Browser()) {
            Page po = browser.newPage();
            Browser.signIn(po, root + "import", "product-owner");
            po.locator("#document").fill(PLAN);
            po.locator("button[name=action][value=import]").click();
            assertThat(po.locator("body")).containsText("journey-ms");
            assertEquals(2, TestDb.count("select count(*) from sprint_scope where status = 'pending' and author = 'product-owner'"));

            Page po2 = browser.newPage();
            po2.onDialog(d -> d.accept());
            Browser.signIn(po2, root + "sprints/j-pay", "product-owner-2");
            decideScope(po2, "Card payments fit the quarter", "Approve scope");
            assertThat(po2.locator("#sprint-scope")).containsText("approved");
            po2.navigate(root + "sprints/j-refund");
            decideScope(po2, "Refunds wait for the ledger", "Reject scope");
            assertThat(po2.locator("#sprint-scope")).containsText("rejected");

            Api.event("{\"event\":\"SprintStarted\",\"sprintId\":\"j-refund\",\"timestamp\":\"" + java.time.Instant.now() + "\"}").then().statusCode(201);
            po2.navigate(root + "sprints/j-refund");
            assertThat(po2.locator(".scope-flag")).containsText("Started before its scope was approved.");
            po2.navigate(root + "milestones/journey-ms");
            assertThat(po2.locator("#gate-sprintScopesApproved")).containsText("Failed");
            assertThat(po2.locator("#gate-sprintScopesApproved")).containsText("j-refund started while its scope was rejected");
            Browser.screenshot(po2, "planning-scope-gate");

            po.navigate(root + "backlog");
            po.locator(".feature-card", new Page.LocatorOptions().setHasText("J.Export")).locator("a", new Locator.LocatorOptions()
                    .setHasText("Defer or roll forward")).click();
            po.locator("#d-reason").fill("Export moves to the GA milestone");
            po.locator("button", new Page.LocatorOptions().setHasText("Defer J.Export")).click();
            po.waitForURL(u -> u.contains("/backlog/deferrals"));
            assertThat(po.locator("table.deferrals")).containsText("Export moves to the GA milestone");

            signOff(po2, root + "milestones/journey-ms", "manualApproval:product-owner", "Beta scope agreed");
            Page so = browser.newPage();
            Browser.signIn(so, root + "milestones/journey-ms", "security-officer");
            signOff(so, null, "manualApproval:security-officer", "Threat model reviewed");
            Page co = browser.newPage();
            Browser.signIn(co, root + "milestones/journey-ms", "compliance-officer");
            signOff(co, null, "manualApproval:compliance-officer", "PCI scope confirmed");
            assertEquals(3, TestDb.count("select count(distinct decided_by) from gate_decision where milestone_id = 'journey-ms' and decision = 'approved'"));
            assertThat(co.locator("#gate-sprintScopesApproved")).containsText("Failed");
            Browser.screenshot(co, "planning-three-sign-offs");

            co.navigate(root + "milestones/journey-ms/status-report");
            assertThat(co.locator("body")).containsText("j-refund started while its scope was rejected");
            assertThat(co.locator("body")).containsText("PCI scope confirmed");
            co.navigate(root + "timeline");
            assertThat(co.locator("body")).containsText("Milestone Checkout beta (pending)");
            assertThat(co.locator("body")).containsText("Sprint j-refund (active)");
            Browser.screenshot(co, "planning-timeline");

            // j-pay never starts and j-refund never closes: past the milestone's 600 s budget the timer escalates it to
            // its governor (the clock is moved by ageing the stored times, as the timer tests do)
            TestDb.exec("update milestone set state_since = state_since - interval '601 seconds' where id = 'journey-ms'",
                    "update sprint set started_at = started_at - interval '601 seconds' where id = 'j-refund'");
            timers.tick();
            so.navigate(root + "approvals");
            assertThat(so.locator("body")).containsText("Checkout beta");
            so.navigate(root + "milestones/journey-ms");
            assertThat(so.locator(".ms-status .chip")).hasText("Escalated");
            assertThat(so.locator("#overdue-sprints")).containsText("j-pay");
            assertThat(so.locator("#overdue-sprints")).containsText("j-refund");
            Browser.screenshot(so, "planning-sprint-timeout");
        }
    }

    private static void decideScope(Page page, String reason, String button) {
        page.locator("#scope-reason").fill(reason);
        page.locator("#sprint-scope button", new Page.LocatorOptions().setHasText(button)).click();
    }

    private static void signOff(Page page, String url, String gate, String reason) {
        if (url != null) page.navigate(url);
        Locator form = page.locator("section[aria-labelledby='decide-" + gate + "-h'] form");
        form.locator("input[name=decision][value=approved]").check();
        form.locator("textarea").fill(reason);
        form.locator("button", new Locator.LocatorOptions().setHasText("Record decision")).click();
        assertThat(page.locator("#gate-" + gate.replace(":", "-"))).containsText("Passed");
    }
}
