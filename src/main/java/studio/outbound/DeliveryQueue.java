package studio.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import studio.persistence.Row;
import studio.persistence.Rows;

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
                limit ?
                for update of d skip locked)
            update webhook_delivery d set next_attempt_at = now() + make_interval(secs => ?)
            from due, webhook w, outbox o
            where d.id = due.id and w.id = d.webhook_id and o.id = d.outbox_id
            returning d.id as delivery_id, w.id as webhook_id, o.id as outbox_id, w.url, w.format, w.secret, w.previous_secret,
                      w.previous_secret_until, o.event, d.attempts""";

    private static final String FAN_OUT = """
            insert into webhook_delivery (webhook_id, outbox_id, subject, next_attempt_at)
            select w.id, o.id, o.subject, now()
            from outbox o join webhook w on w.active and o.id > w.from_outbox_id
                                      and (w.event_types is null or o.type = any (w.event_types))
                                      and (w.scope_kind is null
                                           or w.scope_kind = 'milestone' and o.milestone_id = w.scope_value
                                           or w.scope_kind = 'environment' and o.environment = w.scope_value
                                           or w.scope_kind = 'team' and w.scope_value = any (o.labels)
                                           or w.id = any (o.channels))
            where o.id > ? and o.id <= ? and o.webhook_id is null
            order by o.id, w.id
            on conflict do nothing""";

    @Inject
    EntityManager em;
    @Inject
    studio.audit.AuditLog audit;
    @Inject
    NotificationMetrics metrics;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

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
     * the event (its name, and its scope: {@link ChannelScope}), and moves the cursor. Outbox rows are inserted under the audit head lock, so they become visible
     * in id order and the cursor never passes a row that commits later. Answers how many outbox rows it read; 0
     * also when another instance is fanning out right now.
     */
    @Transactional
    public int fanOut(int limit) {
        Optional<Long> cursor = Rows.first(em, "select through from outbox_fanout where id = 1 for update skip locked",
                r -> r.number("through"));
        if (cursor.isEmpty()) return 0;
        long through = cursor.get();
        List<Long> ids = Rows.list(em, "select id from outbox where id > ? order by id limit ?", r -> r.number("id"), through, limit);
        if (ids.isEmpty()) return 0;
        long last = ids.get(ids.size() - 1);
        Rows.update(em, FAN_OUT, through, last);
        Rows.update(em, "update outbox_fanout set through = ? where id = 1", last);
        return ids.size();
    }

    /** Takes up to {@code limit} due deliveries, at most one per subscriber and subject, for one attempt each. */
    @Transactional
    public List<Claimed> claim(int limit) {
        return Rows.list(em, CLAIM, DeliveryQueue::claimed, limit, lease.toMillis() / 1000.0);
    }

    private static Claimed claimed(Row r) {
        String event = r.text("event");
        SigningSecrets secrets = new SigningSecrets(r.text("secret"), r.text("previous_secret"), r.instant("previous_secret_until"));
        DeliveryFormat format = DeliveryFormat.parse(r.text("format")).orElseThrow();
        return new Claimed(r.number("delivery_id"), r.number("webhook_id"), r.number("outbox_id"), r.text("url"), format, secrets, event,
                CloudEvent.parse(event).id(), r.integer("attempts"));
    }

    /** Records the attempt and moves the delivery on: delivered, due again later, or dead-lettered. */
    @Transactional
    public DeliveryRule.Next record(Claimed c, AttemptResult result, Instant attemptedAt) {
        Rows.update(em, """
                insert into webhook_attempt (delivery_id, webhook_id, attempted_at, status_code, error, duration_ms)
                values (?, ?, ?, nullif(?, 0), ?, ?)""", c.deliveryId(), c.webhookId(), attemptedAt,
                result instanceof AttemptResult.Answered a ? a.status() : 0, result.delivered() ? null : result.describe(),
                (int) Math.min(Integer.MAX_VALUE, result.took().toMillis()));
        DeliveryRule.Next next = DeliveryRule.after(result, c.failedBefore(), backoff(), Instant.now());
        move(c.deliveryId(), next);
        if (c.format() != DeliveryFormat.CLOUDEVENTS && !(next instanceof DeliveryRule.Next.RetryAt)) told(c, next);
        return next;
    }

    /**
     * A chat message delivered or given up on is a notification: in the audit trail (NotificationDispatched, or
     * ReleaseNotificationDispatched for a release event; channel, the channel's name, the event, the outcome) and counted
     * with the notifications sent by email and in Studio.
     */
    private void told(Claimed c, DeliveryRule.Next next) {
        CloudEvent event = CloudEvent.parse(c.event());
        String subject = event.subject();
        boolean release = subject.startsWith("releases/");
        String outcome = next instanceof DeliveryRule.Next.Delivered ? "sent" : "failed";
        String name = Rows.first(em, "select coalesce(name, '') as name from webhook where id = ?", r -> r.text("name"), c.webhookId()).orElse("");
        var payload = JSON.createObjectNode().put("channel", c.format().name().toLowerCase(java.util.Locale.ROOT))
                .put("event", event.eventName()).put("topic", event.id()).put("outcome", outcome)
                .put("webhook_id", c.webhookId());
        payload.putArray("recipients").add(name.isEmpty() ? "chat channel " + c.webhookId() : name);
        String id = subject.contains("/") ? subject.substring(subject.indexOf('/') + 1) : null;
        audit.record(studio.governance.Actor.SYSTEM, release
                ? studio.audit.AuditEntry.of("ReleaseNotificationDispatched", studio.audit.AuditEntry.Subject.release(id), null, payload)
                : studio.audit.AuditEntry.of("NotificationDispatched", id == null ? studio.audit.AuditEntry.Subject.system()
                        : studio.audit.AuditEntry.Subject.milestone(id), null, payload));
        metrics.sent(release, c.format().name().toLowerCase(java.util.Locale.ROOT), outcome, 1);
    }

    // "and state = 'pending'": an attempt that outlived its lease never undoes what a later one recorded.
    private void move(long deliveryId, DeliveryRule.Next next) {
        if (next instanceof DeliveryRule.Next.RetryAt r) {
            Rows.update(em, "update webhook_delivery set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ? and state = 'pending'",
                    r.at(), r.error(), deliveryId);
        } else if (next instanceof DeliveryRule.Next.DeadLetter d) {
            Rows.update(em, "update webhook_delivery set attempts = attempts + 1, state = 'dead', last_error = ? where id = ? and state = 'pending'",
                    d.error(), deliveryId);
        } else {
            Rows.update(em, "update webhook_delivery set attempts = attempts + 1, state = 'delivered', delivered_at = now() where id = ? and state = 'pending'",
                    deliveryId);
        }
    }

}
