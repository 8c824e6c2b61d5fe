package studio.web;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers shown on pages (a badge count, who may decide an item) worked out once and reused for a few seconds. An
 * answer is reused only while the audit trail's head is the one it was worked out at (every request, approval and
 * decision appends to the trail, on any instance) and for at most {@code ttlNanos} (what time alone changes, such as
 * an approval expiring). Such answers are for looking at, never controls: every decision reads the database itself.
 * <p>
 * One request at a time works an answer out again. While it does, other requests for the same key (a second tab, htmx
 * polls, other people on the same page) get the answer it replaces instead of all running the same queries at once;
 * only a key with no answer yet waits for its own. Bounded: past {@code capacity} keys it starts again empty.
 */
public final class AsOfHead<K, V> {

    private record Answer<V>(String head, long at, V value) {}

    private final Map<K, Answer<V>> answers = new ConcurrentHashMap<>();
    /** The keys a request is working out again now. */
    private final Set<K> working = ConcurrentHashMap.newKeySet();
    private final long ttlNanos;
    private final int capacity;

    public AsOfHead(long ttlNanos, int capacity) {
        this.ttlNanos = ttlNanos;
        this.capacity = capacity;
    }

    /** @param head the audit trail's head now (its hash) */
    public V get(K key, String head, Supplier<V> workOut) {
        long now = System.nanoTime();
        Answer<V> known = answers.get(key);
        if (known != null && known.head().equals(head) && now - known.at() < ttlNanos) return known.value();
        if (known != null && !working.add(key)) return known.value(); // another request is working it out now
        try {
            V value = workOut.get();
            if (answers.size() >= capacity) answers.clear();
            answers.put(key, new Answer<>(head, now, value));
            return value;
        } finally {
            if (known != null) working.remove(key);
        }
    }
}
