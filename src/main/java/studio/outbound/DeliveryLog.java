package studio.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the admin pages read about deliveries: subscribers with their queue counts (one query), a subscriber's attempts
 * newest first by keyset on the attempt id, and its dead letters. Every list is bounded.
 */
@ApplicationScoped
public class DeliveryLog {

    public static final int PAGE = 50;

    /** A subscriber as the list shows it. */
    public record Subscriber(Webhook webhook, long pending, long delivered, long dead, Instant lastDeliveredAt) {}

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

    public List<Subscriber> subscribers() {
        List<Webhook> hooks = Webhook.list("order by id");
        if (hooks.isEmpty()) return List.of();
        List<?> rows = em.createNativeQuery("""
                select webhook_id, count(*) filter (where state = 'pending'), count(*) filter (where state = 'delivered'),
                       count(*) filter (where state = 'dead'), max(delivered_at)
                from webhook_delivery group by webhook_id""").getResultList();
        return hooks.stream().map(w -> rows.stream().map(r -> (Object[]) r)
                .filter(r -> ((Number) r[0]).longValue() == w.id).findFirst()
                .map(r -> new Subscriber(w, num(r[1]), num(r[2]), num(r[3]), instant(r[4])))
                .orElse(new Subscriber(w, 0, 0, 0, null))).toList();
    }

    /** Attempts older than {@code before} (all when null), newest first. */
    public Attempts attempts(long webhookId, Long before) {
        List<?> rows = em.createNativeQuery("""
                        select a.id, a.delivery_id, o.type, o.subject, a.attempted_at, a.status_code, a.error, a.duration_ms
                        from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id join outbox o on o.id = d.outbox_id
                        where a.webhook_id = ?1 and a.id < ?2 order by a.id desc limit ?3""")
                .setParameter(1, webhookId).setParameter(2, before == null ? Long.MAX_VALUE : before).setParameter(3, PAGE + 1)
                .getResultList();
        List<Attempt> items = rows.stream().limit(PAGE).map(r -> attempt((Object[]) r)).toList();
        return new Attempts(items, rows.size() > PAGE ? items.get(items.size() - 1).id() : null);
    }

    public List<DeadLetter> deadLetters(long webhookId) {
        List<?> rows = em.createNativeQuery("""
                        select d.id, o.type, o.subject, o.event::jsonb ->> 'id', d.attempts, d.last_error, o.created_at
                        from webhook_delivery d join outbox o on o.id = d.outbox_id
                        where d.webhook_id = ?1 and d.state = 'dead' order by d.id desc limit ?2""")
                .setParameter(1, webhookId).setParameter(2, PAGE).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new DeadLetter(num(r[0]), (String) r[1], (String) r[2], (String) r[3],
                (int) num(r[4]), (String) r[5], instant(r[6]))).toList();
    }

    private static Attempt attempt(Object[] r) {
        return new Attempt(num(r[0]), num(r[1]), (String) r[2], (String) r[3], instant(r[4]),
                r[5] == null ? null : ((Number) r[5]).intValue(), (String) r[6], (int) num(r[7]));
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    static Instant instant(Object value) {
        if (value == null) return null;
        if (value instanceof Instant i) return i;
        if (value instanceof Timestamp t) return t.toInstant();
        if (value instanceof OffsetDateTime o) return o.toInstant();
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
