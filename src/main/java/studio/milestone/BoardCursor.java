package studio.milestone;

import java.time.Duration;

/**
 * Where a board's live updates resume: every milestone row whose change_seq is above {@code seq} is sent again.
 *
 * <p>Why not simply the highest change_seq rendered: a transaction takes its change_seq number before it commits, so
 * a row numbered 10 can become visible after a row numbered 11 was already shown. A cursor at 11 would skip it for
 * good. The cursor therefore only moves past rows that changed at least {@link #SETTLE} ago, by which time the
 * transactions that numbered them have committed; rows changed more recently are simply sent again on the next poll
 * (re-rendering an unchanged card is harmless). This needs no shared state, so it works across instances.
 */
public record BoardCursor(long seq) {

    /** How long a change may take from numbering to commit and still never be missed. */
    public static final Duration SETTLE = Duration.ofSeconds(5);

    public static final BoardCursor START = new BoardCursor(0);

    /** This cursor moved past {@code settledChange}, the newest change a read saw settled; never moved back. */
    public BoardCursor next(long settledChange) {
        return new BoardCursor(Math.max(seq, settledChange));
    }

    /** A cursor as the browser sends it back; anything unreadable starts over (everything is sent again). */
    public static BoardCursor parse(String since) {
        try {
            return since == null ? START : new BoardCursor(Math.max(0, Long.parseLong(since.strip())));
        } catch (NumberFormatException e) {
            return START;
        }
    }

    public boolean behind(long latestChange) {
        return latestChange > seq;
    }
}
