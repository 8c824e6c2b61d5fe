package studio.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.backlog.Feature;
import studio.evidence.IngestEvent;
import studio.evidence.IngestEvent.*;
import studio.gate.GateCondition;
import studio.gate.SignalRule;
import studio.governance.Actor;
import studio.governance.MilestoneState;
import studio.governance.MilestoneStimulus;
import studio.ingest.EvidenceIntake.Effect;
import studio.ingest.EvidenceStore.Envelope;
import studio.input.InputProblem;
import studio.input.InvalidInputException;
import studio.milestone.ChangeCursor;
import studio.milestone.Milestone;
import studio.milestone.MilestoneEvaluator;
import studio.milestone.MilestoneRulebook;
import studio.milestone.MilestoneViews;
import studio.persistence.Rows;
import studio.sprint.PlanSnapshots;
import studio.sprint.Sprint;
import studio.sprint.SprintEventType;
import studio.sprint.SprintScopes;
import studio.sprint.SprintTracker;
import studio.web.ApiException;

/**
 * What each consumed event does (docs/API.md "Events and evidence"). The event is stored first; its timestamp, not its
 * arrival, orders it among the others.
 */
@ApplicationScoped
public class EventEffects {

    @Inject
    EntityManager em;
    @Inject
    EvidenceStore store;
    @Inject
    SprintTracker sprints;
    @Inject
    EvidenceIntake intake;
    @Inject
    MilestoneViews views;
    @Inject
    MilestoneEvaluator evaluator;
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;
    @Inject
    Event<ReleaseReported> releaseReports;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    PlanSnapshots plans;
    @Inject
    SprintScopes scopes;

    /** A ReleaseCompleted/ReleaseFailed report for the release side of Studio to act on. */
    public record ReleaseReported(IngestEvent event, long evidenceId, Actor actor) {}

    Effect apply(IngestEvent event, String body, String key, Actor actor, Instant now) {
        Instant at = event.meta().timestamp() == null ? now : event.meta().timestamp();
        if (event instanceof MilestonePlanned e) return milestonePlanned(e, body, key, actor, now, at);
        if (event instanceof GateSignal e) return signal(e, body, key, actor, now, at);
        if (event instanceof FeatureDeferred e) return deferred(e, body, key, actor, now, at);
        if (event instanceof OrchestrationEvent e) return orchestration(e, body, key, actor, now, at);
        if (event instanceof ReleaseCompleted || event instanceof ReleaseFailed || event instanceof DeploymentSignal) {
            return release(event, body, key, actor, now, at);
        }
        if (event instanceof PlanningResumed e && e.sprintId() == null) return planningResumed(e, body, key, actor, now, at);
        if (event instanceof SprintReadiness e) return readiness(e, body, key, actor, now, at);
        if (event instanceof MilestonePlanCreated e) return planCreated(e, body, key, actor, now, at);
        return sprintEvent(event, body, key, actor, now, at);
    }

    private Effect sprintEvent(IngestEvent event, String body, String key, Actor actor, Instant now, Instant at) {
        String sprintId = sprintId(event);
        List<String> milestones = event instanceof SprintPlanned p ? p.milestoneIds() : List.of();
        milestones.forEach(views::find);
        Sprint sprint = sprints.lock(sprintId);
        SprintEventType type = SprintEventType.fromEventName(event.type()).orElseThrow();
        if (type == SprintEventType.SPRINT_STARTED) sprints.requireIsolation(sprint);
        long id = store.append(envelope(event, sprintId, milestones.isEmpty() ? null : milestones.get(0), null, body, key, actor, now, at));
        sprints.record(sprint, type, at, id, reason(event));
        if (event instanceof SprintClosed c) artifacts(sprintId, c.completedArtifacts(), id, at);
        if (type == SprintEventType.SPRINT_STARTED) scopes.started(sprintId, at, id, actor, event.meta().traceId());
        if (event instanceof SprintPlanned p) {
            sprints.link(sprintId, p.milestoneIds(), List.of(), "event");
            scopes.refuseUnapprovedFeatures(sprintId, p.features(), event.type());
            sprints.link(sprintId, List.of(), p.features(), "event");
        }
        sprints.refresh(sprint, event.meta().traceId(), actor);
        Effect effect = intake.judge(sprintId, id, event.type(), actor, event.meta().traceId());
        if (event instanceof PlanningResumed r) effect.milestones().forEach(m -> plans.resumed(m, id, actor, r.reason()));
        ObjectNode p = payload(event, id, at).put("sprint_state", sprint.state);
        if (event instanceof SprintClosed c && !c.completedArtifacts().isEmpty()) c.completedArtifacts().forEach(p.putArray("completed_artifacts")::add);
        audit.record(actor, AuditEntry.of(event.type(), Subject.sprint(sprintId), event.meta().traceId(), p)
                .alsoAbout(effect.milestones().stream().map(Subject::milestone).toList()));
        return effect;
    }

