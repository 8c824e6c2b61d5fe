package studio.sprint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import studio.audit.AuditEntry;
import studio.audit.AuditLog;
import studio.definition.SprintDefinition;
import studio.gate.MilestoneEvidence.SprintState;
import studio.governance.Actor;
import studio.milestone.ChangeCursor;
import studio.persistence.Rows;
import studio.persistence.TransactionMemo;
import studio.web.ApiException;

/**
 * Keeps a sprint's row in step with its evidence: its events (state follows their timestamps, see
 * {@link SprintTimeline}), the milestones it is linked to and the features it delivers.
 */
@ApplicationScoped
public class SprintTracker {

    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    TransactionMemo memo;

    /** What this transaction did already: the sprints it locked and the links it made (sprint|kind|id|source). */
    private record Done(Set<String> locked, Set<String> linked, Map<String, List<String>> touched) {}

    private Done done() {
        return memo.of(Done.class, () -> new Done(new HashSet<>(), new HashSet<>(), new HashMap<>()));
    }

    /** The sprint, locked for this transaction; created (Planned) when CI names a sprint nobody defined. */
    public Sprint lock(String id) {
        if (done().locked().add(id)) { // held until this transaction ends: a second lock needs no statement
            Instant now = Instant.now();
            Rows.update(em, """
                    insert into sprint (id, state, state_since, created_at, updated_at, change_seq, version)
                    values (?, 'planned', ?, ?, ?, nextval('change_seq'), 0) on conflict (id) do nothing""", id, now, now, now);
        }
        return Sprint.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Adds a lifecycle event to the sprint's timeline; 409 when it cannot follow what is already there. */
    public void record(Sprint sprint, SprintEventType type, Instant occurredAt, long evidenceId, String reason) {
        SprintEventFact event = new SprintEventFact(sprint.id, type, occurredAt, evidenceId);
        if (SprintTimeline.check(timeline(sprint.id), event) instanceof SprintTimeline.Illegal illegal) {
            throw ApiException.conflict(illegal.reason());
        }
        Rows.update(em, """
                insert into sprint_event (evidence_id, sprint_id, event_type, occurred_at, reason) values (?, ?, ?, ?, ?)""",
                evidenceId, sprint.id, type.eventName(), occurredAt, reason);
    }

    /**
     * Recomputes the shown state from the timeline, whether QA or trace evidence has arrived and, once SprintClosed is
     * there, the sprint's own gates ({@link SprintGates}): a closing held by a gate is Verifying (waiting for evidence)
     * or Blocked (a gate failed). Holding and releasing a closing are recorded in the audit trail for {@code actor}, who
     * sent the evidence that decided it.
     */
    public void refresh(Sprint sprint, String traceId, Actor actor) {
        List<SprintEventFact> events = timeline(sprint.id);
        if (!(SprintTimeline.fold(events) instanceof SprintTimeline.Legal legal)) return;
        SprintState shown = legal.shown(hasVerificationEvidence(sprint.id));
        SprintGates.Judgement gates = legal.closedBy() == null ? null : gates(sprint);
        if (gates != null && !gates.clear()) shown = gates.failed() ? SprintState.BLOCKED : SprintState.VERIFYING;
        String state = shown.name().toLowerCase(Locale.ROOT);
        Instant now = Instant.now();
        boolean held = gates != null && !gates.clear();
        if (gates != null) auditClosing(sprint, held, gates, actor, traceId, legal.closedBy());
        else sprint.closureHeld = null;
        if (!state.equals(sprint.state)) {
            sprint.state = state;
            sprint.stateSince = held || legal.last() == null ? now : legal.last().timestamp();
        }
        events.stream().filter(e -> e.type() == SprintEventType.SPRINT_STARTED).map(SprintEventFact::timestamp)
                .min(Instant::compareTo).ifPresent(t -> sprint.startedAt = t);
        sprint.closedAt = legal.closedBy() == null || held ? null : legal.closedBy().timestamp();
        if (traceId != null && !traceId.isBlank()) sprint.traceId = traceId;
        sprint.updatedAt = now;
        sprint.changeSeq = ChangeCursor.next(em);
    }

    /** The gates of the sprint's definition; none for a sprint known only from events. */
    public static List<String> gateNames(Sprint sprint) {
        SprintDefinition definition = SprintDossiers.definition(sprint);
        return definition == null ? List.of() : definition.gates();
    }

    /** The sprint's gates judged now; none for a sprint known only from events or defined without gates. */
    public SprintGates.Judgement gates(Sprint sprint) {
        List<String> names = gateNames(sprint);
        if (names.isEmpty()) return new SprintGates.Judgement(List.of());
        List<SprintGates.FeatureTrace> features = Rows.list(em, """
                select sf.feature_id, t.tests, t.artifacts from sprint_feature sf
                left join lateral (select tf.tests, tf.artifacts from trace_fact tf where tf.sprint_id = sf.sprint_id
                    and tf.feature_id = sf.feature_id order by tf.occurred_at desc, tf.evidence_id desc limit 1) t on true
                where sf.sprint_id = ? order by sf.feature_id""",
                r -> new SprintGates.FeatureTrace(r.text("feature_id"), r.integer("tests"), r.integer("artifacts")), sprint.id);
        boolean traced = Rows.first(em, "select 1 as found from trace_fact where sprint_id = ? limit 1", r -> true, sprint.id).isPresent();
        SprintGates.Tests tests = Rows.first(em, """
                select passed, failed from test_result_fact where sprint_id = ? order by occurred_at desc, evidence_id desc limit 1""",
                r -> new SprintGates.Tests(r.integer("passed"), r.integer("failed")), sprint.id).orElse(null);
        return SprintGates.judge(names, traced, features, tests);
    }

    /**
     * SprintClosureHeld when a closing is held (first time, or for another reason than before), SprintGatesPassed when a
     * held closing is released; {@link Sprint#closureHeld} keeps what holds it.
     */
    private void auditClosing(Sprint sprint, boolean held, SprintGates.Judgement gates, Actor actor, String traceId, SprintEventFact closedBy) {
        String reason = held ? gates.holding() : null;
        if (held && !reason.equals(sprint.closureHeld)) {
            ObjectNode p = JsonNodeFactory.instance.objectNode().put("reason", reason).put("sprint_closed_evidence", closedBy.arrivalSeq());
            ObjectNode each = p.putObject("gates");
            gates.results().forEach(r -> each.put(r.gate(), r.status().name().toLowerCase(Locale.ROOT) + ": " + r.detail()));
            audit.record(actor, AuditEntry.of("SprintClosureHeld", AuditEntry.Subject.sprint(sprint.id), traceId, p));
        } else if (!held && sprint.closureHeld != null) {
            ObjectNode p = JsonNodeFactory.instance.objectNode().put("sprint_closed_evidence", closedBy.arrivalSeq());
            ObjectNode each = p.putObject("gates");
            gates.results().forEach(r -> each.put(r.gate(), r.detail()));
            audit.record(actor, AuditEntry.of("SprintGatesPassed", AuditEntry.Subject.sprint(sprint.id), traceId, p));
        }
        sprint.closureHeld = reason;
    }

    /**
     * {@code concurrencyPolicy: isolated}: an isolated sprint runs alone among the sprints of its milestones. Refuses
     * (409) a first SprintStarted that would run this sprint beside another started, unclosed sprint of one of its
     * milestones when either of the two is isolated; names both and the milestone.
     */
    public void requireIsolation(Sprint sprint) {
        if (sprint.startedAt != null) return;
        // two sprints of one milestone starting at once: the second waits for the first's commit and then sees it
        Rows.first(em, """
                select count(*) as locked from (select pg_advisory_xact_lock(hashtext('sprint-start:' || milestone_id))
                from sprint_milestone where sprint_id = ? order by milestone_id) l""", r -> r.number("locked"), sprint.id);
        boolean isolated = isolated(sprint);
        List<String[]> running = Rows.list(em, """
                select distinct o.sprint_id, o.milestone_id from sprint_milestone mine
                join sprint_milestone o on o.milestone_id = mine.milestone_id and o.sprint_id <> mine.sprint_id
                join sprint s on s.id = o.sprint_id
                where mine.sprint_id = ? and s.started_at is not null and s.closed_at is null order by 1, 2""",
                r -> new String[] {r.text("sprint_id"), r.text("milestone_id")}, sprint.id);
        for (String[] other : running) {
            Sprint o = Sprint.findById(other[0]);
            if (!isolated && !isolated(o)) continue;
            String who = isolated ? "sprint " + sprint.id + " is isolated (concurrencyPolicy: isolated)"
                    : "sprint " + o.id + " is isolated (concurrencyPolicy: isolated)";
            throw ApiException.conflict(who + " and sprint " + o.id + " of milestone " + other[1] + " is " + o.state
                    + " since " + o.stateSince + "; sprint " + sprint.id + " may start when " + o.id + " has closed");
        }
    }

    private static boolean isolated(Sprint sprint) {
        SprintDefinition definition = SprintDossiers.definition(sprint);
        return definition != null && definition.isolated();
    }

    /** Marks the sprint changed (the sprint list and board poll by change number) without touching its state. */
    public void touch(Sprint sprint) {
        sprint.updatedAt = Instant.now();
        sprint.changeSeq = ChangeCursor.next(em);
    }

    /** Links established by evidence ({@code source}: event, trace-matrix, execution); definitions' own stay. */
    public void link(String sprintId, Collection<String> milestones, Collection<String> features, String source) {
        List<String> newMilestones = notYetLinked(sprintId, "milestone", milestones, source);
        List<String> newFeatures = notYetLinked(sprintId, "feature", features, source);
        if (newMilestones.isEmpty() && newFeatures.isEmpty()) return; // this transaction made every one of these links
        done().touched().remove(sprintId);
        if (!newMilestones.isEmpty()) {
            Rows.update(em, """
                    insert into sprint_milestone (sprint_id, milestone_id, source) select ?, x, ? from unnest(?) as x
                    on conflict do nothing""", sprintId, source, newMilestones.toArray(String[]::new));
        }
        if (!newFeatures.isEmpty()) {
            String[] ids = newFeatures.toArray(String[]::new);
            Rows.update(em, """
                    with known as (insert into feature (id, defined, created_at, updated_at, change_seq)
                                   select x, false, now(), now(), nextval('change_seq') from unnest(cast(? as text[])) as x
                                   on conflict (id) do nothing)
                    insert into sprint_feature (sprint_id, feature_id, source) select ?, x, ? from unnest(cast(? as text[])) as x
                    on conflict do nothing""", ids, sprintId, source, ids);
        }
    }

    /** The ids this transaction has not linked to the sprint yet (remembered as linked from now on). */
    private List<String> notYetLinked(String sprintId, String kind, Collection<String> ids, String source) {
        Set<String> linked = done().linked();
        return ids.stream().distinct().filter(id -> linked.add(sprintId + '|' + kind + '|' + id + '|' + source)).toList();
    }

    /**
     * The milestones a sprint's evidence concerns: those it is linked to and those requiring what it delivers. Read once
     * per transaction and sprint, again after this transaction linked something new to the sprint.
     */
    public List<String> touchedMilestones(String sprintId) {
        return new ArrayList<>(done().touched().computeIfAbsent(sprintId, id -> List.copyOf(new TreeSet<>(Rows.list(em, """
                select milestone_id from sprint_milestone where sprint_id = ?
                union select mf.milestone_id from milestone_feature mf join sprint_feature sf on sf.feature_id = mf.feature_id
                where sf.sprint_id = ?""", r -> r.text("milestone_id"), id, id)))));
    }

    private List<SprintEventFact> timeline(String sprintId) {
        return Rows.list(em, """
                select event_type, occurred_at, evidence_id from sprint_event where sprint_id = ? order by occurred_at, evidence_id""",
                r -> new SprintEventFact(sprintId, SprintEventType.fromEventName(r.text("event_type")).orElseThrow(),
                        r.instant("occurred_at"), r.number("evidence_id")), sprintId);
    }

    private boolean hasVerificationEvidence(String sprintId) {
        return Rows.first(em, """
                select 1 as found from trace_fact where sprint_id = ? union all select 1 from test_result_fact where sprint_id = ?
                union all select 1 from coverage_fact where sprint_id = ? and source = 'qa' limit 1""",
                r -> true, sprintId, sprintId, sprintId).isPresent();
    }
}
