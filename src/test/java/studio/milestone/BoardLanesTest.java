package studio.milestone;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.governance.Roles;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * A lane shows its first cards and counts the rest; "show more" pages through the rest by the last card shown, with
 * the filters kept, until every milestone of the lane was shown exactly once, in lane order.
 */
@QuarkusTest
@TestSecurity(user = "po", roles = Roles.PRODUCT_OWNER)
class BoardLanesTest {

    private static final Pattern SLOT = Pattern.compile("class=\"slot\" id=\"slot-([^\"]+)\"");
    private static final Pattern MORE = Pattern.compile("class=\"lane-more\"[^>]*hx-get=\"([^\"]+)\"");

    @Inject
    BoardRows rows;

    /** 40 planned milestones: half labelled "even", every fifth named with a capital "Push". */
    @BeforeEach
    void portfolio() {
        TestDb.reset();
        Api.importDefinitions("milestones:\n" + IntStream.range(0, 40).mapToObj(i -> """
                  - id: lane-%02d
                    name: %s %d
                    phase: Phase%d
                    owner: team-%d
                    labels: [%s]
                    gateConditions:
                      - allSprintsClosed
                    governedBy: product-owner
                """.formatted(i, i % 5 == 0 ? "Push" : "Milestone", i, i % 3, i % 4, i % 2 == 0 ? "even" : "odd"))
                .collect(Collectors.joining())).then().statusCode(200);
    }

    @Test
    void aFullLaneShowsItsFirstCardsCountsAllAndShowMoreReachesEveryOneOnceInOrder() {
        String board = given().get("/board").then().statusCode(200).extract().asString();
        List<String> seen = new ArrayList<>(slots(board));
        assertEquals(BoardView.LANE_LIMIT, seen.size());
        assertTrue(board.contains("id=\"lane-count-planned\" title=\"milestones in this lane\">40</span>"), "the lane counts all 40");
        assertTrue(board.contains("(25 not shown)"), "the link says how many wait");

        String next = more(board);
        int pages = 0;
        while (next != null && pages < 10) {
            String fragment = fetchMore(next);
            assertFalse(fragment.contains("<html"), "htmx gets the cards alone");
            seen.addAll(slots(fragment));
            next = more(fragment);
            pages++;
        }
        assertEquals(2, pages, "40 cards: 15 on the board, then 15 and 10");
        List<String> expected = IntStream.range(0, 40).mapToObj(i -> "lane-%02d".formatted(i)).toList();
        assertEquals(expected, seen, "every milestone once, in lane order (all entered Planned together, so by id)");
    }

    @Test
    void showMoreKeepsTheFilters() {
        String board = given().get("/board?label=even").then().statusCode(200).extract().asString();
        assertTrue(board.contains("title=\"milestones in this lane\">20</span>"));
        String next = more(board);
        assertTrue(next.contains("label=even"), next);
        String fragment = fetchMore(next);
        List<String> rest = slots(fragment);
        assertEquals(5, rest.size());
        rest.forEach(id -> assertEquals(0, Integer.parseInt(id.substring(5)) % 2, id + " is labelled even"));
        assertEquals(null, more(fragment), "nothing after the last page");
    }

    @Test
    void theLaneLinkWithoutHtmxIsAPageOfThatLane() {
        String page = given().get("/board/lanes/planned?after=" + Instant.EPOCH + "~").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<h1>Planned milestones</h1>"), "a page titled by its lane");
        assertTrue(page.contains("href=\"/board\""), "back to the board");
        assertEquals(BoardView.LANE_LIMIT, slots(page).size());
        given().get("/board/lanes/nonsense").then().statusCode(404);
        // an unreadable resume point starts the lane from its first card
        assertEquals("lane-00", slots(given().get("/board/lanes/planned?after=garbage").then().statusCode(200)
                .extract().asString()).get(0));
    }

    /** The filter in SQL (the board) lets through exactly what BoardFilter.matches does (the gate matrix, the changes). */
    @Test
    void theBoardsSqlFilterAgreesWithTheFilterRule() {
        List<BoardFilter> filters = List.of(BoardFilter.NONE, new BoardFilter("Phase1", null, null, null),
                new BoardFilter(null, "team-2", null, null), new BoardFilter(null, null, "odd", null),
                new BoardFilter(null, null, null, "push"), new BoardFilter(null, null, null, "LANE-1"),
                new BoardFilter("Phase0", "team-0", "even", "pUsH"), new BoardFilter(null, null, null, "100%_"));
        for (BoardFilter f : filters) {
            List<String> bySql = QuarkusTransaction.requiringNew().call(() -> {
                BoardRows.BoardRead read = rows.board(f, 100, Instant.now(), new BoardCursor(Long.MAX_VALUE));
                assertEquals(40, read.milestonesInAll());
                return read.shown().stream().map(BoardRow::id).toList();
            });
            List<String> byRule = QuarkusTransaction.requiringNew().call(() ->
                    rows.all().stream().filter(f::matches).sorted(BoardView.ORDER).map(BoardRow::id).toList());
            assertEquals(byRule, bySql, "filter " + f);
        }
    }

    /** Follows a "show more" link as htmx does: the URL exactly as written in the page (already encoded). */
    private static String fetchMore(String href) {
        return given().urlEncodingEnabled(false).header("HX-Request", "true").get(href.replace("&amp;", "&"))
                .then().statusCode(200).extract().asString();
    }

    private static List<String> slots(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = SLOT.matcher(html);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    private static String more(String html) {
        Matcher m = MORE.matcher(html);
        return m.find() ? m.group(1) : null;
    }
}