    /** What the closed sprint reports it completed, for the milestones' linked artifacts; a sprint's first report of one is kept. */
    private void artifacts(String sprintId, List<String> completed, long evidenceId, Instant at) {
        if (completed.isEmpty()) return;
        Rows.update(em, """
                insert into sprint_artifact (sprint_id, artifact, evidence_id, reported_at)
                select ?, a, ?, ? from unnest(cast(? as text[])) a
                on conflict (sprint_id, artifact) do update set evidence_id = excluded.evidence_id, reported_at = excluded.reported_at
                where excluded.reported_at < sprint_artifact.reported_at""",
                sprintId, evidenceId, at, new java.util.LinkedHashSet<>(completed).toArray(String[]::new));
    }

    /** A readiness step of a sprint before execution: recorded (first report kept), the state untouched. */
    private Effect readiness(SprintReadiness e, String body, String key, Actor actor, Instant now, Instant at) {
        Sprint sprint = sprints.lock(e.sprintId());
        long id = store.append(envelope(e, e.sprintId(), null, null, body, key, actor, now, at));
        Rows.update(em, """
                insert into sprint_readiness (sprint_id, step, occurred_at, evidence_id) values (?, ?, ?, ?)
                on conflict (sprint_id, step) do update set occurred_at = excluded.occurred_at, evidence_id = excluded.evidence_id
                where excluded.occurred_at < sprint_readiness.occurred_at""", e.sprintId(), e.step().key(), at, id);
        scopes.refuseUnapprovedFeatures(e.sprintId(), e.features(), e.type());
        if (!e.features().isEmpty()) sprints.link(e.sprintId(), List.of(), e.features(), "event");
        sprints.touch(sprint);
        Effect effect = intake.judge(e.sprintId(), id, e.type(), actor, e.meta().traceId());
        ObjectNode p = payload(e, id, at).put("step", e.step().label());
        if (!e.features().isEmpty()) e.features().forEach(p.putArray("features")::add);
        audit.record(actor, AuditEntry.of(e.type(), Subject.sprint(e.sprintId()), e.meta().traceId(), p)
                .alsoAbout(effect.milestones().stream().map(Subject::milestone).toList()));
        return effect;
    }

    /** A milestone's plan was created: recorded with the milestone, the sprints it names linked to it. */
    private Effect planCreated(MilestonePlanCreated e, String body, String key, Actor actor, Instant now, Instant at) {
        views.find(e.milestoneId());
        long id = store.append(envelope(e, null, e.milestoneId(), null, body, key, actor, now, at));
        for (String sprintId : e.sprints()) {
            sprints.touch(sprints.lock(sprintId));
            sprints.link(sprintId, List.of(e.milestoneId()), List.of(), "event");
        }
        Map<String, String> judged = intake.judgeAll(List.of(e.milestoneId()), e.type(), actor, e.meta().traceId());
        ObjectNode p = payload(e, id, at);
        e.sprints().forEach(p.putArray("sprints")::add);
        audit.record(actor, AuditEntry.of(e.type(), Subject.milestone(e.milestoneId()), e.meta().traceId(), p)
                .alsoAbout(e.sprints().stream().map(Subject::sprint).toList()));
        return new Effect(id, judged);
    }

