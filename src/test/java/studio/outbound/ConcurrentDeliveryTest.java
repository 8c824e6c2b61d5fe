package studio.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import studio.testing.TestDb;

/**
 * Several workers at once (as several Studio instances would run them, here eight threads besides the timer) share
 * the queue: no message is delivered twice, none at the same time as itself, and each subject keeps its order.
 */
@QuarkusTest
@ExtendWith(Outbound.Reset.class)
class ConcurrentDeliveryTest {

    static final int MILESTONES = 15;

    @Inject
    Subscriptions subscriptions;
    @Inject
    DeliveryWorker worker;

    @Test
    void eightWorkersDeliverEveryMessageOnceAndInOrderPerSubject() throws Exception {
        try (Receiver a = Receiver.start().delay(Duration.ofMillis(40)); Receiver b = Receiver.start().delay(Duration.ofMillis(40))) {
            a.secret(subscriptions.create(new Subscription(a.url(), ""), Outbound.ADMIN).secret());
            b.secret(subscriptions.create(new Subscription(b.url(), ""), Outbound.ADMIN).secret());
            Outbound.importMilestones("busy", MILESTONES, "First");
            Outbound.importMilestones("busy", MILESTONES, "Second");
            Outbound.importMilestones("busy", MILESTONES, "Third");

            runWorkers(8, () -> TestDb.count("select count(*) from webhook_delivery where state <> 'delivered'") == 0
                    && TestDb.count("select count(*) from webhook_delivery") == 2L * 3 * MILESTONES);

            Map<String, List<String>> recorded = Outbound.strings("select subject || ' ' || (event::jsonb ->> 'id') from outbox order by id")
                    .stream().map(line -> line.split(" ")).collect(Collectors.groupingBy(p -> p[0], Collectors.mapping(p -> p[1], Collectors.toList())));
            assertEquals(MILESTONES, recorded.size());
            for (Receiver r : List.of(a, b)) {
                assertEquals(0, r.overlaps(), "no message was being delivered twice at the same moment");
                List<CloudEvent> got = r.accepted();
                assertEquals(3 * MILESTONES, got.size(), "each message exactly once");
                assertEquals(got.size(), got.stream().map(CloudEvent::id).distinct().count());
                Map<String, List<String>> bySubject = got.stream().collect(Collectors.groupingBy(CloudEvent::subject,
                        Collectors.mapping(CloudEvent::id, Collectors.toList())));
                assertEquals(recorded, bySubject, "per subject, the order in which the events were recorded");
            }
            assertEquals(2L * 3 * MILESTONES, TestDb.count("select count(*) from webhook_attempt"), "one attempt per delivery");
        }
    }

    private void runWorkers(int threads, java.util.function.BooleanSupplier done) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(pool.submit(() -> {
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (!done.getAsBoolean() && System.nanoTime() < deadline) worker.deliverDue();
                }));
            }
            for (Future<?> f : running) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertTrue(done.getAsBoolean(), "not everything was delivered within a minute");
    }
}
