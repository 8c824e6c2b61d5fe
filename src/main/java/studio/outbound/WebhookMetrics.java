package studio.outbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import studio.persistence.DatabaseFigures;

/**
 * Webhook delivery on /q/metrics: webhook_delivery_attempts_total{outcome="delivered|retry|dead"} (each recorded
 * attempt, by what became of its delivery), webhook_delivery_run_failures_total (delivery runs that failed as a whole,
 * e.g. the database was unreachable), and from the database at each scrape webhook_dead_letters (deliveries given up
 * on and not redelivered: a person has to look) and webhook_deliveries_pending with
 * webhook_delivery_oldest_pending_seconds (the outbox backlog and its age).
 */
@Startup
@ApplicationScoped
public class WebhookMetrics {

    private static final String QUEUE = """
            select state, count(*) from webhook_delivery where state in ('pending', 'dead') group by state
            union all
            select 'pending.oldest', extract(epoch from now() - min(created_at)) from webhook_delivery where state = 'pending'""";

    @Inject
    MeterRegistry registry;
    @Inject
    DataSource db;

    private Map<Class<? extends DeliveryRule.Next>, Counter> attempts;
    private Counter runFailures;

    @PostConstruct
    void register() {
        attempts = Map.of(DeliveryRule.Next.Delivered.class, attempts("delivered"), DeliveryRule.Next.RetryAt.class, attempts("retry"),
                DeliveryRule.Next.DeadLetter.class, attempts("dead"));
        runFailures = Counter.builder("webhook.delivery.run.failures").description("Delivery runs that failed as a whole").register(registry);
        DatabaseFigures queue = new DatabaseFigures(db, QUEUE);
        Gauge.builder("webhook.dead.letters", queue, f -> f.get("dead")).strongReference(true)
                .description("Deliveries given up on after the last attempt, not redelivered").register(registry);
        Gauge.builder("webhook.deliveries.pending", queue, f -> f.get("pending")).strongReference(true)
                .description("Deliveries waiting for their first or next attempt").register(registry);
        Gauge.builder("webhook.delivery.oldest.pending.seconds", queue, f -> f.get("pending.oldest")).strongReference(true)
                .description("Age of the oldest delivery still pending (0 when none is)").register(registry);
    }

    private Counter attempts(String outcome) {
        return Counter.builder("webhook.delivery.attempts").tag("outcome", outcome)
                .description("Webhook delivery attempts, by what became of the delivery").register(registry);
    }

    void attempted(DeliveryRule.Next next) {
        attempts.get(next.getClass()).increment();
    }

    void runFailed() {
        runFailures.increment();
    }
}
