package studio.milestone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.audit.Refusals;
import studio.gate.GateReport;
import studio.governance.Actor;
import studio.governance.GovernedMilestone;
import studio.governance.MilestoneStimulus;
import studio.governance.SignOffs;
import studio.governance.Verdict;
import studio.persistence.Rows;
import studio.web.ApiException;

/**
 * What every desk that decides on a milestone goes through (overrides, bypass requests, definition changes,
 * criterion marks): the milestone locked first, its rules and sign-offs as the policies read them, the policy's
 * verdict enforced (a refusal on who is asking is itself audited), the decision's audit entry, and the milestone
 * judged again. The desks own their tables and their policies; this is the milestone side they share.
 */
@ApplicationScoped
public class MilestoneChanges {

    @Inject
    MilestoneViews views;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    MilestoneEvaluator evaluator;
    @Inject
    MilestoneSignOffs signOffs;
    @Inject
    AuditLog audit;
    @Inject
    Refusals refusals;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    /** The milestone, its row locked until the transaction ends (the lock every milestone change takes). */
    public Milestone locked(String milestoneId) {
        return views.locked(milestoneId);
    }

    /**
     * The milestone an item waiting for a decision belongs to, read from {@code table} (its rows carry milestone_id).
     *
     * @throws ApiException 404 "unknown {@code noun} {@code id}" when there is no such item
     */
    public String milestoneOfItem(String table, String noun, long id) {
        return Rows.first(em, "select milestone_id from " + table + " where id = ?", r -> r.text("milestone_id"), id)
                .orElseThrow(() -> ApiException.notFound("unknown " + noun + " " + id));
    }

    public Milestone find(String milestoneId) {
        return views.find(milestoneId);
    }

    public MilestoneRules rules(Milestone m) {
        return rulebook.rules(m);
    }

    public MilestoneRules rules(String definitionYaml) {
        return rulebook.rules(definitionYaml);
    }

    /** The milestone as the governance policies read it. */
    public GovernedMilestone governed(Milestone m) {
        return rulebook.governed(m);
    }

    /** The people's decisions on the milestone so far (overrides, manual gates, bypass requests). */
    public MilestoneSignOffs signOffs() {
        return signOffs;
    }

    public SignOffs signOffs(String milestoneId) {
        return signOffs.of(milestoneId);
    }

    /** Goes on when the policy allows {@code action}; otherwise throws its refusal (403s recorded in the audit trail). */
    public void enforce(Verdict verdict, Actor actor, String action, String milestoneId) {
        refusals.enforce(verdict, actor, action, Subject.milestone(milestoneId));
    }

    /** An empty audit payload, to describe a decision in. */
    public ObjectNode payload() {
        return json.createObjectNode();
    }

    /** Appends {@code type} to the milestone's audit trail, in the caller's transaction. */
    public void record(Actor actor, String type, Milestone m, ObjectNode payload) {
        audit.record(actor, AuditEntry.of(type, Subject.milestone(m.id), m.traceId, payload));
    }

    /** Judges the milestone again after a decision ({@code stimulus}) and applies what follows. */
    public MilestoneEvaluator.Outcome react(String milestoneId, MilestoneStimulus stimulus, Actor actor) {
        return evaluator.react(milestoneId, stimulus, actor, null);
    }

    /** Judges the milestone again under the definition now in force. */
    public MilestoneEvaluator.Outcome redefined(String milestoneId, Actor actor) {
        return evaluator.redefined(milestoneId, actor);
    }

    /** The gates as they would be judged now, nothing stored. */
    public GateReport preview(Milestone m) {
        return evaluator.preview(m);
    }
}
