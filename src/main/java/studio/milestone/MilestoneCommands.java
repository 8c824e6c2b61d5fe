package studio.milestone;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.audit.Refusals;
import studio.governance.Actor;
import studio.governance.GovernancePolicy;
import studio.governance.ManualDecisionPolicy;
import studio.governance.MilestoneStimulus;
import studio.governance.Verdict;
import studio.web.ApiException;

/**
 * What people do to a milestone directly: evaluate now, resume, escalate, force close, terminate, decide a manual
 * gate. Each is checked by the pure policies, applied through the lifecycle and recorded with who, which roles and
 * why. Shared by the JSON API and the browser.
 */
@ApplicationScoped
public class MilestoneCommands {

    @Inject
    EntityManager em;
    @Inject
    MilestoneViews views;
    @Inject
    MilestoneEvaluator evaluator;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    AuditLog audit;
    @Inject
    Refusals refusals;
    @Inject
    ObjectMapper json;

    @Transactional
    public MilestoneEvaluator.Outcome evaluate(String id, Actor actor) {
        views.find(id);
        return evaluator.react(id, new MilestoneStimulus.EvaluationRequested(actor.name()), actor, null);
    }

    @Transactional
    public MilestoneEvaluator.Outcome resume(String id, Actor actor, String reason) {
        views.find(id);
        return evaluator.react(id, new MilestoneStimulus.Resume(actor.name(), reason), actor, null);
    }

    @Transactional
    public MilestoneEvaluator.Outcome escalate(String id, Actor actor, String reason) {
        return govern(id, actor, "escalate", m -> GovernancePolicy.escalate(actor, m, reason),
                new MilestoneStimulus.EscalationRequested(actor.name(), reason));
    }

    @Transactional
    public MilestoneEvaluator.Outcome forceClose(String id, Actor actor, String reason) {
        return govern(id, actor, "force close", m -> GovernancePolicy.forceClose(actor, m, reason),
                new MilestoneStimulus.ForceClose(actor.name(), reason));
    }

    @Transactional
    public MilestoneEvaluator.Outcome terminate(String id, Actor actor, String reason) {
        return govern(id, actor, "terminate", m -> GovernancePolicy.terminate(actor, m, reason),
                new MilestoneStimulus.Terminate(actor.name(), reason));
    }

    /** A governor's command: the policy decides who may (a 403 is audited), then the lifecycle decides when. */
    private MilestoneEvaluator.Outcome govern(String id, Actor actor, String action,
                                             java.util.function.Function<studio.governance.GovernedMilestone, Verdict> policy,
                                             MilestoneStimulus stimulus) {
        refusals.enforce(policy.apply(rulebook.governed(views.find(id))), actor, action, Subject.milestone(id));
        return evaluator.react(id, stimulus, actor, null);
    }

    /** A person holding a manualApproval gate's role approves, conditionally approves or rejects the milestone. */
    @Transactional
    public MilestoneEvaluator.Outcome decide(String id, String gate, String decision, String reason, Actor actor) {
        Milestone m = views.find(id);
        Verdict verdict = ManualDecisionPolicy.decide(actor, rulebook.governed(m), gate, decision, reason);
        refusals.enforce(verdict, actor, "decide " + gate, Subject.milestone(id));
        String role = roleOf(m, gate);
        em.createNativeQuery("""
                insert into gate_decision (milestone_id, gate, role, decision, reason, decided_by, decided_roles, decided_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, id).setParameter(2, gate).setParameter(3, role).setParameter(4, decision)
                .setParameter(5, reason).setParameter(6, actor.name())
                .setParameter(7, actor.roles().stream().sorted().toArray(String[]::new)).setParameter(8, Instant.now())
                .executeUpdate();
        audit.record(actor, AuditEntry.of("ManualGateDecided", Subject.milestone(id), m.traceId, json.createObjectNode()
                .put("gate", gate).put("role", role).put("decision", decision).put("reason", reason)));
        return evaluator.react(id, new MilestoneStimulus.EvidenceArrived("manual decision"), actor, null);
    }

    private String roleOf(Milestone m, String gate) {
        return rulebook.rules(m).gates().stream()
                .filter(g -> g.name().equals(gate) && g instanceof studio.gate.GateCondition.ManualApproval)
                .map(g -> ((studio.gate.GateCondition.ManualApproval) g).role()).findFirst()
                .orElseThrow(() -> ApiException.badRequest("milestone " + m.id + " has no manual gate " + gate));
    }
}
