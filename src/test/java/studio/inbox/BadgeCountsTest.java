package studio.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    @Test
    void whileOneRequestCountsAPersonsBadgeAgainTheirOtherRequestsShowTheCountItReplaces() throws Exception {
        Actor qa = new Actor("qa-lead", Set.of("qa-lead"));
        assertEquals(2, count(qa, "head-1", 2));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> badges.of(qa, "head-2", () -> {
            counted.incrementAndGet();
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 5;
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        assertEquals(2, count(qa, "head-2", 9), "another request meanwhile: the previous count, not a second count");
        assertEquals(2, counted.get());
        Actor po = new Actor("po", Set.of("product-owner"));
        assertEquals(4, count(po, "head-2", 4), "someone with no count yet counts their own");
        release.countDown();
        assertEquals(5, slow.get(10, TimeUnit.SECONDS));
        assertEquals(5, count(qa, "head-2", 9), "the new count is kept");
        assertEquals(3, counted.get());
        assertEquals(8, count(qa, "head-3", 8), "once it is done, the next change is counted again");
    }
}
