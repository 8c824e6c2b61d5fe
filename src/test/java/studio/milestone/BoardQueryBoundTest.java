package studio.milestone;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import studio.governance.Roles;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * The board, its changes, a lane's "show more" and the gate matrix cost the same number of SQL statements for 100
 * milestones as for 5: one query reads what is shown. Statements are counted by Hibernate's statement inspector (SqlStatements); each
 * request is measured three times and the least taken, so a timer firing meanwhile cannot inflate a count.
 */
@QuarkusTest
@TestSecurity(user = "po", roles = Roles.PRODUCT_OWNER)
class BoardQueryBoundTest {

    /** Counting the approvals badge (open override requests, pending manual gates, force close and termination requests,
     * definition changes, sprint scopes waiting for approval, release approvals: one query each). */
    static final int BADGE_COUNT = 7;

    /** What every full page's navigation costs while nothing changed: the audit head (is the person's badge count still
     * current?) and the notification bell (one count). */
    static final int NAV_BADGE = 2;

    /** The filter form's options and the count of all milestones: read again once after a milestone changed. */
    static final int OPTIONS = 1;

    record Cost(long board, long changes, long gates) {}

    static String milestones(int from, int to) {
        return "milestones:\n" + IntStream.range(from, to).mapToObj(i -> """
                  - id: m-%03d
                    name: Milestone %d
                    phase: Phase%d
                    labels: [l%d, common]
                    requiredFeatures: [Feature%d.A, Feature%d.B]
                    gateConditions:
                      - allSprintsClosed
                      - qaCoverageAbove: 90
                      - signal%d
                    governedBy: product-owner
                """.formatted(i, i, i % 4, i % 7, i, i, i % 5)).collect(Collectors.joining());
    }

    /**
     * Waits until no statement has been issued for 300 ms (at most 10 s), so that work an earlier request set off in
     * the background (an import's notifications and outbox) is not counted as the next request's.
     */
    static void quiet() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long seen = -1;
        while (seen != SqlStatements.count() && System.nanoTime() < deadline) {
            seen = SqlStatements.count();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static long statements(Runnable request) {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            quiet();
            long before = SqlStatements.count();
            request.run();
            least = Math.min(least, SqlStatements.count() - before);
        }
        return least;
    }

    static Cost cost(int cards) {
        String board = given().get("/board").then().statusCode(200).extract().asString();
        assertEquals(Math.min(cards, BoardView.LANE_LIMIT), board.split("class=\"slot\"", -1).length - 1,
                "the lane's first cards rendered, the rest a \"show more\" away");
        assertTrue(board.contains("title=\"milestones in this lane\">" + cards + "</span>"), "the lane counts every milestone");
        assertTrue(board.contains("QA no data · needs 90.0%"), "a coverage gate without data yet");
        return new Cost(statements(() -> given().get("/board").then().statusCode(200)),
                statements(() -> BoardFixture.poll(0, "").then().statusCode(200)),
                statements(() -> given().get("/gates").then().statusCode(200)));
    }

    @Test
    void aHundredMilestonesCostNoMoreStatementsThanFive() {
        TestDb.reset();
        Api.importDefinitions(milestones(0, 5)).then().statusCode(200);
        Cost five = cost(5);
        Api.importDefinitions(milestones(5, 100)).then().statusCode(200);
        Cost hundred = cost(100);

        assertTrue(five.board() >= 1, "the counter sees the board's query");
        assertEquals(five, hundred);
        assertEquals(1 + NAV_BADGE, hundred.board(), "the board is one query, plus the navigation's approvals badge and bell");
        assertEquals(1, statements(() -> given().header("HX-Request", "true")
                .get("/board/lanes/planned?after=" + java.time.Instant.EPOCH + "~").then().statusCode(200)), "show more: one query");
        assertEquals(2, hundred.changes(), "changes: the cheap check, then the cards");
        assertEquals(1 + NAV_BADGE, hundred.gates(), "the matrix is one query, plus the badge");
        // A change recorded in the audit trail (here a new milestone defined) makes the badge count again, once. Like
        // statements(), the least of three tries, so that a timer's statement during one of them does not count.
        long first = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            Api.importDefinitions(milestones(100 + i, 101 + i)).then().statusCode(200);
            quiet();
            long before = SqlStatements.count();
            given().get("/board").then().statusCode(200);
            first = Math.min(first, SqlStatements.count() - before);
        }
        assertEquals(1 + OPTIONS + NAV_BADGE + BADGE_COUNT, first, "the first page after a change reads the options and counts the badge");
        assertEquals(1 + NAV_BADGE, statements(() -> given().get("/board").then().statusCode(200)), "the next ones reuse the count");
        // The options read after a change show what changed: a new phase and label are offered at once.
        Api.importDefinitions(milestones(200, 201).replace("phase: Phase0", "phase: Fresh phase").replace("[l4, common]", "[fresh-label, common]"))
                .then().statusCode(200);
        String refreshed = given().get("/board").then().statusCode(200).extract().asString();
        assertTrue(refreshed.contains("<option value=\"Fresh phase\">Fresh phase</option>"), "the new phase is offered");
        assertTrue(refreshed.contains("<option value=\"fresh-label\">fresh-label</option>"), "the new label is offered");
        assertTrue(refreshed.contains("title=\"milestones in this lane\">104</span>"), "the lane counts it");
        BoardFixture.settle();
        long since = BoardFixture.since(given().get("/board").then().extract().asString());
        assertEquals(1, statements(() -> BoardFixture.poll(since, "").then().statusCode(204)), "nothing changed: one indexed query");
    }
}
