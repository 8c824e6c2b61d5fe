package studio.milestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A card is rendered again exactly when something it shows changed; otherwise the board reuses its HTML. */
class BoardCardsTest {

    final List<String> rendered = new ArrayList<>();
    final BoardCards cards = new BoardCards(card -> {
        rendered.add(card.id());
        return "<article>" + card.id() + " " + card.state() + " " + card.gatesSatisfied() + "/" + card.gatesTotal()
                + (card.paused() == null ? "" : " " + card.paused()) + "</article>";
    });

    static BoardRow row(String state, String report, String paused, long changeSeq) {
        BoardRow r = Rows.reported("m1", List.of("BookingFlow"), report);
        return new BoardRow(r.id(), r.name(), r.description(), r.phase(), r.owner(), r.governedBy(), r.labels(), r.versionTag(),
                state, r.stateSince(), r.updatedAt(), changeSeq, r.requiredFeatures(), BoardRow.Summary.of(r.summary().text()), paused);
    }

    @Test
    void anUnchangedCardIsRenderedOnceAndItsReportNotParsedAgain() {
        BoardCard first = cards.apply(row("blocked", BoardCardTest.REPORT, null, 1));
        BoardRow again = row("blocked", BoardCardTest.REPORT, null, 1);
        BoardCard second = cards.apply(again);
        assertSame(first, second);
        assertEquals(List.of("m1"), rendered);
        assertEquals("<article>m1 blocked 2/5</article>", second.html().toString());
        assertFalse(again.summary().parsed(), "the second row's report text was compared, never parsed");
    }

    @Test
    void aNewReportAStateChangeOrAPauseRendersTheCardAgain() {
        cards.apply(row("blocked", BoardCardTest.REPORT, null, 1));
        BoardCard passed = cards.apply(row("blocked", BoardCardTest.REPORT.replace("'failed'", "'passed'"), null, 2));
        assertEquals("<article>m1 blocked 3/5</article>", passed.html().toString(), "the new report shows");
        BoardCard verifying = cards.apply(row("verifying", BoardCardTest.REPORT.replace("'failed'", "'passed'"), null, 3));
        assertEquals("<article>m1 verifying 3/5</article>", verifying.html().toString());
        BoardCard paused = cards.apply(row("verifying", BoardCardTest.REPORT.replace("'failed'", "'passed'"), "Paused by po: audit", 4));
        assertEquals("<article>m1 verifying 3/5 Paused by po: audit</article>", paused.html().toString());
        assertEquals(4, rendered.size());
    }

    @Test
    void aChangeTheCardDoesNotShowKeepsItsHtmlAndAChangeItShowsIsNeverMissedForWantOfAChangeNumber() {
        BoardCard first = cards.apply(row("blocked", BoardCardTest.REPORT, null, 1));
        assertSame(first, cards.apply(row("blocked", BoardCardTest.REPORT, null, 7)), "a new change number alone: same card");
        BoardCard moved = cards.apply(row("reached", BoardCardTest.REPORT, null, 1));
        assertNotSame(first, moved, "same change number, another state: rendered again");
        assertEquals("<article>m1 reached 2/5</article>", moved.html().toString());
    }

    @Test
    void theTimeInStateIsPartOfWhatACardShows() {
        BoardRow r = row("blocked", BoardCardTest.REPORT, null, 1);
        BoardRow older = new BoardRow(r.id(), r.name(), r.description(), r.phase(), r.owner(), r.governedBy(), r.labels(),
                r.versionTag(), r.state(), Instant.now().minusSeconds(7200), r.updatedAt(), 1, r.requiredFeatures(), r.summary(), null);
        cards.apply(r);
        cards.apply(older);
        assertEquals(2, rendered.size(), "entered 2 h ago is another card than entered at NOW");
    }
}
