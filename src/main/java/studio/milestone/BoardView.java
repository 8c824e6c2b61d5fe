package studio.milestone;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import studio.format.Names;
import studio.governance.MilestoneState;

/**
 * The milestone board: one lane per lifecycle state, in lifecycle order, each holding the cards of the milestones
 * the filter lets through. Within a lane the milestone longest in that state comes first, so a card that just
 * entered a lane goes last. A lane shows its first {@link #LANE_LIMIT} cards and counts all of them; the rest are
 * a "show more" away (keyset by the last card shown), so a board of a thousand milestones is as light as one of forty.
 *
 * @param milestonesInAll how many milestones exist, filtered or not (0: the board explains how to import)
 */
public record BoardView(List<Lane> lanes, BoardFilter filter, BoardFilter.Options options, BoardCursor cursor,
                        int milestonesInAll) {

    /** Cards a lane shows at first (and per "show more"). */
    public static final int LANE_LIMIT = 15;

    /** A lane: a lifecycle state, the cards it shows and how many milestones it holds in all (the filter applied). */
    public record Lane(String state, List<BoardCard> cards, int count) {

        public Lane(String state, List<BoardCard> cards) {
            this(state, cards, cards.size());
        }

        /** Milestones of this lane not shown yet. */
        public int more() {
            return Math.max(0, count - cards.size());
        }

        /** How many one "show more" adds. */
        public int nextCount() {
            return Math.min(more(), LANE_LIMIT);
        }

        /** Where "show more" resumes: after the last card shown (its time in state, then its id). */
        public String after() {
            return cards.isEmpty() ? "" : LaneKey.of(cards.get(cards.size() - 1)).text();
        }

        /** Terminated is the end of the road: shown last and narrow. */
        public boolean last() {
            return MilestoneState.TERMINATED.json().equals(state);
        }
    }

    /** Lane order: lifecycle state, then longest in that state first, then id. */
    public static final Comparator<BoardRow> ORDER = Comparator.<BoardRow>comparingInt(r -> stateOf(r).ordinal())
            .thenComparing(BoardRow::stateSince).thenComparing(BoardRow::id);

    /**
     * The board as {@link BoardRows#board} read it: only the shown rows, with each lane's count. Its cursor is
     * {@code since} moved past the newest change the read saw settled, so the live updates resume from there.
     */
    public static BoardView of(BoardRows.BoardRead read, BoardFilter filter, BoardCursor since) {
        return of(read, filter, since, BoardCard::of);
    }

    /** The same, each card made by {@code cards} (the board's {@link BoardCards}, which renders them). */
    public static BoardView of(BoardRows.BoardRead read, BoardFilter filter, BoardCursor since, Function<BoardRow, BoardCard> cards) {
        return new BoardView(lanes(read.shown(), read.laneTotals(), cards), filter, read.options(), since.next(read.settledChange()),
                read.milestonesInAll());
    }

    /** A lane per state in lifecycle order: the first {@link #LANE_LIMIT} of its rows as cards, with its count. */
    private static List<Lane> lanes(List<BoardRow> rows, Map<String, Integer> counts, Function<BoardRow, BoardCard> cards) {
        Map<MilestoneState, List<BoardCard>> byState = new EnumMap<>(MilestoneState.class);
        for (MilestoneState s : MilestoneState.values()) byState.put(s, new ArrayList<>());
        rows.stream().sorted(ORDER).forEach(r -> {
            List<BoardCard> lane = byState.get(stateOf(r));
            if (lane.size() < LANE_LIMIT) lane.add(cards.apply(r));
        });
        return byState.entrySet().stream().map(e -> new Lane(e.getKey().json(), List.copyOf(e.getValue()),
                counts.getOrDefault(e.getKey().json(), 0))).toList();
    }

    /** The "show more" link of a lane: its cards after the last one shown, with this view's filters. */
    public String moreUrl(Lane lane) {
        return LanePage.url(lane.state(), lane.after(), filter);
    }

    public boolean empty() {
        return milestonesInAll == 0;
    }

    /** Milestones the filter lets through (shown or a "show more" away). */
    public int shown() {
        return lanes.stream().mapToInt(Lane::count).sum();
    }

    static MilestoneState stateOf(BoardRow row) {
        return Names.parse(MilestoneState.class, row.state());
    }
}