    private Effect milestonePlanned(MilestonePlanned e, String body, String key, Actor actor, Instant now, Instant at) {
        views.find(e.milestoneId());
        long id = store.append(envelope(e, null, e.milestoneId(), null, body, key, actor, now, at));
        Map<String, String> judged = intake.judgeAll(List.of(e.milestoneId()), e.type(), actor, e.meta().traceId());
        audit.record(actor, AuditEntry.of(e.type(), Subject.milestone(e.milestoneId()), e.meta().traceId(), payload(e, id, at)));
        return new Effect(id, judged);
    }

    private Effect signal(GateSignal e, String body, String key, Actor actor, Instant now, Instant at) {
        Milestone m = views.find(e.milestoneId());
        rulebook.rules(m).gates().stream().filter(g -> g instanceof GateCondition.Signal && g.name().equals(e.gate())).findFirst()
                .map(g -> SignalRule.whyUnusable((GateCondition.Signal) g, e.status(), e.value()))
                .ifPresent(why -> {
                    throw new InvalidInputException(new InputProblem(why, null, null, "$.status"));
                });
        long id = store.append(envelope(e, null, e.milestoneId(), null, body, key, actor, now, at));
        store.signal(id, e.milestoneId(), e.gate(), e.status(), e.value(), e.detail(), at);
        Map<String, String> judged = intake.judgeAll(List.of(e.milestoneId()), "gate signal " + e.gate(), actor, e.meta().traceId());
        ObjectNode p = payload(e, id, at).put("gate", e.gate()).put("status", e.status()).put("detail", e.detail());
        if (e.value() != null) p.put("value", e.value());
        audit.record(actor, AuditEntry.of(e.type(), Subject.milestone(e.milestoneId()), e.meta().traceId(), p));
        return new Effect(id, judged);
    }

    private Effect deferred(FeatureDeferred e, String body, String key, Actor actor, Instant now, Instant at) {
        Feature f = Feature.findById(e.featureId(), LockModeType.PESSIMISTIC_WRITE);
        if (f == null) throw ApiException.notFound("unknown feature " + e.featureId());
        long id = store.append(envelope(e, e.sprintId(), e.milestoneId(), e.featureId(), body, key, actor, now, at));
        if (f.deferredAt == null || !f.deferredAt.isAfter(at)) {
            f.deferredAt = at;
            f.deferralReason = e.reason();
            f.deferredBy = actor.name();
            f.updatedAt = now;
            f.changeSeq = ChangeCursor.next(em);
        }
        Map<String, String> touched = intake.judgeAll(milestonesRequiring(e.featureId()), "feature deferred", actor, e.meta().traceId());
        List<String> emitting = touched.keySet().stream().sorted().filter(m -> rulebook.rules(views.find(m)).definition().onDeferEmit() != null).toList();
        audit.record(actor, AuditEntry.of(e.type(), Subject.feature(e.featureId()), e.meta().traceId(),
                        payload(e, id, at).put("feature_id", e.featureId()).put("reason", e.reason()))
                .alsoAbout(touched.keySet().stream().filter(m -> !emitting.contains(m)).map(Subject::milestone).toList()));
        // onDeferEmit: the deferral is also recorded about each milestone that asks for it, and so sent to its subscribers
        for (String m : emitting) {
            audit.record(actor, AuditEntry.of(e.type(), Subject.milestone(m), e.meta().traceId(), payload(e, id, at)
                    .put("feature_id", e.featureId()).put("reason", e.reason()).put("emitted_for", "onDeferEmit")));
        }
        return new Effect(id, touched);
    }

    /** An orchestration event the milestone's triggers name: kept and audited; the triggers fire from the intake. */
    private Effect orchestration(OrchestrationEvent e, String body, String key, Actor actor, Instant now, Instant at) {
        Milestone m = views.find(e.milestoneId());
        if (rulebook.rules(m).definition().triggers().stream().noneMatch(t -> e.name().equals(t.event()))) {
            throw new InvalidInputException(new InputProblem("unknown event type '" + e.name() + "'; milestone " + m.id
                    + " has no trigger on it (an event of your own is accepted for a milestone whose triggers name it); accepted: "
                    + String.join(", ", studio.evidence.EventParser.eventTypes()), null, null, "$.event"));
        }
        intake.requireTracePattern(m.id, e.meta().traceId());
        long id = store.append(envelope(e, null, m.id, null, body, key, actor, now, at));
        audit.record(actor, AuditEntry.of(e.type(), Subject.milestone(m.id), e.meta().traceId(), payload(e, id, at)));
        return new Effect(id, Map.of(m.id, m.state));
    }

