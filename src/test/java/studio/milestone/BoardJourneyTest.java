package studio.milestone;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.Browser;
import studio.testing.Portfolio;
import studio.testing.TestDb;

/** Journeys through the real Keycloak login in Debian's Chromium: (a) import and see the board, (b) a card moves live. */
@QuarkusTest
class BoardJourneyTest {

    @TestHTTPResource("/import")
    URL importPage;

    @TestHTTPResource("/board")
    URL board;

    @Test
    void aProductOwnerChecksImportsAndSeesTheBoard() {
        TestDb.reset();
        try (Browser browser = new Browser()) {
            Page page = browser.newPage();
            Browser.signIn(page, importPage.toString(), "product-owner");
            assertThat(page.locator("h1")).hasText("Import definitions");

            page.locator("#document").fill(Portfolio.PLAN.replace("qaCoverageAbove: 90", "qaCoverageAbov: 90"));
            page.getByText("Check", new Page.GetByTextOptions().setExact(true)).click();
            assertThat(page.locator("#import-result .problems")).containsText("line 8, column 9");
            assertThat(page.locator("#import-result .problems")).containsText("did you mean 'qaCoverageAbove'");
            assertThat(page.locator("#import-result pre.excerpt")).containsText("- qaCoverageAbov: 90");
            Browser.screenshot(page, "import-a-problems");
            assertEquals(0, TestDb.count("select count(*) from milestone"), "a check stores nothing");

            page.locator("#document").fill(Portfolio.PLAN);
            page.getByText("Check", new Page.GetByTextOptions().setExact(true)).click();
            assertThat(page.locator("#import-result")).containsText("No problems found");
            assertThat(page.locator("#import-result")).containsText("3 milestone(s), 1 sprint(s) and 1 feature(s)");
            assertEquals(0, TestDb.count("select count(*) from milestone"));

            page.getByText("Import", new Page.GetByTextOptions().setExact(true)).click();
            assertThat(page.locator("#import-result")).containsText("Imported.");
            page.locator("#import-result").getByText("Open the board").click();

            page.waitForURL("**/board");
            assertThat(page.locator("h1")).hasText("Milestone board");
            for (String id : new String[] {"mvp-ready", "sec-review", "qa-hardening"}) {
                assertThat(page.locator("#lane-cards-planned [id='slot-" + id + "']")).isVisible();
            }
            assertThat(page.locator("#lane-count-planned")).hasText("3");
            assertThat(page.locator("[id='slot-mvp-ready']")).containsText("MVP Delivery");
            assertThat(page.locator("[id='slot-mvp-ready']")).containsText("mvp-v1");
            Browser.screenshot(page, "board-a-imported");

            // Filtering swaps the lanes in place and puts the filter in the URL, which reloads to the same view.
            page.evaluate("window.studioMarker = 'same page'");
            page.locator("#f-phase").selectOption("Validation");
            assertThat(page.locator(".slot")).hasCount(2);
            page.waitForURL("**/board?phase=Validation**");
            assertEquals("same page", page.evaluate("window.studioMarker"));
            page.reload();
            assertThat(page.locator(".slot")).hasCount(2);
            assertThat(page.locator("#f-phase")).hasValue("Validation");

            page.locator(".page-head").getByText("Gate matrix").click();
            page.waitForURL("**/gates");
            assertThat(page.locator("table.matrix tbody tr")).hasCount(3);
            assertThat(page.locator("table.matrix thead")).containsText("securityValidated");
            Browser.screenshot(page, "gates-a-matrix");
        }
    }

    @Test
    void failingEvidenceMovesACardFromVerifyingToBlockedWithoutAReload() {
        TestDb.reset();
        Api.importDefinitions(Portfolio.PLAN).then().statusCode(200);
        Api.as("product-owner").post("/api/milestones/sec-review/evaluate").then().statusCode(200);
        assertEquals("verifying", BoardFixture.state("sec-review"));
        try (Browser browser = new Browser()) {
            Page page = browser.newPage();
            Browser.signIn(page, board.toString(), "qa-lead");
            assertThat(page.locator("#lane-cards-verifying [id='slot-sec-review']")).isVisible();
            assertThat(page.locator("#lane-count-blocked")).hasText("0");
            page.evaluate("window.studioMarker = 'same page'");

            Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"sec-review\",\"gate\":\"securityValidated\","
                    + "\"status\":\"fail\",\"detail\":\"2 critical findings\"}").then().statusCode(201);

            // The board polls every 3 s; allow a few polls.
            assertThat(page.locator("#lane-cards-blocked [id='slot-sec-review']"))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
            assertThat(page.locator("#lane-cards-verifying [id='slot-sec-review']")).hasCount(0);
            assertThat(page.locator("[id='slot-sec-review']")).hasCount(1);
            assertThat(page.locator("[id='slot-sec-review']")).containsText("failing: securityValidated");
            assertThat(page.locator("#lane-count-blocked")).hasText("1");
            assertThat(page.locator("#lane-count-verifying")).hasText("0");
            assertEquals("same page", page.evaluate("window.studioMarker"), "moved without a page reload");
            Browser.screenshot(page, "board-b-live-blocked");
        }
    }
}
