package studio.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.governance.Roles;

/**
 * The board polls /board/changes with its cursor: 204 while nothing changed, else the changed cards out of band,
 * each put where a fresh board would show it, with the lane counts and a new cursor.
 */
@QuarkusTest
@TestSecurity(user = "qa", roles = Roles.QA_LEAD)
class BoardLiveUpdatesTest {

    @BeforeEach
    void portfolio() {
        BoardFixture.portfolio();
    }

    private static long boardCursor(String query) {
        return BoardFixture.since(given().get("/board" + query).then().statusCode(200).extract().asString());
    }

    @Test
    void nothingChangedIsNoContent() {
        BoardFixture.settle();
        BoardFixture.poll(boardCursor(""), "").then().statusCode(204)
                .header("Vary", containsString("HX-Request")).header("Cache-Control", "no-store");
    }

    @Test
    void failingEvidenceMovesTheCardFromVerifyingToBlockedAndNothingElse() {
        BoardFixture.settle();
        long since = boardCursor("");
        BoardFixture.signal("sec-review", "securityValidated", "fail");
        assertEquals("blocked", BoardFixture.state("sec-review"));

        String body = BoardFixture.poll(since, "").then().statusCode(200).header("Vary", containsString("HX-Request"))
                .extract().asString();
        assertAll(
                () -> assertTrue(body.trim().startsWith("<div id=\"board-poll\""), "the new poller is the main swap: " + body),
                () -> assertTrue(body.contains("<div id=\"slot-sec-review\" hx-swap-oob=\"delete\"></div>"), "out of its old lane"),
                () -> assertTrue(body.contains("<div hx-swap-oob=\"afterbegin:#lane-cards-blocked\"><div class=\"slot\" id=\"slot-sec-review\">"),
                        "into the Blocked lane: " + body),
                () -> assertTrue(body.contains("<article class=\"card card-blocked\">")),
                () -> assertTrue(body.contains("failing: <span class=\"list\"><span>securityValidated</span>")),
                () -> assertFalse(body.contains("slot-mvp-ready"), "unchanged cards are not sent"),
                () -> assertTrue(body.contains("id=\"lane-count-blocked\" title=\"milestones in this lane\" hx-swap-oob=\"true\">1<")),
                () -> assertTrue(body.contains("id=\"lane-count-verifying\" title=\"milestones in this lane\" hx-swap-oob=\"true\">0<")),
                () -> assertFalse(body.contains("<html"), "a fragment"));
    }

    @Test
    void aFreshChangeIsSentAgainUntilItHasSettledThenQuiet() {
        BoardFixture.settle();
        long since = boardCursor("");
        BoardFixture.signal("sec-review", "securityValidated", "fail");
        long next = BoardFixture.since(BoardFixture.poll(since, "").then().statusCode(200).extract().asString());
        assertEquals(since, next, "a change younger than the settle time does not move the cursor");
        BoardFixture.poll(next, "").then().statusCode(200).body(containsString("id=\"slot-sec-review\""));

        BoardFixture.settle();
        long settled = BoardFixture.since(BoardFixture.poll(next, "").then().statusCode(200).extract().asString());
        assertTrue(settled > next);
        BoardFixture.poll(settled, "").then().statusCode(204);
    }

    @Test
    void aCardEnteringALaneGoesAfterTheCardsLongerInItEvenWhenItsIdNeedsEscaping() {
        Api.evaluate("odd.one:x");
        BoardFixture.settle();
        long since = boardCursor("");
        BoardFixture.signal("odd.one:x", "resilienceScoreAbove", "fail");
        BoardFixture.signal("sec-review", "securityValidated", "fail");
        String body = BoardFixture.poll(since, "").then().statusCode(200).extract().asString();
        assertTrue(body.contains("hx-swap-oob=\"afterbegin:#lane-cards-blocked\"><div class=\"slot\" id=\"slot-odd.one:x\">"), body);
        assertTrue(body.contains("hx-swap-oob=\"afterend:#slot-odd\\.one\\:x\"><div class=\"slot\" id=\"slot-sec-review\">"), body);
        assertTrue(body.indexOf("id=\"slot-odd.one:x\">") < body.indexOf("id=\"slot-sec-review\">"), "placed in board order");
    }

    @Test
    void changesRespectTheFilters() {
        BoardFixture.settle();
        long since = boardCursor("?phase=CoreFeature");
        BoardFixture.signal("sec-review", "securityValidated", "fail");
        String body = BoardFixture.poll(since, "phase=CoreFeature").then().statusCode(200).extract().asString();
        assertAll(
                () -> assertTrue(body.contains("<div id=\"slot-sec-review\" hx-swap-oob=\"delete\"></div>"), "not on this board"),
                () -> assertFalse(body.contains("lane-cards-blocked\"><div class=\"slot\""), "and not placed anywhere"),
                () -> assertTrue(body.contains("id=\"lane-count-blocked\" title=\"milestones in this lane\" hx-swap-oob=\"true\">0<")),
                () -> assertTrue(body.contains("/board/changes?since=" + since + "&amp;phase=CoreFeature"), "keeps polling the same filter"));
    }

    @Test
    void anUnreadableCursorSendsEveryCardAgain() {
        String body = BoardFixture.poll(0, "").then().statusCode(200).extract().asString();
        String garbled = given().header("HX-Request", "true").get("/board/changes?since=yesterday").then().statusCode(200)
                .extract().asString();
        for (String m : new String[] {"mvp-ready", "sec-review", "odd.one:x"}) {
            assertTrue(body.contains("class=\"slot\" id=\"slot-" + m + "\""), m);
            assertTrue(garbled.contains("class=\"slot\" id=\"slot-" + m + "\""), m);
        }
    }

    @Test
    void thePollingUrlOpenedAsAPageLeadsToTheBoard() {
        given().redirects().follow(false).get("/board/changes?since=3&phase=Validation").then().statusCode(303)
                .header("Location", endsWith("/board?phase=Validation"));
    }

    /** Evaluations through the API, as a product owner pressing "evaluate now". */
    static final class Api {
        static void evaluate(String milestone) {
            studio.testing.Api.as("product-owner").post("/api/milestones/" + milestone + "/evaluate").then().statusCode(200);
        }
    }
}
