package studio.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Pieces of a page rendered once and reused while what they show is unchanged: the board's cards, the timeline's rows.
 * Each piece is kept under its key with what it was rendered from ({@code shown}); a request that brings an equal
 * {@code shown} gets the kept piece, any other renders it again. The comparison is on what the piece shows, never on a
 * change number alone, so a write that forgot to advance one still shows on the next page.
 *
 * <p>Per instance and bounded: when it holds {@code capacity} pieces it starts again empty (a page shows a few dozen;
 * a full map means many pages were read, not that any page needs them all).
 *
 * @param <K> what names a piece (a milestone id, an event's seq)
 * @param <S> everything the piece is rendered from, with equals
 * @param <V> the rendered piece
 */
public final class RenderedOnce<K, S, V> {

    private record Kept<S, V>(S shown, V piece) {}

    private final ConcurrentHashMap<K, Kept<S, V>> kept = new ConcurrentHashMap<>();
    private final int capacity;

    public RenderedOnce(int capacity) {
        this.capacity = capacity;
    }

    /** The piece kept for {@code key} when it was rendered from an equal {@code shown}, else {@code render}'s, kept now. */
    public V get(K key, S shown, Supplier<V> render) {
        Kept<S, V> k = kept.get(key);
        if (k != null && k.shown().equals(shown)) return k.piece();
        V piece = render.get();
        if (kept.size() >= capacity) kept.clear();
        kept.put(key, new Kept<>(shown, piece));
        return piece;
    }

    /** Pieces kept (for tests). */
    public int size() {
        return kept.size();
    }
}
