package studio.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.governance.Roles;
import studio.testing.TestDb;

/** Milestones by gate conditions, each cell a status in colour and in words. */
@QuarkusTest
@TestSecurity(user = "arch", roles = Roles.DOMAIN_ARCHITECT)
class GateMatrixPageTest {

    @BeforeEach
    void portfolio() {
        BoardFixture.portfolio();
    }

    private static String page(String query) {
        return given().get("/gates" + query).then().statusCode(200).header("Vary", containsString("HX-Request"))
                .extract().asString();
    }

    /** The row of one milestone, from its header cell to the end of the row. */
    private static String row(String html, String milestone) {
        int start = html.indexOf("<a href=\"/milestones/" + milestone + "\">");
        assertTrue(start >= 0, "no row for " + milestone);
        return html.substring(start, html.indexOf("</tr>", start));
    }

    @Test
    void aColumnPerConditionInUseAndARowPerMilestoneLinkingToIt() {
        String html = page("");
        assertAll(
                () -> assertTrue(html.contains("<title>Gate matrix · Studio</title>")),
                () -> assertTrue(html.matches("(?s).*allSprintsClosed</th>\\s*<th scope=\"col\" class=\"gate-col\">qaCoverageAbove</th>"
                        + "\\s*<th scope=\"col\" class=\"gate-col\">traceMatrixComplete</th>\\s*<th scope=\"col\" class=\"gate-col\">resilienceScoreAbove"
                        + "</th>\\s*<th scope=\"col\" class=\"gate-col\">securityValidated</th>.*"), "columns in order of first use"),
                () -> assertTrue(html.contains("<thead>"), "a header row (sticky by CSS)"),
                () -> assertTrue(html.contains("<a href=\"/milestones/mvp-ready\">MVP Delivery</a>")),
                () -> assertTrue(html.contains("<a href=\"/milestones/sec-review\">Security review</a>")),
                () -> assertTrue(html.contains("<a href=\"/milestones/odd.one:x\">")));
    }

    @Test
    void eachCellSaysItsStatusInWordsNotOnlyInColour() {
        String mvp = row(page(""), "mvp-ready");
        assertAll(
                () -> assertTrue(mvp.contains("<span class=\"chip chip-pending\">Pending</span>"), "the milestone's state"),
                () -> assertTrue(mvp.contains("<td class=\"num\">0/3</td>")),
                () -> assertTrue(mvp.matches("(?s).*<td class=\"cell cell-failed\"[^>]*><span class=\"cell-mark\"><span aria-hidden=\"true\">✗</span> failed</span>"
                        + "<span class=\"measure\">93.1% / 90%</span>.*"), "coverage failed (a required feature has no data), with actual and threshold: " + mvp),
                () -> assertTrue(mvp.contains("title=\"") && mvp.contains("Notification.Email.Send"), "the detail on hover names the feature"),
                () -> assertTrue(mvp.contains("<span aria-hidden=\"true\">…</span> pending"), "allSprintsClosed waits"),
                () -> assertTrue(mvp.contains("<td class=\"cell cell-none\"><span class=\"sr-only\">securityValidated: not a gate of this milestone</span></td>"),
                        "blank where mvp-ready has no such gate"));
        String odd = row(page(""), "odd.one:x");
        assertTrue(odd.contains("<span class=\"measure\">— / 85</span>"), "a signal gate waiting for its value: " + odd);
    }

    @Test
    void theBoardsFiltersApplyAndTheUrlReloadsTheSameView() {
        String html = page("?label=security&q=review");
        assertTrue(html.contains("/milestones/sec-review"));
        assertFalse(html.contains("/milestones/mvp-ready"));
        assertFalse(html.contains("/milestones/odd.one:x"));
        assertFalse(html.contains("qaCoverageAbove</th>"), "only the shown milestones' conditions are columns");
        assertTrue(html.contains("<option value=\"security\" selected>"));
        assertTrue(html.contains("hx-get=\"/gates\" hx-target=\"#gate-grid\""));
    }

    @Test
    void anHtmxRequestGetsTheGridFragment() {
        String fragment = given().header("HX-Request", "true").get("/gates?phase=Validation").then().statusCode(200)
                .header("Vary", containsString("HX-Request")).extract().asString();
        assertTrue(fragment.trim().startsWith("<div id=\"gate-grid\">"), fragment);
        assertFalse(fragment.contains("<html"));
        assertTrue(fragment.contains("/milestones/sec-review") && !fragment.contains("/milestones/mvp-ready"));
    }

    @Test
    void aScriptTagNameIsShownAsText() {
        String html = page("");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(html.contains(BoardFixture.XSS));
    }

    @Test
    void withoutMilestonesItSaysHowToGetSome() {
        TestDb.reset();
        given().get("/gates").then().statusCode(200).body(containsString("No milestones yet"))
                .body(containsString("href=\"/import\""));
        BoardFixture.portfolio();
        given().get("/gates?q=nothing-like-this").then().statusCode(200)
                .body(containsString("No milestone matches these filters"));
    }
}
