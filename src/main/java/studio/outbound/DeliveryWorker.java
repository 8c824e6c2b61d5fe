package studio.outbound;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers what is due, on a timer (every second by default) and right after a transaction that wrote outbox rows
 * commits. Any number of instances and threads may run it at once: the queue hands each due delivery to one of them.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** Rounds per run: each round can free the next event of every subject just delivered. */
    private static final int ROUNDS = 20;

    @Inject
    DeliveryQueue queue;
    @Inject
    WebhookSender sender;
    @Inject
    WebhookMetrics metrics;

    @ConfigProperty(name = "studio.webhooks.batch-size", defaultValue = "32")
    int batchSize;

    private final Nudge nudges = new Nudge("studio-webhook-nudge", this::deliverDue);

    @Scheduled(identity = "webhook-delivery", every = "${studio.webhooks.deliver-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        deliverDue();
    }

    /** Asks for a run soon, without waiting for the timer; several nudges before it starts make one run. */
    public void nudge() {
        nudges.nudge();
    }

    /** Fans out new events, then attempts due deliveries until none is left; answers how many attempts it made. */
    public int deliverDue() {
        try {
            while (queue.fanOut(1000) > 0) {
                // keep going: a burst of events is fanned out before delivering
            }
            int attempts = 0;
            for (int round = 0; round < ROUNDS; round++) {
                List<Claimed> claimed = queue.claim(batchSize);
                if (claimed.isEmpty()) break;
                attempts += attempt(claimed);
            }
            return attempts;
        } catch (RuntimeException e) {
            LOG.warnf(e, "webhook delivery run failed; due deliveries are retried on the next run");
            metrics.runFailed();
            return 0;
        }
    }

    /** Posts the claimed deliveries in parallel (at most one per subject), then records each result. */
    private int attempt(List<Claimed> claimed) {
        List<CompletableFuture<AttemptResult>> results = new ArrayList<>();
        List<Instant> started = new ArrayList<>();
        for (Claimed c : claimed) {
            started.add(Instant.now());
            results.add(sender.send(c));
        }
        for (int i = 0; i < claimed.size(); i++) {
            metrics.attempted(queue.record(claimed.get(i), results.get(i).join(), started.get(i))); // counted once committed
        }
        return claimed.size();
    }

    @PreDestroy
    void stop() {
        nudges.stop();
    }
}
