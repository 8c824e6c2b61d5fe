package studio.milestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A changed card is put back exactly where a fresh board would show it; one the filter drops is taken out. The rows
 * are written to the test database and the changes read as GET /board/changes reads them.
 */
@QuarkusTest
class BoardChangesTest {

    static final Instant T = Rows.NOW;
    static final BoardCursor CURSOR = new BoardCursor(10);

    @Inject
    BoardRows board;

    static BoardRow row(String id, String state, long secondsInState, long seq) {
        return Rows.row(id, state, T.minusSeconds(secondsInState), seq, T.minusSeconds(Math.min(secondsInState, 1)));
    }

    static List<String> placed(BoardChanges c) {
        return c.placed().stream().map(p -> p.card().id() + " " + p.swap()).toList();
    }

    BoardChanges changes(List<BoardRow> rows, BoardFilter filter) {
        BoardTable.holding(rows.toArray(BoardRow[]::new));
        return BoardTable.changes(board, CURSOR, filter, T);
    }

    @Test
    void nothingAboveTheCursorNothingToDo() {
        BoardChanges c = changes(List.of(row("a", "blocked", 60, 9), row("b", "verifying", 60, 10)), BoardFilter.NONE);
        assertTrue(c.placed().isEmpty());
        assertTrue(c.removed().isEmpty());
    }

    @Test
    void aCardThatEnteredAnEmptyLaneGoesFirstInIt() {
        BoardChanges c = changes(List.of(row("a", "blocked", 1, 11), row("b", "verifying", 60, 3)), BoardFilter.NONE);
        assertEquals(List.of("a afterbegin:#lane-cards-blocked"), placed(c));
    }

    @Test
    void aCardThatEnteredALaneGoesAfterTheCardsLongerInIt() {
        BoardChanges c = changes(List.of(row("old", "blocked", 600, 4), row("new", "blocked", 1, 12)), BoardFilter.NONE);
        assertEquals(List.of("new afterend:#slot-old"), placed(c));
    }

    @Test
    void aCardChangedInPlaceGoesBackWhereItWas() {
        BoardChanges c = changes(List.of(row("a", "blocked", 600, 4), row("b", "blocked", 300, 11), row("c", "blocked", 100, 5)),
                BoardFilter.NONE);
        assertEquals(List.of("b afterend:#slot-a"), placed(c));
    }

    @Test
    void severalChangesInALaneArePlacedInBoardOrderSoEachPredecessorIsAlreadyThere() {
        BoardChanges c = changes(List.of(row("x", "reached", 30, 11), row("y", "reached", 20, 14), row("z", "reached", 10, 13)),
                BoardFilter.NONE);
        assertEquals(List.of("x afterbegin:#lane-cards-reached", "y afterend:#slot-x", "z afterend:#slot-y"), placed(c));
    }

    @Test
    void aPredecessorWhoseIdHoldsDotsAndColonsIsASelectorThatStillFindsIt() {
        BoardChanges c = changes(List.of(row("phase.1:core", "blocked", 600, 4), row("b", "blocked", 1, 11)), BoardFilter.NONE);
        assertEquals(List.of("b afterend:#slot-phase\\.1\\:core"), placed(c));
    }

    @Test
    void aChangedCardTheFilterNoLongerLetsThroughIsTakenOut() {
        BoardRow mvp = BoardFilterTest.MVP;
        BoardRow relabelled = new BoardRow(mvp.id(), mvp.name(), mvp.description(), mvp.phase(), mvp.owner(), mvp.governedBy(),
                List.of("later"), mvp.versionTag(), mvp.state(), mvp.stateSince(), mvp.updatedAt(), 11, List.of(), null);
        BoardChanges c = changes(List.of(relabelled), new BoardFilter(null, null, "mvp", null));
        assertTrue(c.placed().isEmpty());
        assertEquals(List.of("slot-mvp-ready"), c.removed());
    }

    @Test
    void aChangedCardBeyondTheLanesFirstCardsIsTakenOutAndShowMoreBringsItBack() {
        List<BoardRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < BoardView.LANE_LIMIT + 5; i++) rows.add(row("m" + (100 + i), "blocked", 1000 - i, i == BoardView.LANE_LIMIT + 2 ? 20 : 3));
        BoardChanges c = changes(rows, BoardFilter.NONE);
        assertTrue(c.placed().isEmpty(), "not shown, so not placed");
        assertEquals(List.of("slot-m" + (100 + BoardView.LANE_LIMIT + 2)), c.removed());
        assertEquals(BoardView.LANE_LIMIT + 5, c.view().lanes().stream().filter(l -> l.state().equals("blocked")).findFirst().orElseThrow().count());
    }
}
