package studio.milestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cursor moves only past changes that had time to commit, so a late commit with a lower number is never skipped.
 * The board is read as GET /board and GET /board/changes read it, from milestone rows written to the test database.
 */
@QuarkusTest
class BoardCursorTest {

    static final Instant NOW = Rows.NOW;

    @Inject
    BoardRows board;

    static BoardRow changed(String id, long seq, Instant at) {
        return Rows.row(id, "verifying", at, seq, at);
    }

    /** The cursor a board read at NOW hands its poller. */
    BoardCursor cursor() {
        return BoardTable.board(board, BoardFilter.NONE, NOW).cursor();
    }

    /** The cards the next poll from {@code since} sends again. */
    List<String> sentAgain(BoardCursor since) {
        return BoardTable.changes(board, since, BoardFilter.NONE, NOW).placed().stream().map(p -> p.card().id()).toList();
    }

    @Test
    void movesToTheNewestSettledChange() {
        BoardTable.holding(changed("a", 10, NOW.minusSeconds(60)), changed("b", 12, NOW.minusSeconds(6)));
        assertEquals(new BoardCursor(12), cursor());
    }

    @Test
    void staysBehindChangesYoungerThanTheSettleTimeSoTheyAreSentAgain() {
        BoardTable.holding(changed("a", 10, NOW.minusSeconds(60)), changed("b", 12, NOW.minusSeconds(1)));
        BoardCursor cursor = cursor();
        assertEquals(new BoardCursor(10), cursor);
        assertTrue(sentAgain(cursor).contains("b"), "b is sent again on the next poll");
        assertFalse(sentAgain(cursor).contains("a"));
    }

    @Test
    void aChangeExactlyAtTheSettleTimeCountsAsSettled() {
        BoardTable.holding(changed("a", 7, NOW.minus(BoardCursor.SETTLE)));
        assertEquals(new BoardCursor(7), cursor());
    }

    @Test
    void neverGoesBack() {
        BoardTable.holding(changed("a", 3, NOW.minusSeconds(60)));
        assertEquals(new BoardCursor(9), BoardTable.changes(board, new BoardCursor(9), BoardFilter.NONE, NOW).view().cursor());
        BoardTable.holding();
        assertEquals(new BoardCursor(0), cursor(), "an empty board starts at 0");
    }

    @Test
    void aLateCommitWithALowerNumberIsStillAhead() {
        // 11 was shown while 10 had not committed yet: 11 is too young to move the cursor past 10.
        BoardTable.holding(changed("a", 5, NOW.minusSeconds(60)), changed("c", 11, NOW.minusMillis(200)));
        BoardCursor cursor = cursor();
        BoardTable.add(changed("b", 10, NOW.minusMillis(300)));
        assertTrue(sentAgain(cursor).contains("b"));
    }

    @Test
    void theBrowsersCursorIsReadLeniently() {
        assertEquals(new BoardCursor(42), BoardCursor.parse(" 42 "));
        assertEquals(BoardCursor.START, BoardCursor.parse(null));
        assertEquals(BoardCursor.START, BoardCursor.parse("abc"), "unreadable: everything is sent again");
        assertEquals(BoardCursor.START, BoardCursor.parse("-5"));
        assertEquals(BoardCursor.START, BoardCursor.parse("99999999999999999999"));
    }

    @Test
    void behindMeansSomethingNewerExists() {
        assertTrue(new BoardCursor(4).behind(5));
        assertFalse(new BoardCursor(5).behind(5));
    }
}
