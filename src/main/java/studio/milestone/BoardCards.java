package studio.milestone;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import studio.format.Durations;
import studio.web.RenderedOnce;

/**
 * The board's cards, rendered once and kept until something they show changes. A board request reads its rows (one
 * query) and, for each card, compares what the card shows (name, state and time in it, the stored gate report's
 * text, pause, ...) with what was rendered last: unchanged cards cost a map lookup and a string comparison instead of
 * parsing the report and running the template. The key is everything the card is rendered from, not the row's change
 * number, so a write that forgot to advance change_seq still shows on the next board. The card's "3 h in state" is part
 * of the key as well, so a card is rendered again when that text moves on (at most once a minute).
 *
 * <p>Per instance and bounded: when it holds {@link #CAPACITY} cards it starts again empty (a board shows at most
 * fifteen cards per lane, so a full map means lanes were paged through, not that the board needs them all).
 */
public final class BoardCards implements Function<BoardRow, BoardCard> {

    static final int CAPACITY = 4096;

    /** Everything a card is rendered from. */
    private record Shown(String title, String state, Instant stateSince, String inState, String versionTag, String governedBy,
                         List<String> requiredFeatures, String report, String paused) {

        static Shown of(BoardRow row, Instant now) {
            return new Shown(row.title(), row.state(), row.stateSince(), Durations.since(row.stateSince(), now), row.versionTag(),
                    row.governedBy(), row.requiredFeatures(), row.summary().text(), row.paused());
        }
    }

    private final RenderedOnce<String, Shown, BoardCard> kept = new RenderedOnce<>(CAPACITY);
    private final Function<BoardCard, String> render;

    /** {@code render}: the card's HTML (the board template's card fragment). */
    public BoardCards(Function<BoardCard, String> render) {
        this.render = render;
    }

    /** The row's card with its HTML: the one kept when nothing it shows changed, else rendered now. */
    @Override
    public BoardCard apply(BoardRow row) {
        return kept.get(row.id(), Shown.of(row, Instant.now()), () -> {
            BoardCard card = BoardCard.of(row);
            return card.rendered(render.apply(card));
        });
    }

    /** Cards kept (for tests). */
    int size() {
        return kept.size();
    }
}
