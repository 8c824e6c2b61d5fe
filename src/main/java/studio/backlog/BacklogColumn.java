package studio.backlog;

import java.util.List;

/**
 * One status column of a milestone group.
 *
 * @param count how many features of the group have this status (under the filters)
 * @param next  where the next cards start, null when every card is shown
 */
public record BacklogColumn(String status, long count, List<FeatureCard> cards, CardCursor next) {

    public BacklogColumn {
        cards = List.copyOf(cards);
    }

    /** Cards not shown after this page, when the column was read from its start. */
    public long remaining() {
        return Math.max(0, count - cards.size());
    }
}
