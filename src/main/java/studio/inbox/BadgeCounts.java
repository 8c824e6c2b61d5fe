package studio.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import studio.governance.Actor;

/**
 * The navigation's approvals badge, counted once per person and reused for a few seconds: every page shows it, and
 * counting runs the inbox's queries and policies. A count is reused only while the audit trail's head is the one it
 * was counted at (every request, approval and decision appends to the trail, on any instance) and for at most
 * {@link #TTL_NANOS} (what time alone changes, such as an approval expiring). The badge is a count to look at, never
 * a control: the inbox page and every decision read the database themselves.
 * <p>
 * One request at a time counts a person's badge again. While it counts, that person's other requests (a second tab,
 * htmx polls, the page's fragments) show the count it replaces instead of all running the same queries at once; only a
 * person with no count yet waits for their own.
 */
@ApplicationScoped
public class BadgeCounts {

    static final long TTL_NANOS = 5_000_000_000L;
    private static final int MAX_PEOPLE = 10_000;

    private record Count(String head, long at, long value) {}

    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    /** The people whose badge a request is counting again now. */
    private final Set<String> counting = ConcurrentHashMap.newKeySet();

    /** @param head the audit trail's head now (its hash) */
    public long of(Actor actor, String head, LongSupplier count) {
        String key = actor.name() + "|" + String.join(",", new TreeSet<>(actor.roles()));
        long now = System.nanoTime();
        Count known = counts.get(key);
        if (known != null && known.head().equals(head) && now - known.at() < TTL_NANOS) return known.value();
        if (known != null && !counting.add(key)) return known.value(); // another request is counting it now
        try {
            long value = count.getAsLong();
            if (counts.size() >= MAX_PEOPLE) counts.clear();
            counts.put(key, new Count(head, now, value));
            return value;
        } finally {
            if (known != null) counting.remove(key);
        }
    }
}
