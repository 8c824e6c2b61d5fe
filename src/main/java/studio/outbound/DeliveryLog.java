package studio.outbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import studio.persistence.Row;
import studio.persistence.Rows;

/**
 * What the admin pages read about deliveries: subscribers (webhooks or chat channels) with their queue counts (one
 * query), a subscriber's attempts newest first by keyset on the attempt id, and its dead letters. Every list is bounded.
 */
@ApplicationScoped
public class DeliveryLog {

    public static final int PAGE = 50;

    /** A subscriber as the list shows it. */
    public record Subscriber(Webhook webhook, long pending, long delivered, long dead, Instant lastDeliveredAt) {

        /** {@code hook}, the subscriber as its API writes it, with the queue counts the API lists. */
        public ObjectNode counted(ObjectNode hook) {
            return hook.put("pending", pending).put("delivered", delivered).put("dead", dead);
        }
    }

    public record Attempt(long id, long deliveryId, String eventType, String subject, Instant attemptedAt, Integer statusCode,
                          String error, int durationMs) {
        public boolean isDelivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /** @param next the id to continue after ("older"), null on the last page */
    public record Attempts(List<Attempt> items, Long next) {}

    public record DeadLetter(long deliveryId, String eventType, String subject, String eventId, int attempts, String lastError,
                             Instant createdAt) {}

    @Inject
    EntityManager em;

    /** The CloudEvents subscribers, or the chat channels, oldest first. */
    public List<Subscriber> subscribers(boolean chat) {
        List<Webhook> hooks = Webhook.list((chat ? "format <> ?1" : "format = ?1") + " order by id", DeliveryFormat.CLOUDEVENTS.json());
        if (hooks.isEmpty()) return List.of();
        List<Row> rows = Rows.list(em, """
                select webhook_id, count(*) filter (where state = 'pending') as pending,
                       count(*) filter (where state = 'delivered') as delivered, count(*) filter (where state = 'dead') as dead,
                       max(delivered_at) as last_delivered_at
                from webhook_delivery group by webhook_id""", r -> r);
        return hooks.stream().map(w -> rows.stream().filter(r -> r.number("webhook_id").equals(w.id)).findFirst()
                .map(r -> new Subscriber(w, r.number("pending"), r.number("delivered"), r.number("dead"), r.instant("last_delivered_at")))
                .orElse(new Subscriber(w, 0, 0, 0, null))).toList();
    }

    /** Attempts older than {@code before} (all when null), newest first. */
    public Attempts attempts(long webhookId, Long before) {
        List<Attempt> rows = Rows.list(em, """
                select a.id, a.delivery_id, o.type, o.subject, a.attempted_at, a.status_code, a.error, a.duration_ms
                from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id join outbox o on o.id = d.outbox_id
                where a.webhook_id = ? and a.id < ? order by a.id desc limit ?""",
                r -> new Attempt(r.number("id"), r.number("delivery_id"), r.text("type"), r.text("subject"), r.instant("attempted_at"),
                        r.integer("status_code"), r.text("error"), r.integer("duration_ms")),
                webhookId, before == null ? Long.MAX_VALUE : before, PAGE + 1);
        List<Attempt> items = rows.stream().limit(PAGE).toList();
        return new Attempts(items, rows.size() > PAGE ? items.get(items.size() - 1).id() : null);
    }

    public List<DeadLetter> deadLetters(long webhookId) {
        return Rows.list(em, """
                select d.id, o.type, o.subject, o.event::jsonb ->> 'id' as event_id, d.attempts, d.last_error, o.created_at
                from webhook_delivery d join outbox o on o.id = d.outbox_id
                where d.webhook_id = ? and d.state = 'dead' order by d.id desc limit ?""",
                r -> new DeadLetter(r.number("id"), r.text("type"), r.text("subject"), r.text("event_id"), r.integer("attempts"),
                        r.text("last_error"), r.instant("created_at")), webhookId, PAGE);
    }
}
