package studio.milestone;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lanes in lifecycle order; in a lane, the milestone longest in that state first. Read as GET /board reads them. */
@QuarkusTest
class BoardViewTest {

    static final Instant T = Rows.NOW;

    @Inject
    BoardRows board;

    @Test
    void aLanePerStateInLifecycleOrder() {
        BoardTable.holding();
        BoardView view = BoardTable.board(board, BoardFilter.NONE, T);
        assertEquals(List.of("planned", "pending", "verifying", "blocked", "escalated", "reached", "closed", "terminated"),
                view.lanes().stream().map(BoardView.Lane::state).toList());
        assertTrue(view.empty());
        assertTrue(view.lanes().get(7).last());
        assertFalse(view.lanes().get(6).last());
    }

    @Test
    void cardsGoToTheirStatesLaneLongestInStateFirstThenById() {
        BoardTable.holding(Rows.row("b", "blocked", T.minusSeconds(10)), Rows.row("a", "blocked", T.minusSeconds(10)),
                Rows.row("c", "blocked", T.minusSeconds(500)), Rows.row("d", "reached", T));
        BoardView view = BoardTable.board(board, BoardFilter.NONE, T);
        assertAll(
                () -> assertEquals(List.of("c", "a", "b"), ids(view, "blocked")),
                () -> assertEquals(List.of("d"), ids(view, "reached")),
                () -> assertEquals(4, view.shown()),
                () -> assertEquals(4, view.milestonesInAll()));
    }

    @Test
    void theFilterDecidesWhatIsShownButNotTheOptionsOrTheTotal() {
        BoardTable.holding(BoardFilterTest.MVP, BoardFilterTest.SEC);
        BoardView view = BoardTable.board(board, new BoardFilter("Validation", null, null, null), T);
        assertEquals(1, view.shown());
        assertEquals(2, view.milestonesInAll());
        assertEquals(List.of("CoreFeature", "Validation"), view.options().phases());
    }

    @Test
    void theBoardsCursorIsTakenOverAllMilestonesFilteredOrNot() {
        BoardTable.holding(Rows.row("a", "planned", T.minusSeconds(60), 8, T.minusSeconds(60)));
        BoardView view = BoardTable.board(board, new BoardFilter(null, null, null, "nothing"), T);
        assertEquals(new BoardCursor(8), view.cursor());
    }

    static List<String> ids(BoardView view, String state) {
        return view.lanes().stream().filter(l -> l.state().equals(state)).findFirst().orElseThrow()
                .cards().stream().map(BoardCard::id).toList();
    }
}
