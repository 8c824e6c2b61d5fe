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
import studio.gate.GateCondition;
import studio.governance.Actor;
import studio.governance.GovernancePolicy;
import studio.governance.GovernedMilestone;
import studio.governance.ManualDecisionPolicy;
import studio.governance.MilestoneStimulus;
import studio.governance.Verdict;
import studio.persistence.Rows;
import studio.web.ApiException;

/**
 * What people do to a milestone directly: evaluate now, resume, escalate, decide a manual gate (force close and
 * termination are requests a second governor approves: the bypass feature). Each is checked by the pure policies, applied through the lifecycle and recorded with who, which roles and
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
    MilestoneSignOffs signOffs;
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

    /** A governor's command: the policy decides who may (a 403 is audited), then the lifecycle decides when. */
    private MilestoneEvaluator.Outcome govern(String id, Actor actor, String action,
                                             java.util.function.Function<studio.governance.GovernedMilestone, Verdict> policy,
                                             MilestoneStimulus stimulus) {
        refusals.enforce(policy.apply(rulebook.governed(views.find(id))), actor, action, Subject.milestone(id));
        return evaluator.react(id, stimulus, actor, null);
    }

    /**
     * A person holding a manual gate's role approves, conditionally approves or rejects the milestone.
     * {@code gate} names the gate ("manualApproval", or "manualApproval:security-officer" where several roles sign off).
     */
    @Transactional
    public MilestoneEvaluator.Outcome decide(String id, String gate, String decision, String reason, Actor actor) {
        Milestone m = views.find(id);
        GovernedMilestone governed = rulebook.governed(m);
        Verdict verdict = ManualDecisionPolicy.decide(actor, governed, gate, decision, reason, signOffs.of(id));
        refusals.enforce(verdict, actor, "decide " + gate, Subject.milestone(id));
        GateCondition.ManualApproval manual = ManualDecisionPolicy.gate(governed, gate).orElseThrow();
        Rows.update(em, """
                insert into gate_decision (milestone_id, gate, role, decision, reason, decided_by, decided_roles, decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", id, manual.name(), manual.role(), decision, reason, actor.name(),
                actor.sortedRoles(), Instant.now());
        audit.record(actor, AuditEntry.of("ManualGateDecided", Subject.milestone(id), m.traceId, json.createObjectNode()
                .put("gate", manual.name()).put("role", manual.role()).put("decision", decision).put("reason", reason)));
        return evaluator.react(id, new MilestoneStimulus.EvidenceArrived("manual decision"), actor, null);
    }
}
