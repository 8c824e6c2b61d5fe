package studio.milestone;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The milestone board: one lane per lifecycle state, in lifecycle order, each holding the cards of the milestones
 * the filter lets through. Within a lane the milestone longest in that state comes first, so a card that just
 * entered a lane goes last.
 *
 * @param milestonesInAll how many milestones exist, filtered or not (0: the board explains how to import)
 */
public record BoardView(List<Lane> lanes, BoardFilter filter, BoardFilter.Options options, BoardCursor cursor,
                        int milestonesInAll) {

    /** A lane: a lifecycle state and its cards. */
    public record Lane(String state, List<BoardCard> cards) {

        public int count() {
            return cards.size();
        }

        /** Terminated is the end of the road: shown last and narrow. */
        public boolean last() {
            return MilestoneState.TERMINATED.json().equals(state);
        }
    }

    /** Lane order: lifecycle state, then longest in that state first, then id. */
    public static final Comparator<BoardRow> ORDER = Comparator.<BoardRow>comparingInt(r -> stateOf(r).ordinal())
            .thenComparing(BoardRow::stateSince).thenComparing(BoardRow::id);

    public static BoardView of(List<BoardRow> rows, BoardFilter filter, BoardCursor cursor) {
        Map<MilestoneState, List<BoardCard>> byState = new EnumMap<>(MilestoneState.class);
        for (MilestoneState s : MilestoneState.values()) byState.put(s, new ArrayList<>());
        rows.stream().filter(filter::matches).sorted(ORDER).forEach(r -> byState.get(stateOf(r)).add(BoardCard.of(r)));
        List<Lane> lanes = byState.entrySet().stream().map(e -> new Lane(e.getKey().json(), List.copyOf(e.getValue()))).toList();
        return new BoardView(lanes, filter, BoardFilter.options(rows), cursor, rows.size());
    }

    /** The board as read at {@code now}: every card, and a cursor for the live updates that follow. */
    public static BoardView at(List<BoardRow> rows, BoardFilter filter, Instant now) {
        return of(rows, filter, BoardCursor.after(BoardCursor.START, rows, now));
    }

    public boolean empty() {
        return milestonesInAll == 0;
    }

    public int shown() {
        return lanes.stream().mapToInt(Lane::count).sum();
    }

    static MilestoneState stateOf(BoardRow row) {
        return MilestoneState.valueOf(row.state().toUpperCase(Locale.ROOT));
    }
}
