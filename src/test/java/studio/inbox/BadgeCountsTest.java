package studio.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import studio.governance.Actor;

class BadgeCountsTest {

    private final BadgeCounts badges = new BadgeCounts();
    private final AtomicLong counted = new AtomicLong();

    private long count(Actor who, String head, long value) {
        return badges.of(who, head, () -> {
            counted.incrementAndGet();
            return value;
        });
    }

    @Test
    void aCountIsReusedOnlyWhileTheAuditHeadIsTheSameAndOnlyForItsPerson() {
        Actor qa = new Actor("qa-lead", Set.of("qa-lead"));
        assertEquals(2, count(qa, "head-1", 2));
        assertEquals(2, count(qa, "head-1", 7), "nothing was recorded since: the count is reused");
        assertEquals(1, counted.get());
        assertEquals(7, count(qa, "head-2", 7), "a request, approval or decision was recorded: counted again");
        assertEquals(0, count(new Actor("qa-lead", Set.of("qa-lead", "product-owner")), "head-2", 0), "other roles, another count");
        assertEquals(3, counted.get());
    }
}
