package studio.milestone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.gate.GateEngine;
import studio.gate.GateReport;
import studio.gate.GateResult;
import studio.gate.GateStatus;
import studio.gate.MilestoneEvidence;
import studio.gate.MilestoneScope;
import studio.governance.Actor;
import studio.governance.MilestoneEvent;
import studio.governance.MilestoneLifecycle;
import studio.governance.MilestoneState;
import studio.governance.MilestoneStimulus;
import studio.governance.MilestoneTrigger;
import studio.governance.Readiness;
import studio.governance.Transition;
import studio.persistence.Rows;
import studio.telemetry.Spans;

/**
 * Re-judges one milestone after something happened to it: reads its evidence, runs the gate engine and the
 * lifecycle, applies the transitions, and records what changed (audit events, an evaluation snapshot for "as of"
 * replay, metrics, a {@link MilestoneChanged} event for the rest of Studio). The milestone row is locked for the
 * whole decision so concurrent evidence is judged one piece at a time.
 */
@ApplicationScoped
public class MilestoneEvaluator {

    /** Bumped when gate semantics change, so a snapshot says which rules produced it. */
    public static final String RULE_VERSION = "gates-1";

    public record Outcome(Milestone milestone, GateReport report, List<Transition> transitions) {}

    @Inject
    EntityManager em;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    EvidenceFacts facts;
    @Inject
    AuditLog audit;
    @Inject
    MilestoneMetrics metrics;
    @Inject
    InterventionMetrics interventions;
    @Inject
    Event<MilestoneChanged> changed;
    @Inject
    ObjectMapper json;
    @Inject
    Spans spans;

    /** On the MilestoneGateEvaluation span: the state the milestone is in afterwards, and the gates' outcome. */
    static final AttributeKey<String> STATE = AttributeKey.stringKey("milestone_state");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("gate_outcome");
    static final AttributeKey<String> STIMULUS = AttributeKey.stringKey("stimulus");

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome react(String milestoneId, MilestoneStimulus stimulus, Actor actor, String traceId) {
        return judge(milestoneId, stimulus, actor, traceId, true);
    }

    /**
     * After its definition changed: re-judge the gates. A Planned milestone only gets its gate matrix refreshed
     * (a definition is not evidence that tracking started); any other state reacts as to new evidence.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome redefined(String milestoneId, Actor actor) {
        return judge(milestoneId, new MilestoneStimulus.EvidenceArrived("definition"), actor, null, false);
    }

    /** The spec's MilestoneGateEvaluation span around every judgement, linked to the trace of the evidence that caused it. */
    private Outcome judge(String milestoneId, MilestoneStimulus stimulus, Actor actor, String traceId, boolean planning) {
        Attributes attributes = Attributes.of(Spans.MILESTONE_ID, milestoneId, STIMULUS, stimulus.label());
        return spans.within("MilestoneGateEvaluation", attributes, traceId, () -> {
            Outcome outcome = decide(milestoneId, stimulus, actor, traceId, planning);
            Spans.outcome(STATE, outcome.milestone().state);
            Spans.outcome(OUTCOME, outcome.report().outcome().name().toLowerCase(java.util.Locale.ROOT));
            return outcome;
        });
    }

    private Outcome decide(String milestoneId, MilestoneStimulus stimulus, Actor actor, String traceId, boolean planning) {
        Milestone m = Milestone.findById(milestoneId, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) throw new NotFoundException("unknown milestone " + milestoneId);
        boolean lifecycle = planning || m.lifecycleState() != MilestoneState.PLANNED;
        MilestoneRules rules = rulebook.rules(m);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        MilestoneEvidence evidence = facts.load(rules, now);
        GateReport report = GateEngine.evaluate(rules.requiredFeatures(), rules.gates(), evidence);
        Readiness readiness = Readiness.of(report, MilestoneScope.of(rules.requiredFeatures(), evidence));
        List<Transition> steps = lifecycle
                ? new MilestoneLifecycle(rules.lifecycle()).react(m.lifecycleState(), m.pausedAt != null, stimulus, readiness) : List.of();
        if (traceId != null && !traceId.isBlank()) m.traceId = traceId;
        ObjectNode stored = MilestoneReadout.report(report);
        boolean reportChanged = !stored.toString().equals(m.report);
        interventions.judged(m.report, report, rules.gates());
        for (Transition t : steps) apply(m, t, report, actor, now);
        if (stimulus instanceof MilestoneStimulus.TimerTick tick && escalatedFromPending(steps)) overdue(m, tick, actor, now);
        if (!steps.isEmpty() || reportChanged) {
            if (steps.isEmpty()) audit.record(actor, gatesEvaluated(m, report, stimulus));
            snapshot(m, stored, evidence, stimulus, actor, now);
            store(m, report, stored, now);
            changed.fire(new MilestoneChanged(m.id, steps, m.lifecycleState(), actor));
        }
        metrics.coverage(m.id, report.coverageAverage());
        return new Outcome(m, report, steps);
    }

