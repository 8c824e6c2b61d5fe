package studio.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.governance.Roles;

/** The milestone board as a product owner sees it: lanes, cards, filters, the empty board and escaping. */
@QuarkusTest
@TestSecurity(user = "po", roles = Roles.PRODUCT_OWNER)
class BoardPageTest {

    @BeforeEach
    void portfolio() {
        BoardFixture.portfolio();
    }

    private static String page(String query) {
        return given().get("/board" + query).then().statusCode(200)
                .contentType(startsWith("text/html")).header("Vary", containsString("HX-Request"))
                .extract().asString();
    }

    @Test
    void everyStateHasALaneWithItsCountAndEachMilestoneIsInItsOwn() {
        String html = page("");
        assertAll(
                () -> assertTrue(html.contains("<title>Board · Studio</title>"), "the whole page, in the layout"),
                () -> assertTrue(html.contains("id=\"lane-planned\"") && html.contains("id=\"lane-verifying\"")
                        && html.contains("id=\"lane-blocked\"") && html.contains("id=\"lane-escalated\"")
                        && html.contains("id=\"lane-reached\"") && html.contains("id=\"lane-closed\"")
                        && html.contains("id=\"lane-terminated\""), "a lane per state"),
                () -> assertEquals("pending", BoardFixture.state("mvp-ready")),
                () -> assertTrue(laneOf(html, "mvp-ready").equals("pending"), "mvp-ready is in the Pending lane"),
                () -> assertEquals("verifying", laneOf(html, "sec-review")),
                () -> assertEquals("planned", laneOf(html, "odd.one:x")),
                () -> assertTrue(html.contains("id=\"lane-count-verifying\" title=\"milestones in this lane\">1<"), html),
                () -> assertTrue(html.contains("id=\"lane-count-blocked\" title=\"milestones in this lane\">0<")));
    }

    @Test
    void aCardSaysWhatAProductOwnerScansFor() {
        String card = BoardFixture.card(page(""), "mvp-ready");
        assertAll(
                () -> assertTrue(card.contains("href=\"/milestones/mvp-ready\">MVP Delivery</a>"), "the name opens the milestone page"),
                () -> assertTrue(card.contains("mvp-v1"), "version tag"),
                () -> assertTrue(card.contains("product-owner"), "governing role"),
                () -> assertTrue(card.contains("QA 93.1% · needs 90.0%"), "coverage against the gate's threshold: " + card),
                () -> assertTrue(card.contains("class=\"bar\""), "a coverage bar"),
                () -> assertTrue(card.contains("<li class=\"delivered\">✓ BookingFlow</li>"), "delivered feature"),
                () -> assertTrue(card.contains("<li class=\"missing\">✗ Notification.Email.Send</li>"), "missing feature"),
                () -> assertTrue(card.contains("<span>sprint-2025-06-comm</span><span>sprint-2025-06-core</span>"), "contributing sprints"),
                () -> assertTrue(card.contains("Gates 0/3"), "gates summary (allSprintsClosed waits for the comm sprint): " + card),
                () -> assertTrue(card.contains("failing: <span class=\"list\"><span>qaCoverageAbove</span><span>traceMatrixComplete</span>"), card),
                () -> assertTrue(card.matches("(?s).*<time datetime=\"[^\"]+\"[^>]*>(entered just now|\\d+ min in state)</time>.*"), "time in state"),
                () -> assertTrue(card.getBytes(StandardCharsets.UTF_8).length <= 2048, "a card stays small: " + card.length()));
    }

    @Test
    void aMilestoneWithoutACoverageGateHasNoBar() {
        String card = BoardFixture.card(page(""), "sec-review");
        assertFalse(card.contains("class=\"bar\""), card);
        assertTrue(card.contains("Gates 0/1"), card);
    }

    @Test
    void anApprovedOverrideShowsOnTheCardWithWhoApprovedIt() {
        BoardFixture.signal("sec-review", "securityValidated", "fail");
        String id = studio.testing.Api.as("qa-lead").contentType("application/json")
                .body("{\"gates\":[\"securityValidated\"],\"reason\":\"pen test rescheduled\"}")
                .post("/api/milestones/sec-review/overrides").then().statusCode(201).extract().path("override_id").toString();
        studio.testing.Api.as("qa-lead-2").contentType("application/json").body("{\"reason\":\"accepted risk\"}")
                .post("/api/overrides/" + id + "/approve").then().statusCode(200);
        String card = BoardFixture.card(page(""), "sec-review");
        assertTrue(card.contains("securityValidated overridden by qa-lead-2"), card);
        assertTrue(card.contains("Gates 1/1"), card);
    }

