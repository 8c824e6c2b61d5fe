package studio.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.outbound.NotificationMetrics;
import studio.governance.Actor;
import studio.governance.MilestoneState;
import studio.inbox.ApprovalInbox;
import studio.inbox.InboxItem;
import studio.milestone.MilestoneRulebook;
import studio.format.Names;
import studio.persistence.Rows;
import studio.release.approval.ReleaseInbox;

/**
 * Turns the governance state into notices, every few seconds: what each person may decide now (the approvals inbox's
 * own computation, for everyone at once), reminders and overdue notices for what waits long, and the outcome of every
 * decided request for its requester (read from the audit trail after a cursor). One instance sweeps at a time (a
 * transaction-scoped advisory lock); the unique (recipient, topic, event) makes a repeated sweep harmless. What it
 * stores is recorded in the audit trail (NotificationDispatched, ReleaseNotificationDispatched for releases, channel
 * "studio") and counted; {@link MailDelivery} then emails what people asked to get by email.
 */
@ApplicationScoped
public class NotificationSweep {

    private static final Logger LOG = Logger.getLogger(NotificationSweep.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The advisory lock key: one sweeper across instances. */
    private static final long LOCK = 0x5747_4E4F_5449_4659L;

    @Inject
    EntityManager em;
    @Inject
    People people;
    @Inject
    ApprovalInbox inbox;
    @Inject
    ReleaseInbox releases;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    Notifications store;
    @Inject
    AuditLog audit;
    @Inject
    NotificationMetrics metrics;
    @Inject
    MailDelivery mail;

    @ConfigProperty(name = "studio.notifications.remind-after", defaultValue = "4h")
    Duration remindAfter;
    @ConfigProperty(name = "studio.notifications.overdue-after", defaultValue = "24h")
    Duration overdueAfter;

    @Scheduled(identity = "notification-sweep", every = "${studio.notifications.sweep-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warnf(e, "notification sweep failed; it runs again shortly");
        }
    }

    /** One sweep; answers the notices it stored (none when another instance is sweeping). */
    @jakarta.enterprise.context.control.ActivateRequestContext
    public List<Notice> sweep() {
        List<Notice> stored = QuarkusTransaction.requiringNew().call(() -> {
            if (!Rows.first(em, "select pg_try_advisory_xact_lock(?) as got", r -> r.flag("got"), LOCK).orElse(false)) return List.<Notice>of();
            Map<String, Person> byName = people.actingByName();
            List<Actor> actors = byName.values().stream().map(Person::actor).toList();
            Map<String, List<InboxItem>> items = inbox.awaitingEach(actors);
            Map<String, List<ReleaseInbox.Item>> paused = releases.awaitingEach(actors);
            Map<String, Collection<String>> governors = new HashMap<>();
            Map<String, NoticeRules.Timing> timing = new HashMap<>();
            NoticeRules.Timing defaults = new NoticeRules.Timing(remindAfter, overdueAfter);
            milestones(items, byName.values(), defaults, governors, timing);
            List<Notice> notices = new ArrayList<>(NoticeRules.pending(items, paused, governors, Instant.now(), defaults, timing));
            List<NoticeRules.Outcome> outcomes = outcomes();
            outcomes.forEach(o -> NoticeRules.outcome(o).ifPresent(notices::add));
            Map<String, Person> everyone = new HashMap<>(byName);
            // requesters told an outcome who no longer hold a deciding role: one statement for all of them
            people.named(notices.stream().map(Notice::recipient).filter(n -> !everyone.containsKey(n)).distinct().toList())
                    .forEach(p -> everyone.put(p.name(), p));
            List<Notice> added = store.add(notices.stream().filter(n -> everyone.containsKey(n.recipient())).toList(), everyone);
            record(added);
            if (!outcomes.isEmpty()) advance(outcomes.get(outcomes.size() - 1).seq());
            return added;
        });
        stored.stream().collect(Collectors.groupingBy(n -> n.releaseTag() != null, Collectors.counting()))
                .forEach((release, n) -> metrics.sent(release, "studio", "sent", n.intValue()));
        if (!stored.isEmpty()) mail.nudge();
        return stored;
    }

