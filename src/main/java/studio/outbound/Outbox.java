package studio.outbound;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import studio.persistence.AfterCommit;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import studio.audit.AuditAppended;
import studio.audit.AuditRecord;
import studio.persistence.Rows;

/**
 * The transactional outbox: each milestone or release event appended to the audit chain becomes one outbox row on
 * the same connection in the same transaction, so an event leaves Studio exactly when it is recorded, never when its
 * transaction rolls back. Each row says what its event is about (milestone, environment, the milestone's labels then), for
 * scoped subscribers, and for a release event the chat channels its trigger's notifyChannels named. An event about a
 * milestone (or its release) carries the milestone's observabilityTags in {@code data.observability_tags}. Fan-out to subscribers happens later in the delivery worker (see {@link DeliveryQueue}),
 * which this nudges once the transaction has committed.
 */
@ApplicationScoped
public class Outbox implements AuditAppended {

    // One statement, no extra round trip under the audit head lock: the milestone's labels are read as it is inserted.
    static final String INSERT = """
            insert into outbox (audit_seq, subject, type, event, milestone_id, environment, labels, channels)
            values (?, ?, ?, ?, ?, ?, coalesce((select labels from milestone where id = ?), '{}'),
                    coalesce((select notify_channels from release where version_tag = ? and promoted_from is null), '{}'))""";

    @Inject
    DeliveryWorker worker;

    @Inject
    AfterCommit afterCommit;

    @Override
    public void appended(AuditRecord record, SharedSessionContractImplementor session) {
        OutboundEvents.of(record, UUID.randomUUID().toString()).ifPresent(found -> {
            EntityManager em = session.unwrap(EntityManager.class);
            OutboundEvents.About about = OutboundEvents.about(found);
            CloudEvent event = about.milestoneId() == null ? found : OutboundEvents.tagged(found, Rows.first(em,
                    "select observability_tags from milestone where id = ?", r -> r.texts("observability_tags"), about.milestoneId())
                    .orElse(java.util.List.of()));
            Rows.update(em, INSERT, record.seq(), event.subject(), event.eventName(), event.toJson(),
                    about.milestoneId(), about.environment(), about.milestoneId(), about.releaseTag());
            afterCommit.run(worker::nudge); // also while the audit log appends, before completion
        });
    }

    /** The event a "send test event" button posts: its own subject, so it never waits behind real events. */
    static CloudEvent testEvent(long webhookId, String actor, Instant at) {
        var data = JsonNodeFactory.instance.objectNode()
                .put("message", "Test event sent from Studio's webhook settings").put("actor", actor);
        return CloudEvent.of(UUID.randomUUID().toString(), "WebhookTest", "webhooks/" + webhookId, at, data);
    }
}
