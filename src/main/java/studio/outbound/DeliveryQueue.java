package studio.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deliveries as a work queue shared by every Studio instance on the database. Each step is its own short
 * transaction: fan-out, claim, and recording an attempt's result; the HTTP call happens between claim and record,
 * outside any transaction.
 *
 * <p>Order: a delivery is due only when no earlier delivery of the same subject to the same subscriber is still
 * pending, so a subscriber sees each milestone's and release's events in the order they were recorded. A
 * dead-lettered delivery no longer holds back later ones.
 *
 * <p>Claiming locks due rows with {@code FOR UPDATE SKIP LOCKED} and pushes their {@code next_attempt_at} a lease
 * into the future before committing: another instance neither waits for nor takes a delivery in flight. If this
 * instance dies before recording the result, the lease runs out and the delivery is attempted again: at least once.
 */
@ApplicationScoped
public class DeliveryQueue {

    private static final String CLAIM = """
            with due as (
                select d.id from webhook_delivery d join webhook w on w.id = d.webhook_id
                where d.state = 'pending' and d.next_attempt_at <= now() and w.active
                  and not exists (select 1 from webhook_delivery e
                                  where e.webhook_id = d.webhook_id and e.subject = d.subject
                                    and e.state = 'pending' and e.outbox_id < d.outbox_id)
                order by d.next_attempt_at, d.id
                limit ?1
                for update of d skip locked)
            update webhook_delivery d set next_attempt_at = now() + make_interval(secs => ?2)
            from due, webhook w, outbox o
            where d.id = due.id and w.id = d.webhook_id and o.id = d.outbox_id
            returning d.id, w.id, o.id, w.url, w.secret, w.previous_secret, w.previous_secret_until, o.event, d.attempts""";

    private static final String FAN_OUT = """
            insert into webhook_delivery (webhook_id, outbox_id, subject, next_attempt_at)
            select w.id, o.id, o.subject, now()
            from outbox o join webhook w on w.active and o.id > w.from_outbox_id
                                      and (w.event_types is null or o.type = any (w.event_types))
            where o.id > ?1 and o.id <= ?2 and o.webhook_id is null
            order by o.id, w.id
            on conflict do nothing""";

    @Inject
    EntityManager em;

    @ConfigProperty(name = "studio.webhooks.lease", defaultValue = "60s")
    Duration lease;
    @ConfigProperty(name = "studio.webhooks.retry.initial-delay", defaultValue = "10s")
    Duration initialDelay;
    @ConfigProperty(name = "studio.webhooks.retry.max-delay", defaultValue = "1h")
    Duration maxDelay;
    @ConfigProperty(name = "studio.webhooks.retry.max-attempts", defaultValue = "12")
    int maxAttempts;
    @ConfigProperty(name = "studio.webhooks.retry.jitter", defaultValue = "0.2")
    double jitter;

    public Backoff backoff() {
        return new Backoff(initialDelay, maxDelay, maxAttempts, jitter);
    }

    /**
     * Turns outbox rows past the fan-out cursor into one pending delivery per active subscriber whose filter takes
     * the event, and moves the cursor. Outbox rows are inserted under the audit head lock, so they become visible
     * in id order and the cursor never passes a row that commits later. Answers how many outbox rows it read; 0
     * also when another instance is fanning out right now.
     */
    @Transactional
    public int fanOut(int limit) {
        List<?> cursor = em.createNativeQuery("select through from outbox_fanout where id = 1 for update skip locked").getResultList();
        if (cursor.isEmpty()) return 0;
        long through = ((Number) cursor.get(0)).longValue();
        List<?> ids = em.createNativeQuery("select id from outbox where id > ?1 order by id limit ?2")
                .setParameter(1, through).setParameter(2, limit).getResultList();
        if (ids.isEmpty()) return 0;
        long last = ((Number) ids.get(ids.size() - 1)).longValue();
        em.createNativeQuery(FAN_OUT).setParameter(1, through).setParameter(2, last).executeUpdate();
        em.createNativeQuery("update outbox_fanout set through = ?1 where id = 1").setParameter(1, last).executeUpdate();
        return ids.size();
    }

    /** Takes up to {@code limit} due deliveries, at most one per subscriber and subject, for one attempt each. */
    @Transactional
    public List<Claimed> claim(int limit) {
        List<?> rows = em.createNativeQuery(CLAIM).setParameter(1, limit).setParameter(2, lease.toMillis() / 1000.0).getResultList();
        return rows.stream().map(r -> claimed((Object[]) r)).toList();
    }

    private static Claimed claimed(Object[] r) {
        String event = (String) r[7];
        SigningSecrets secrets = new SigningSecrets((String) r[4], (String) r[5], DeliveryLog.instant(r[6]));
        return new Claimed(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), (String) r[3],
                secrets, event, CloudEvent.parse(event).id(), ((Number) r[8]).intValue());
    }

    /** Records the attempt and moves the delivery on: delivered, due again later, or dead-lettered. */
    @Transactional
    public DeliveryRule.Next record(Claimed c, AttemptResult result, Instant attemptedAt) {
        em.createNativeQuery("""
                        insert into webhook_attempt (delivery_id, webhook_id, attempted_at, status_code, error, duration_ms)
                        values (?1, ?2, ?3, nullif(?4, 0), ?5, ?6)""")
                .setParameter(1, c.deliveryId()).setParameter(2, c.webhookId()).setParameter(3, attemptedAt)
                .setParameter(4, result instanceof AttemptResult.Answered a ? a.status() : 0)
                .setParameter(5, result.delivered() ? null : result.describe())
                .setParameter(6, (int) Math.min(Integer.MAX_VALUE, result.took().toMillis())).executeUpdate();
        DeliveryRule.Next next = DeliveryRule.after(result, c.failedBefore(), backoff(), Instant.now());
        move(c.deliveryId(), next);
        return next;
    }

    // "and state = 'pending'": an attempt that outlived its lease never undoes what a later one recorded.
    private void move(long deliveryId, DeliveryRule.Next next) {
        if (next instanceof DeliveryRule.Next.RetryAt r) {
            em.createNativeQuery("update webhook_delivery set attempts = attempts + 1, next_attempt_at = ?2, last_error = ?3 where id = ?1 and state = 'pending'")
                    .setParameter(1, deliveryId).setParameter(2, r.at()).setParameter(3, r.error()).executeUpdate();
        } else if (next instanceof DeliveryRule.Next.DeadLetter d) {
            em.createNativeQuery("update webhook_delivery set attempts = attempts + 1, state = 'dead', last_error = ?2 where id = ?1 and state = 'pending'")
                    .setParameter(1, deliveryId).setParameter(2, d.error()).executeUpdate();
        } else {
            em.createNativeQuery("update webhook_delivery set attempts = attempts + 1, state = 'delivered', delivered_at = now() where id = ?1 and state = 'pending'")
                    .setParameter(1, deliveryId).executeUpdate();
        }
    }

}