    private static boolean escalatedFromPending(List<Transition> steps) {
        return steps.stream().anyMatch(t -> t.from() == MilestoneState.PENDING && t.to() == MilestoneState.ESCALATED);
    }

    /** The spec's "flag long-running or unclosed sprints": kept on the row for the page, audited with their ages, counted. */
    private void overdue(Milestone m, MilestoneStimulus.TimerTick tick, Actor actor, Instant now) {
        ArrayNode sprints = json.createArrayNode();
        tick.overdueSprints().forEach(s -> sprints.addObject().put("sprint_id", s.sprintId()).put("kind", s.kind().json())
                .put("age_seconds", s.ageSeconds()));
        ObjectNode flag = json.createObjectNode().put("budget_seconds", tick.timeoutSeconds()).put("found_at", now.toString());
        flag.set("sprints", sprints);
        m.overdueSprints = flag.toString();
        ObjectNode p = json.createObjectNode().put("milestone_id", m.id).put("budget_seconds", tick.timeoutSeconds());
        p.set("sprints", sprints);
        p.put("escalated_to", rulebook.rules(m).definition().effectiveGovernedBy());
        p.put("timestamp", now.toString());
        audit.record(actor, AuditEntry.of("MilestoneSprintsOverdue", Subject.milestone(m.id), m.traceId, p));
        tick.overdueSprints().forEach(s -> metrics.sprintTimedOut(s.kind().json()));
    }

    /** The report as it would be now, without changing anything (for policies and previews). */
    @Transactional(Transactional.TxType.MANDATORY)
    public GateReport preview(Milestone m) {
        MilestoneRules rules = rulebook.rules(m);
        return GateEngine.evaluate(rules.requiredFeatures(), rules.gates(), facts.load(rules, Instant.now()));
    }

    /** Each transition is a span of its own, named as its event (MilestoneReached, MilestoneBlocked, ...). */
    private void apply(Milestone m, Transition t, GateReport report, Actor actor, Instant now) {
        Attributes attributes = Attributes.builder().put(Spans.MILESTONE_ID, m.id).put("from", t.from().json())
                .put("to", t.to().json()).put(Spans.TRACE_ID, m.traceId).build();
        spans.within(eventName(t), attributes, null, () -> transition(m, t, report, actor, now));
    }

    private void transition(Milestone m, Transition t, GateReport report, Actor actor, Instant now) {
        if (t.to() != t.from()) {
            interventions.left(t.from(), t.to(), m.stateSince, now);
            m.state = t.to().json();
            m.stateSince = now;
            if (t.to() == MilestoneState.ESCALATED) m.escalatedBy = actor.name();
            if (t.from() == MilestoneState.ESCALATED) m.overdueSprints = null; // the flag explains an escalation, while it lasts
        }
        retries(m, t);
        audit.record(actor, AuditEntry.of(eventName(t), Subject.milestone(m.id), m.traceId, transitionPayload(m, t, report, now)));
        if (t.to() == MilestoneState.REACHED && t.from() != MilestoneState.REACHED) {
            metrics.reached(t.emittedEvent() == MilestoneEvent.MILESTONE_FORCE_CLOSED || hasOverride(report), sincePlanned(m, now));
        } else if (t.to() == MilestoneState.BLOCKED) {
            metrics.blocked();
        } else if (t.to() == MilestoneState.ESCALATED) {
            metrics.escalated();
        }
    }

    /**
     * Timer retries are counted until the milestone is judged anew: reached, escalated, resumed by a person or new
     * evidence. (Prometheus counts them per milestone as milestone_retry_count, from their MilestoneResumed.)
     */
    private void retries(Milestone m, Transition t) {
        if (t.trigger() == MilestoneTrigger.RETRY) {
            m.retryCount++;
        } else if (t.to() == MilestoneState.REACHED || t.to() == MilestoneState.ESCALATED || t.trigger() == MilestoneTrigger.RESUME) {
            m.retryCount = 0;
        }
    }

