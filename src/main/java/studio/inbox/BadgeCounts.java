package studio.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import studio.governance.Actor;
import studio.web.AsOfHead;

/**
 * The navigation's approvals badge, counted once per person and reused for a few seconds ({@link AsOfHead}: while the
 * audit trail's head holds, for at most {@link #TTL_NANOS}): every page shows it, and counting runs the inbox's
 * queries and policies. The badge is a count to look at, never a control: the inbox page and every decision read the
 * database themselves.
 */
@ApplicationScoped
public class BadgeCounts {

    static final long TTL_NANOS = 5_000_000_000L;
    private static final int MAX_PEOPLE = 10_000;

    private final AsOfHead<String, Long> counts = new AsOfHead<>(TTL_NANOS, MAX_PEOPLE);

    /** @param head the audit trail's head now (its hash) */
    public long of(Actor actor, String head, LongSupplier count) {
        String key = actor.name() + "|" + String.join(",", new TreeSet<>(actor.roles()));
        return counts.get(key, head, count::getAsLong);
    }
}
