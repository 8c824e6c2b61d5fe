package studio.bypass;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import studio.governance.Actor;
import studio.governance.Bypass;
import studio.governance.BypassPolicy;
import studio.governance.DecisionDesk;
import studio.governance.GovernedMilestone;
import studio.governance.MilestoneStimulus;
import studio.governance.OverridePolicy;
import studio.governance.Quorum;
import studio.milestone.ControlPanel;
import studio.milestone.Milestone;
import studio.milestone.MilestoneChanges;
import studio.persistence.Rows;
import studio.web.ApiException;

/**
 * Force close and termination as four-eyes requests. A governor asks (with a reason); nothing moves until the
 * milestone's bypass quorum approves (a second governor by default; never the requester or whoever escalated the
 * milestone). The approval that completes the quorum applies the transition through the lifecycle, in the same
 * transaction; a rejection ends the request. The milestone row is locked first, so two approvals, a request and an
 * approval, or an approval and new evidence are judged one after another.
 */
@ApplicationScoped
public class BypassDesk implements DecisionDesk<BypassDesk.Outcome> {

    private static final Items<Outcome> KIND = new Items<>("bypass request", "bypass-", o -> o.bypass().status() == Bypass.Status.APPROVED);

    @Inject
    EntityManager em;
    @Inject
    MilestoneChanges changes;

    /** What became of a request: the bypass as it now stands. */
    public record Outcome(Bypass bypass, String milestoneId, String stillNeeded) {}

    @Transactional
    public Outcome request(String milestoneId, Bypass.Kind kind, String reason, Actor actor) {
        Milestone m = changes.locked(milestoneId);
        GovernedMilestone governed = changes.governed(m);
        List<Bypass> bypasses = changes.signOffs().bypasses(milestoneId);
        changes.enforce(BypassPolicy.request(actor, governed, kind, ControlPanel.open(bypasses, kind), reason), actor,
                "request " + kind.noun(), milestoneId);
        changes.enforce(studio.governance.HoldPolicy.notPaused(milestoneId, m.pause(), "a " + kind.noun()), actor, "request " + kind.noun(), milestoneId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long id = Rows.first(em, """
                insert into bypass_request (milestone_id, kind, reason, requested_by, requested_roles, requested_at)
                values (?, ?, ?, ?, ?, ?) returning id""", r -> r.number("id"), milestoneId, kind.slug(), reason.strip(), actor.name(),
                actor.sortedRoles(), now).orElseThrow();
        Bypass bypass = new Bypass(id, kind, Bypass.Status.REQUESTED, actor.name(), List.of(), null, null);
        String needed = BypassPolicy.stillNeeded(governed, bypass);
        changes.record(actor, "MilestoneBypassRequested", m, describe(milestoneId, bypass).put("reason", reason.strip()).put("still_needed", needed));
        return new Outcome(bypass, milestoneId, needed);
    }

    @Override
    @Transactional
    public Outcome approve(long id, String reason, Actor actor) {
        Stored s = stored(id);
        GovernedMilestone governed = changes.governed(s.milestone);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        changes.enforce(BypassPolicy.approve(actor, governed, s.bypass, s.milestone.escalatedBy, reason, now), actor,
                "approve " + s.bypass.kind().noun() + " " + id, s.milestone.id);
        Quorum.Signature signature = OverridePolicy.signature(actor, now);
        Rows.update(em, "insert into bypass_approval (bypass_id, approver, approver_roles, reason, approved_at) values (?, ?, ?, ?, ?)",
                id, actor.name(), actor.sortedRoles(), reason.strip(), now);
        List<Quorum.Signature> approvals = new ArrayList<>(s.bypass.approvals());
        approvals.add(signature);
        if (!BypassPolicy.approvedWith(governed, s.bypass, signature)) {
            Bypass waiting = new Bypass(id, s.bypass.kind(), Bypass.Status.REQUESTED, s.bypass.requestedBy(), approvals, null, null);
            String needed = BypassPolicy.stillNeeded(governed, waiting);
            changes.record(actor, "MilestoneBypassApprovalRecorded", s.milestone,
                    describe(s.milestone.id, waiting).put("reason", reason.strip()).put("approver", actor.name()).put("still_needed", needed));
            return new Outcome(waiting, s.milestone.id, needed);
        }
        Bypass approved = decide(s, Bypass.Status.APPROVED, approvals, reason, actor, now);
        changes.record(actor, "MilestoneBypassApproved", s.milestone, describe(s.milestone.id, approved).put("reason", reason.strip()));
        // "force closed by alice (requested) and bob (approved): <the request's reason>"
        String who = s.bypass.requestedBy() + " (requested) and "
                + String.join(" and ", approvals.stream().map(Quorum.Signature::person).toList()) + " (approved)";
        MilestoneStimulus stimulus = s.bypass.kind() == Bypass.Kind.FORCE_CLOSE
                ? new MilestoneStimulus.ForceClose(who, s.reason) : new MilestoneStimulus.Terminate(who, s.reason);
        changes.react(s.milestone.id, stimulus, actor);
        return new Outcome(approved, s.milestone.id, null);
    }

    @Override
    @Transactional
    public Outcome reject(long id, String reason, Actor actor) {
        Stored s = stored(id);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        changes.enforce(BypassPolicy.reject(actor, changes.governed(s.milestone), s.bypass, s.milestone.escalatedBy, reason), actor,
                "reject " + s.bypass.kind().noun() + " " + id, s.milestone.id);
        Bypass rejected = decide(s, Bypass.Status.REJECTED, s.bypass.approvals(), reason, actor, now);
        changes.record(actor, "MilestoneBypassRejected", s.milestone, describe(s.milestone.id, rejected).put("reason", reason.strip()));
        return new Outcome(rejected, s.milestone.id, null);
    }

    @Override
    public Items<Outcome> items() {
        return KIND;
    }

    @Override
    public String milestoneOf(long id) {
        return changes.milestoneOfItem("bypass_request", KIND.noun(), id);
    }

    /** A request and its milestone, the milestone locked first (the lock every milestone change takes). */
    private record Stored(Milestone milestone, Bypass bypass, String reason) {}

    private Stored stored(long id) {
        Milestone m = changes.locked(milestoneOf(id));
        Bypass bypass = changes.signOffs().bypasses(m.id).stream().filter(b -> b.id() == id).findFirst().orElseThrow();
        String reason = Rows.first(em, "select reason from bypass_request where id = ?", r -> r.text("reason"), id).orElseThrow();
        return new Stored(m, bypass, reason);
    }

    private Bypass decide(Stored s, Bypass.Status status, List<Quorum.Signature> approvals, String reason, Actor actor, Instant now) {
        int changed = Rows.update(em, """
                update bypass_request set status = ?, decided_by = ?, decided_at = ?, decision_reason = ?, version = version + 1
                where id = ? and status = 'requested'""", status.json(), actor.name(), now, reason.strip(), s.bypass.id());
        if (changed == 0) throw ApiException.conflict("the " + s.bypass.kind().noun() + " request " + s.bypass.id() + " was decided meanwhile");
        return new Bypass(s.bypass.id(), s.bypass.kind(), status, s.bypass.requestedBy(), approvals, actor.name(), now);
    }

    private ObjectNode describe(String milestoneId, Bypass b) {
        ObjectNode p = changes.payload().put("bypass_id", b.id()).put("milestone_id", milestoneId).put("kind", b.kind().slug())
                .put("status", b.status().json()).put("requested_by", b.requestedBy());
        b.approvals().forEach(a -> p.withArray("approved_by").add(a.person()));
        return p;
    }
}