    private static String eventName(Transition t) {
        return t.emittedEvent() == null ? "Milestone" + t.to().label() : t.emittedEvent().eventName();
    }

    private ObjectNode transitionPayload(Milestone m, Transition t, GateReport report, Instant now) {
        ObjectNode p = json.createObjectNode();
        p.put("event", eventName(t));
        p.put("milestone_id", m.id);
        p.put("trace_id", m.traceId);
        p.put("from", t.from().json());
        p.put("to", t.to().json());
        p.put("reason", t.reason());
        if (t.trigger() == MilestoneTrigger.RETRY || t.trigger() == MilestoneTrigger.MAX_RETRIES_EXCEEDED) {
            p.put("retry_count", m.retryCount).put("max_retries", m.timerRetries);
        }
        p.put("version_tag", m.versionTag);
        MilestoneReadout.putNumber(p, "qa_coverage", report.coverageAverage());
        ArrayNode gates = p.putArray("gate_status");
        report.gates().forEach(g -> gates.addObject().put("condition", g.condition()).put("status", g.status().json()));
        report.featuresCovered().forEach(p.putArray("features_covered")::add);
        p.put("manual_override", hasOverride(report) || t.emittedEvent() == MilestoneEvent.MILESTONE_FORCE_CLOSED);
        if (t.emittedEvent() == MilestoneEvent.MILESTONE_PROMOTION_TRIGGERED) {
            ArrayNode targets = p.putArray("targets");
            MilestoneRules rules = rulebook.rules(m);
            String target = rules.definition().promotionTriggerEvent();
            targets.add(target == null ? "deploy-to-staging" : target);
            p.put("status", "pending");
        }
        p.put("timestamp", now.toString());
        return p;
    }

    private AuditEntry gatesEvaluated(Milestone m, GateReport report, MilestoneStimulus stimulus) {
        ObjectNode p = json.createObjectNode();
        p.put("milestone_id", m.id);
        p.put("state", m.state);
        p.put("outcome", report.outcome().name().toLowerCase(java.util.Locale.ROOT));
        p.put("because", stimulus.label());
        MilestoneReadout.putNumber(p, "qa_coverage", report.coverageAverage());
        ArrayNode gates = p.putArray("gate_status");
        report.gates().forEach(g -> gates.addObject().put("condition", g.condition()).put("status", g.status().json())
                .put("detail", g.detail()));
        return AuditEntry.of("GatesEvaluated", Subject.milestone(m.id), m.traceId, p);
    }

    private void snapshot(Milestone m, ObjectNode report, MilestoneEvidence evidence, MilestoneStimulus stimulus, Actor actor, Instant now) {
        Rows.update(em, """
                insert into evaluation (milestone_id, evaluated_at, state, outcome, report, inputs, rule_version, trigger, actor)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", m.id, now, m.state, report.get("outcome").asText(), report.toString(),
                inputs(evidence), RULE_VERSION, stimulus.label(), actor.name());
    }

    private String inputs(MilestoneEvidence evidence) {
        try {
            return json.writeValueAsString(evidence);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("evaluation inputs are not serializable", e);
        }
    }

    private void store(Milestone m, GateReport report, ObjectNode stored, Instant now) {
        m.report = stored.toString();
        m.outcome = report.outcome().name().toLowerCase(java.util.Locale.ROOT);
        m.coverageAvg = report.coverageAverage() == null ? null : BigDecimal.valueOf(report.coverageAverage());
        m.gatesTotal = report.gates().size();
        m.gatesSatisfied = (int) report.gates().stream().filter(g -> g.status().satisfied()).count();
        m.evaluatedAt = now;
        m.updatedAt = now;
        m.changeSeq = ChangeCursor.next(em);
    }

    private static boolean hasOverride(GateReport report) {
        return report.gates().stream().map(GateResult::status).anyMatch(s -> s == GateStatus.OVERRIDDEN);
    }

    private Duration sincePlanned(Milestone m, Instant now) {
        Instant first = Rows.list(em, """
                select min(evaluated_at) as first_evaluated from evaluation where milestone_id = ? and state <> 'planned'""",
                r -> r.instant("first_evaluated"), m.id).get(0);
        return first == null ? null : Duration.between(first, now);
    }
}
