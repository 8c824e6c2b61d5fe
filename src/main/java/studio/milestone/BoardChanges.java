package studio.milestone;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a polling board must redo to show what changed since its cursor, as out-of-band swaps: each changed card that
 * the filter lets through is taken out of wherever it is and put back where it now belongs (after the card that now
 * precedes it in its lane, or first in the lane); a changed card the filter no longer lets through is taken out.
 * Placements come in board order, so a preceding card that changed too is already in place when it is referred to.
 * The same rule covers a card that changed lane, one that changed in place and one that just appeared. A changed
 * card a lane does not show (beyond its first cards) is taken out too: "show more" brings it back where it now is.
 */
public record BoardChanges(List<Placement> placed, List<String> removed, BoardView view) {

    /** A card and the swap that puts it in place ({@code afterend:#slot-x} or {@code afterbegin:#lane-cards-y}). */
    public record Placement(BoardCard card, String swap) {}

    /** The swaps for a poll from {@code since}, as {@link BoardRows#board} read the board for it. */
    public static BoardChanges of(BoardRows.BoardRead read, BoardFilter filter, BoardCursor since) {
        return of(read, filter, since, BoardCard::of);
    }

    /** The same, each card made by {@code cards} (the board's {@link BoardCards}, which renders them). */
    public static BoardChanges of(BoardRows.BoardRead read, BoardFilter filter, BoardCursor since, Function<BoardRow, BoardCard> cards) {
        return since(read.changedSince(), BoardView.of(read, filter, since, cards));
    }

    /** The swaps for the milestones {@code changed} since the browser's cursor, against the board as it is now. */
    public static BoardChanges since(Set<String> changed, BoardView view) {
        List<Placement> placed = new ArrayList<>();
        Set<String> shown = new java.util.HashSet<>();
        for (BoardView.Lane lane : view.lanes()) {
            for (int i = 0; i < lane.cards().size(); i++) {
                BoardCard card = lane.cards().get(i);
                shown.add(card.id());
                if (!changed.contains(card.id())) continue;
                String swap = i == 0 ? "afterbegin:#" + laneCardsId(lane.state())
                        : "afterend:#" + cssId(lane.cards().get(i - 1).slotId());
                placed.add(new Placement(card, swap));
            }
        }
        List<String> removed = changed.stream().filter(id -> !shown.contains(id)).sorted().map(BoardCard::slotId).toList();
        return new BoardChanges(placed, removed, view);
    }

    public static String laneCardsId(String state) {
        return "lane-cards-" + state;
    }

    /** An element id as a CSS selector: milestone ids may hold '.' and ':', which a selector would misread. */
    static String cssId(String id) {
        return id.replace(".", "\\.").replace(":", "\\:");
    }
}