    private Effect planningResumed(PlanningResumed e, String body, String key, Actor actor, Instant now, Instant at) {
        intake.judgeDeferredNow(actor); // a resume acts on the state the evidence before it led to
        Milestone m = views.find(e.milestoneId());
        intake.requireTracePattern(m.id, e.meta().traceId());
        long id = store.append(envelope(e, null, e.milestoneId(), null, body, key, actor, now, at));
        MilestoneStimulus stimulus = m.lifecycleState() == MilestoneState.BLOCKED
                ? new MilestoneStimulus.Resume(actor.name(), e.reason())
                : new MilestoneStimulus.EvidenceArrived(e.type());
        String after = m.lifecycleState().terminal() ? m.state : evaluator.react(m.id, stimulus, actor, e.meta().traceId()).milestone().state;
        plans.resumed(m.id, id, actor, e.reason());
        audit.record(actor, AuditEntry.of(e.type(), Subject.milestone(m.id), e.meta().traceId(), payload(e, id, at)));
        return new Effect(id, Map.of(m.id, after));
    }

    private Effect release(IngestEvent e, String body, String key, Actor actor, Instant now, Instant at) {
        String milestoneId = e instanceof ReleaseCompleted c ? c.milestoneId() : e instanceof ReleaseFailed f ? f.milestoneId() : null;
        if (milestoneId != null) intake.requireTracePattern(views.find(milestoneId).id, e.meta().traceId());
        intake.judgeDeferredNow(actor); // a release report acts on the milestone's state as the evidence before it left it
        long id = store.append(envelope(e, null, milestoneId, null, body, key, actor, now, at));
        releaseReports.fire(new ReleaseReported(e, id, actor));
        audit.record(actor, AuditEntry.of(e.type(), milestoneId == null ? Subject.system() : Subject.milestone(milestoneId),
                e.meta().traceId(), payload(e, id, at)));
        // the release report's own effect on the milestone is the coordinator's; its state is not judged here
        Map<String, String> touched = new java.util.HashMap<>();
        if (milestoneId != null) touched.put(milestoneId, null);
        return new Effect(id, touched);
    }

    private List<String> milestonesRequiring(String featureId) {
        return new ArrayList<>(new TreeSet<>(Rows.list(em, "select milestone_id from milestone_feature where feature_id = ?",
                r -> r.text("milestone_id"), featureId)));
    }

    private ObjectNode payload(IngestEvent e, long evidenceId, Instant at) {
        ObjectNode p = json.createObjectNode().put("event", e.type()).put("evidence_id", evidenceId).put("timestamp", at.toString());
        String reason = reason(e);
        if (reason != null) p.put("reason", reason);
        if (e.meta().agentId() != null) p.put("agent_id", e.meta().agentId());
        return p;
    }

    private static Envelope envelope(IngestEvent e, String sprintId, String milestoneId, String featureId, String body,
                                     String key, Actor actor, Instant now, Instant at) {
        return new Envelope("event", e.type(), sprintId, milestoneId, featureId, at, now, e.meta().traceId(), key,
                actor.name(), "application/json", body);
    }

    private static String sprintId(IngestEvent e) {
        if (e instanceof SprintPlanned p) return p.sprintId();
        if (e instanceof SprintStarted s) return s.sprintId();
        if (e instanceof SprintCheckpoint c) return c.sprintId();
        if (e instanceof SprintClosed c) return c.sprintId();
        if (e instanceof SprintBlocked b) return b.sprintId();
        if (e instanceof PlanningResumed r) return r.sprintId();
        throw new IllegalArgumentException("not a sprint event: " + e.type());
    }

    private static String reason(IngestEvent e) {
        if (e instanceof SprintBlocked b) return b.reason();
        if (e instanceof PlanningResumed r) return r.reason();
        if (e instanceof FeatureDeferred d) return d.reason();
        if (e instanceof ReleaseFailed f) return f.reason();
        if (e instanceof DeploymentSignal s) return s.gate() + " " + s.status() + (s.detail() == null ? "" : ": " + s.detail());
        return null;
    }
}