    /**
     * For each milestone an item is about, in one statement: the people who govern it (its governedBy role, or
     * platform-admin) and its own reminder times.
     */
    private void milestones(Map<String, List<InboxItem>> items, Collection<Person> everyone, NoticeRules.Timing defaults,
                            Map<String, Collection<String>> governors, Map<String, NoticeRules.Timing> timing) {
        Set<String> ids = items.values().stream().flatMap(List::stream).map(InboxItem::milestoneId).collect(Collectors.toSet());
        if (ids.isEmpty()) return;
        Rows.list(em, "select id, state, definition from milestone where id = any(?)", r -> {
            var rules = rulebook.rules(r.text("definition"));
            List<String> roles = rules.governed(Names.parse(MilestoneState.class, r.text("state"))).governors();
            governors.put(r.text("id"), everyone.stream().filter(p -> p.actor().holdsAny(roles)).map(Person::name).toList());
            timing.put(r.text("id"), defaults.with(rules.definition().reminders()));
            return null;
        }, (Object) ids.toArray(String[]::new));
    }

    /** Decisions recorded since the cursor (the cursor starts at the trail's end: history is not re-told). */
    private List<NoticeRules.Outcome> outcomes() {
        Rows.update(em, """
                insert into notification_cursor (name, last_id) select 'outcomes', coalesce(max(seq), 0) from audit_event
                on conflict (name) do nothing""");
        return Rows.list(em, """
                select e.seq, e.type, e.actor, e.actor_roles, e.subject_type, e.subject_id, e.payload, r.requested_by as release_owner
                from audit_event e left join release r on e.subject_type = 'release' and r.version_tag = e.subject_id and r.promoted_from is null
                where e.seq > (select last_id from notification_cursor where name = 'outcomes') and e.type = any(?)
                order by e.seq limit 500""", r -> {
            JsonNode payload = parse(r.text("payload"));
            String owner = r.text("release_owner") != null ? r.text("release_owner")
                    : payload.path("requested_by").asText(payload.path("proposed_by").asText(null));
            return new NoticeRules.Outcome(r.number("seq"), r.text("type"), r.text("actor"), r.texts("actor_roles"), r.text("subject_type"),
                    r.text("subject_id"), payload, owner);
        }, (Object) NoticeRules.OUTCOME_EVENTS.toArray(String[]::new));
    }

    private void advance(long seq) {
        Rows.update(em, "update notification_cursor set last_id = greatest(last_id, ?) where name = 'outcomes'", seq);
    }

    /** One audit event per thing told (its recipients together), channel "studio". */
    private void record(List<Notice> added) {
        Map<String, List<Notice>> byTopic = added.stream().collect(Collectors.groupingBy(n -> n.topic() + " " + n.event(), LinkedHashMap::new,
                Collectors.toList()));
        for (List<Notice> same : byTopic.values()) {
            Notice first = same.get(0);
            ObjectNode p = JSON.createObjectNode().put("channel", "studio").put("event", first.event()).put("topic", first.topic())
                    .put("subject", first.subject()).put("outcome", "delivered");
            same.forEach(n -> p.withArray("recipients").add(n.recipient()));
            audit.record(Actor.SYSTEM, dispatched(first, p));
        }
    }

    /** NotificationDispatched about the milestone, or ReleaseNotificationDispatched about the release (the release spec's name). */
    static AuditEntry dispatched(Notice n, ObjectNode payload) {
        if (n.releaseTag() != null) return AuditEntry.of("ReleaseNotificationDispatched", Subject.release(n.releaseTag()), null, payload);
        return AuditEntry.of("NotificationDispatched", n.milestoneId() == null ? Subject.system() : Subject.milestone(n.milestoneId()), null, payload);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }
}
