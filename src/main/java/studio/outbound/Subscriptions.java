package studio.outbound;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.governance.Actor;
import studio.input.InputProblem;
import studio.persistence.Row;
import studio.persistence.Rows;
import studio.web.ApiException;

/**
 * What a platform admin does to subscribers: add a webhook or a chat channel, enable, disable, delete, rotate the
 * secret, send a test event, redeliver a dead letter. Each change is recorded in the audit trail with the admin as
 * actor, in the transaction that makes it. Secrets never enter the audit trail, nor do chat webhook URLs (they are
 * credentials): those are recorded masked.
 */
@ApplicationScoped
public class Subscriptions {

    /** A subscriber just made or re-keyed, with its secret in full: shown once, never again. */
    public record Keyed(Webhook webhook, String secret) {}

    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    DeliveryWorker worker;
    @Inject
    WebhookDestinations destinations;

    @ConfigProperty(name = "studio.webhooks.rotation-grace", defaultValue = "24h")
    Duration rotationGrace;

    @Transactional
    public Keyed create(Subscription s, Actor actor) {
        if (!s.problems().isEmpty()) throw new ApiException(400, s.problems());
        destinations.refusal(s.url()).ifPresent(why -> {
            throw new ApiException(400, List.of(new InputProblem(why, null, null, "url")));
        });
        Webhook w = subscriber(s.url(), s.filter(), actor);
        w.secret = WebhookSecrets.generate();
        w.persistAndFlush();
        record(actor, "WebhookCreated", w, details(w));
        return new Keyed(w, w.secret);
    }

    /**
     * A chat channel: a subscriber posting chat messages about its scope, with no secret. Refused with every problem
     * named by its field, nothing stored: what {@link ChatChannel#problems()} finds, a destination the policy refuses,
     * a milestone that is not defined.
     */
    @Transactional
    public Webhook createChannel(ChatChannel c, Actor actor) {
        List<InputProblem> problems = channelProblems(c);
        if (!problems.isEmpty()) throw new ApiException(400, problems);
        Webhook w = subscriber(c.url(), c.filter(), actor);
        w.format = c.deliveryFormat().orElseThrow().json();
        w.name = c.name();
        w.scopeKind = c.channelScope().orElseThrow().stored();
        w.scopeValue = c.storedScopeValue();
        w.persistAndFlush();
        record(actor, "WebhookCreated", w, details(w));
        return w;
    }

    private List<InputProblem> channelProblems(ChatChannel c) {
        List<InputProblem> problems = new ArrayList<>(c.problems());
        if (problems.stream().noneMatch(p -> "url".equals(p.path()))) {
            destinations.refusal(c.url()).ifPresent(why -> problems.add(new InputProblem(why, null, null, "url")));
        }
        boolean milestone = c.channelScope().orElse(ChannelScope.ALL) == ChannelScope.MILESTONE;
        if (milestone && problems.stream().noneMatch(p -> "scope_value".equals(p.path()))
                && Rows.first(em, "select id from milestone where id = ?", r -> r.text("id"), c.scopeValue()).isEmpty()) {
            problems.add(new InputProblem("no milestone \"" + c.scopeValue() + "\" is defined", null, null, "scope_value"));
        }
        return problems;
    }

    /** A new active subscriber that receives what happens from now on. */
    private Webhook subscriber(String url, String[] eventTypes, Actor actor) {
        Webhook w = new Webhook();
        w.url = url;
        w.eventTypes = eventTypes;
        w.active = true;
        w.fromOutboxId = Rows.first(em, "select coalesce(max(id), 0) as through from outbox", r -> r.number("through")).orElseThrow();
        w.createdBy = actor.name();
        w.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return w;
    }

    @Transactional
    public Webhook setActive(long id, boolean active, Actor actor) {
        Webhook w = find(id);
        if (w.active == active) return w;
        w.active = active;
        record(actor, active ? "WebhookEnabled" : "WebhookDisabled", w, details(w));
        return w;
    }

    @Transactional
    public void delete(long id, Actor actor) {
        Webhook w = find(id);
        ObjectNode details = details(w);
        w.delete();
        record(actor, "WebhookDeleted", w, details);
    }

    /** A new secret signs from now on; the previous one also signs for the grace period, so receivers can switch. */
    @Transactional
    public Keyed rotate(long id, Actor actor) {
        Webhook w = find(id);
        if (w.isChat()) throw ApiException.conflict("a chat channel has no signing secret: " + w.getFormatLabel() + " verifies none");
        w.previousSecret = w.secret;
        w.previousSecretUntil = Instant.now().plus(rotationGrace).truncatedTo(ChronoUnit.MICROS);
        w.secret = WebhookSecrets.generate();
        record(actor, "WebhookSecretRotated", w, details(w).put("previous_secret_valid_until", w.previousSecretUntil.toString()));
        return new Keyed(w, w.secret);
    }

    /** Queues a WebhookTest event for this subscriber only (it need not be active to be tested). */
    @Transactional
    public void sendTest(long id, Actor actor) {
        Webhook w = find(id);
        CloudEvent event = Outbox.testEvent(w.id, actor.name(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        long outboxId = Rows.first(em, "insert into outbox (subject, type, event, webhook_id) values (?, ?, ?, ?) returning id",
                r -> r.number("id"), event.subject(), event.eventName(), event.toJson(), w.id).orElseThrow();
        Rows.update(em, "insert into webhook_delivery (webhook_id, outbox_id, subject, next_attempt_at) values (?, ?, ?, now())",
                w.id, outboxId, event.subject());
        record(actor, "WebhookTestSent", w, details(w).put("event_id", event.id()));
    }

    /** Puts a dead letter back in the queue, due now, with a fresh series of attempts. */
    @Transactional
    public long redeliver(long deliveryId, Actor actor) {
        Row row = Rows.first(em, "select webhook_id, state from webhook_delivery where id = ? for update", r -> r, deliveryId)
                .orElseThrow(() -> ApiException.notFound("unknown delivery " + deliveryId));
        String state = row.text("state");
        if (!"dead".equals(state)) throw ApiException.conflict("delivery " + deliveryId + " is " + state + ", not dead-lettered");
        Rows.update(em, "update webhook_delivery set state = 'pending', attempts = 0, next_attempt_at = now() where id = ?", deliveryId);
        Webhook w = find(row.number("webhook_id"));
        record(actor, "WebhookRedelivered", w, details(w).put("delivery_id", deliveryId));
        return w.id;
    }

    private Webhook find(long id) {
        Webhook w = Webhook.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (w == null) throw ApiException.notFound("unknown webhook " + id);
        return w;
    }

    private void record(Actor actor, String type, Webhook w, ObjectNode details) {
        audit.record(actor, AuditEntry.of(type, new Subject("webhook", String.valueOf(w.id)), null, details));
    }

    private static ObjectNode details(Webhook w) {
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("webhook_id", w.id).put("url", w.getDisplayUrl()).put("active", w.active);
        if (w.isChat()) {
            p.put("format", w.format).put("name", w.name).put("scope", ChannelScope.of(w.scopeKind).json()).put("scope_value", w.scopeValue);
        }
        if (w.eventTypes == null) p.putNull("event_types");
        else List.of(w.eventTypes).forEach(p.putArray("event_types")::add);
        return p;
    }
}
