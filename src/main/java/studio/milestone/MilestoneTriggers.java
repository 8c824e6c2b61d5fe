package studio.milestone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.definition.MilestoneDefinition;
import studio.definition.TriggerEvents;
import studio.governance.Actor;
import studio.governance.TriggerFiring;
import studio.persistence.Rows;

/**
 * Fires a milestone's triggers on the events Studio receives about it ({@link TriggerFiring}): each firing is recorded
 * as MilestoneTriggerFired (who sent the event, which trigger, its {@code next}), which subscribers receive as a
 * CloudEvent, so the orchestrator starts {@code next}. Also what the milestone page shows of its streams and triggers.
 */
@ApplicationScoped
public class MilestoneTriggers {

    static final String FIRED = "MilestoneTriggerFired";

    @Inject
    EntityManager em;
    @Inject
    MilestoneViews views;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;

    /** A stream and its newest report (null status and time: never reported). */
    public record Stream(String name, String status, Instant reportedAt) {
        public boolean ready() {
            return "pass".equals(status);
        }
    }

    /** A trigger Studio fires on a received event, and when it fired (null: not yet, or it fires on every such event). */
    public record Fired(String event, String next, String condition, Instant firedAt) {}

    /** What the milestone page shows: its parallel streams and the triggers Studio fires on received events. */
    public record View(List<Stream> streams, List<Fired> triggers) {
        public boolean isEmpty() {
            return streams.isEmpty() && triggers.isEmpty();
        }

        public long readyCount() {
            return streams.stream().filter(Stream::ready).count();
        }
    }

    /** The event {@code eventType} (stored as evidence {@code evidenceId}) was received about these milestones. */
    public void received(String eventType, List<String> milestoneIds, long evidenceId, Actor actor, String traceId) {
        for (String milestoneId : milestoneIds) {
            MilestoneDefinition d = rulebook.rules(views.find(milestoneId)).definition();
            List<TriggerFiring.Rule> rules = rules(d).stream().filter(r -> r.event().equals(eventType)).toList();
            if (rules.isEmpty()) continue;
            Map<String, String> statuses = new HashMap<>();
            newest(milestoneId, d.parallelStreams()).forEach((name, stream) -> statuses.put(name, stream.status()));
            for (TriggerFiring.Rule rule : TriggerFiring.due(rules, eventType, d.parallelStreams(), statuses, fired(milestoneId).keySet())) {
                if (rule.once() && Rows.update(em, """
                        insert into milestone_trigger_fired (milestone_id, trigger_key, fired_at, evidence_id) values (?, ?, now(), ?)
                        on conflict do nothing""", milestoneId, rule.key(), evidenceId) == 0) {
                    continue; // a concurrent event fired it
                }
                ObjectNode p = json.createObjectNode().put("trigger_event", rule.event()).put("next", rule.next())
                        .put("condition", rule.condition()).put("evidence_id", evidenceId);
                if (rule.condition() != null) d.parallelStreams().forEach(p.putArray("streams")::add);
                audit.record(actor, AuditEntry.of(FIRED, Subject.milestone(milestoneId), traceId, p));
            }
        }
    }

    public View view(String milestoneId, MilestoneDefinition d) {
        List<TriggerFiring.Rule> rules = rules(d);
        if (rules.isEmpty() && d.parallelStreams().isEmpty()) return new View(List.of(), List.of());
        Map<String, Stream> newest = newest(milestoneId, d.parallelStreams());
        Map<String, Instant> fired = rules.stream().anyMatch(TriggerFiring.Rule::once) ? fired(milestoneId) : Map.of();
        return new View(d.parallelStreams().stream().map(s -> newest.getOrDefault(s, new Stream(s, null, null))).toList(),
                rules.stream().map(r -> new Fired(r.event(), r.next(), r.condition(), fired.get(r.key()))).toList());
    }

    private static final String NEWEST = """
            select distinct on (gate) gate, status, occurred_at from gate_signal
            where milestone_id = ? and gate = any(?) order by gate, occurred_at desc, evidence_id desc""";

    /** The triggers on received events (those on MilestoneReached / MilestoneCompleted name promotion targets instead). */
    private static List<TriggerFiring.Rule> rules(MilestoneDefinition d) {
        return d.triggers().stream().filter(t -> !TriggerEvents.PROMOTION.contains(t.event()))
                .map(t -> new TriggerFiring.Rule(t.event(), t.next(), t.condition())).toList();
    }

    /** Each stream's newest report, by stream name (absent: never reported); one query, none without streams. */
    private Map<String, Stream> newest(String milestoneId, List<String> streams) {
        Map<String, Stream> out = new HashMap<>();
        if (streams.isEmpty()) return out;
        Rows.list(em, NEWEST, r -> new Stream(r.text("gate"), r.text("status"), r.instant("occurred_at")), milestoneId,
                streams.toArray(String[]::new)).forEach(s -> out.put(s.name(), s));
        return out;
    }

    private Map<String, Instant> fired(String milestoneId) {
        Map<String, Instant> out = new HashMap<>();
        Rows.list(em, "select trigger_key, fired_at from milestone_trigger_fired where milestone_id = ?",
                r -> Map.entry(r.text("trigger_key"), r.instant("fired_at")), milestoneId).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