    @Test
    void aScriptTagNameIsShownAsText() {
        String html = page("");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(html.contains(BoardFixture.XSS));
    }

    @Test
    void filtersNarrowTheBoardAndTheUrlReloadsTheSameView() {
        assertAll(
                () -> assertOnly(page("?phase=Validation"), "sec-review", "odd.one:x"),
                () -> assertOnly(page("?owner=product-owner"), "mvp-ready"),
                () -> assertOnly(page("?label=mvp"), "mvp-ready"),
                () -> assertOnly(given().queryParam("q", "PEN TEST").get("/board").then().statusCode(200).extract().asString(), "sec-review"),
                () -> assertOnly(page("?q=script"), "odd.one:x"),
                () -> assertOnly(page("?phase=Validation&label=security&q=sec-"), "sec-review"));
        String filtered = page("?phase=Validation");
        assertTrue(filtered.contains("<option value=\"Validation\" selected>"), "the form shows the filter in force");
        assertTrue(filtered.contains("<option value=\"CoreFeature\">"), "and the other phases there are");
        assertTrue(filtered.contains("/board/changes?since="), "the poller");
        assertTrue(filtered.matches("(?s).*/board/changes\\?since=\\d+&amp;phase=Validation\".*"), "polls with the same filter");
    }

    @Test
    void filtersThatMatchNothingSaySoAndOfferTheWholeBoard() {
        String html = page("?q=nothing-like-this");
        assertTrue(html.contains("No milestone matches these filters"));
        assertTrue(html.contains("Show all 3 milestones"));
    }

    @Test
    void anHtmxRequestGetsTheLanesFragmentAndAHistoryRestoreTheWholePage() {
        String fragment = given().header("HX-Request", "true").get("/board?label=mvp").then().statusCode(200)
                .header("Vary", containsString("HX-Request")).extract().asString();
        assertTrue(fragment.trim().startsWith("<div id=\"board-lanes\""), fragment);
        assertFalse(fragment.contains("<html"));
        assertTrue(fragment.contains("slot-mvp-ready") && !fragment.contains("slot-sec-review"));
        given().header("HX-Request", "true").header("HX-History-Restore-Request", "true").get("/board?label=mvp")
                .then().statusCode(200).body(allOf(containsString("<html"), containsString("slot-mvp-ready")));
    }

    @Test
    void anEmptyBoardExplainsHowToImport() {
        studio.testing.TestDb.reset();
        given().get("/board").then().statusCode(200)
                .body(containsString("No milestones yet"))
                .body(containsString("href=\"/import\""))
                .body(containsString("--data-binary @milestones.yaml"))
                .body(containsString("/api/definitions"))
                .body(not(containsString("class=\"slot\"")));
    }

    @Test
    void theBoardLinksTheImportAndTheGateMatrix() {
        given().get("/board").then().statusCode(200)
                .body(containsString("href=\"/gates\"")).body(containsString("href=\"/import\""))
                .body(containsString("aria-current=\"page\">Board"));
    }

    static String laneOf(String html, String milestone) {
        int slot = html.indexOf("id=\"slot-" + milestone + "\"");
        int lane = html.lastIndexOf("id=\"lane-cards-", slot);
        return html.substring(lane + "id=\"lane-cards-".length(), html.indexOf('"', lane + "id=\"lane-cards-".length()));
    }

    private static void assertOnly(String html, String... milestones) {
        int cards = html.split("class=\"slot\"", -1).length - 1;
        assertEquals(milestones.length, cards, "cards shown");
        for (String m : milestones) assertTrue(html.contains("id=\"slot-" + m + "\""), m);
    }

    @Test
    void theEmptyFilterValuesOfAPushedUrlMeanNoFilter() {
        assertOnly(page("?phase=&owner=&label=&q="), "mvp-ready", "sec-review", "odd.one:x");
        given().get("/board?phase=Validation").then().body(containsString("Clear filters"));
        given().get("/board").then().body(not(containsString("Clear filters")));
    }
}
