package studio.milestone;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * One "show more" of a board lane: the next cards in lane order and, when more follow, the link to them.
 *
 * @param state the lane (a lifecycle state's JSON name)
 */
public record LanePage(String state, BoardFilter filter, List<BoardCard> cards, String nextUrl) {

    /** From the rows read after the last card shown: one more than {@code limit} says that more follow. */
    static LanePage of(String state, BoardFilter filter, List<BoardRow> rows, int limit) {
        return of(state, filter, rows, limit, BoardCard::of);
    }

    /** The same, each card made by {@code cardOf} (the board's {@link BoardCards}, which renders them). */
    static LanePage of(String state, BoardFilter filter, List<BoardRow> rows, int limit, Function<BoardRow, BoardCard> cardOf) {
        List<BoardCard> cards = rows.stream().limit(limit).map(cardOf).toList();
        String next = rows.size() > limit && !cards.isEmpty() ? url(state, LaneKey.of(cards.get(cards.size() - 1)).text(), filter) : null;
        return new LanePage(state, filter, cards, next);
    }

    /** The link that shows a lane's cards after {@code after}, the filters kept. */
    static String url(String state, String after, BoardFilter filter) {
        return "/board/lanes/" + state + "?after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)
                + (filter.active() ? "&" + filter.query() : "");
    }

    public boolean hasMore() {
        return nextUrl != null;
    }

    public String boardUrl() {
        return "/board" + (filter.active() ? "?" + filter.query() : "");
    }
}
