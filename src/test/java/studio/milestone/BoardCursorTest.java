package studio.milestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cursor moves only past changes that had time to commit, so a late commit with a lower number is never skipped. */
class BoardCursorTest {

    static final Instant NOW = Rows.NOW;

    static BoardRow changed(String id, long seq, Instant at) {
        return Rows.row(id, "verifying", at, seq, at);
    }

    @Test
    void movesToTheNewestSettledChange() {
        List<BoardRow> rows = List.of(changed("a", 10, NOW.minusSeconds(60)), changed("b", 12, NOW.minusSeconds(6)));
        assertEquals(new BoardCursor(12), BoardCursor.after(BoardCursor.START, rows, NOW));
    }

    @Test
    void staysBehindChangesYoungerThanTheSettleTimeSoTheyAreSentAgain() {
        List<BoardRow> rows = List.of(changed("a", 10, NOW.minusSeconds(60)), changed("b", 12, NOW.minusSeconds(1)));
        BoardCursor cursor = BoardCursor.after(BoardCursor.START, rows, NOW);
        assertEquals(new BoardCursor(10), cursor);
        assertTrue(cursor.changed(rows.get(1)), "b is sent again on the next poll");
        assertFalse(cursor.changed(rows.get(0)));
    }

    @Test
    void aChangeExactlyAtTheSettleTimeCountsAsSettled() {
        List<BoardRow> rows = List.of(changed("a", 7, NOW.minus(BoardCursor.SETTLE)));
        assertEquals(new BoardCursor(7), BoardCursor.after(BoardCursor.START, rows, NOW));
    }

    @Test
    void neverGoesBack() {
        List<BoardRow> rows = List.of(changed("a", 3, NOW.minusSeconds(60)));
        assertEquals(new BoardCursor(9), BoardCursor.after(new BoardCursor(9), rows, NOW));
        assertEquals(new BoardCursor(0), BoardCursor.after(BoardCursor.START, List.of(), NOW), "an empty board starts at 0");
    }

    @Test
    void aLateCommitWithALowerNumberIsStillAhead() {
        // 11 was shown while 10 had not committed yet: 11 is too young to move the cursor past 10.
        BoardCursor cursor = BoardCursor.after(BoardCursor.START,
                List.of(changed("a", 5, NOW.minusSeconds(60)), changed("c", 11, NOW.minusMillis(200))), NOW);
        assertTrue(cursor.changed(changed("b", 10, NOW.minusMillis(300))));
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
