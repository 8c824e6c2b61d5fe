package studio.milestone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.audit.Refusals;
import studio.governance.Actor;
import studio.governance.HoldPolicy;
import studio.governance.MilestoneStimulus;
import studio.governance.Transition;

/**
 * Pause and resume a milestone, reject its promotion and lift the rejection (docs/API.md "Pause and reject
 * promotion"). {@link HoldPolicy} decides who and when (a refusal is audited); each change is audited with who, which
 * roles and why. Lifting a pause moves the milestone's state_since on by the paused time, so no timer counts it, and
 * re-judges the milestone against the evidence recorded meanwhile. Shared by the JSON API and the browser.
 */
@ApplicationScoped
public class MilestoneHolds {

    @Inject
    MilestoneViews views;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    MilestoneEvaluator evaluator;
    @Inject
    AuditLog audit;
    @Inject
    Refusals refusals;
    @Inject
    ObjectMapper json;

    @Transactional
    public MilestoneEvaluator.Outcome pause(String id, Actor actor, String reason) {
        Milestone m = locked(id);
        refusals.enforce(HoldPolicy.pause(actor, rulebook.governed(m), m.pause(), reason), actor, "pause", Subject.milestone(id));
        Instant now = now();
        m.pausedBy = actor.name();
        m.pausedRoles = actor.sortedRoles();
        m.pauseReason = reason.strip();
        m.pausedAt = now;
        changed(m, now);
        audit.record(actor, AuditEntry.of("MilestonePaused", Subject.milestone(id), m.traceId, payload(m, actor, reason, now)));
        return new MilestoneEvaluator.Outcome(m, evaluator.preview(m), List.of());
    }

    @Transactional
    public MilestoneEvaluator.Outcome unpause(String id, Actor actor, String reason) {
        Milestone m = locked(id);
        refusals.enforce(HoldPolicy.resume(actor, rulebook.governed(m), m.pause(), reason), actor, "unpause", Subject.milestone(id));
        Instant now = now();
        Duration paused = Duration.between(m.pausedAt, now);
        ObjectNode p = payload(m, actor, reason, now).put("paused_by", m.pausedBy).put("pause_reason", m.pauseReason)
                .put("paused_seconds", paused.toSeconds());
        if (m.stateSince != null) m.stateSince = m.stateSince.plus(paused); // the timers do not count the paused time
        m.pausedBy = null;
        m.pausedRoles = null;
        m.pauseReason = null;
        m.pausedAt = null;
        changed(m, now);
        audit.record(actor, AuditEntry.of("MilestonePauseLifted", Subject.milestone(id), m.traceId, p));
        return evaluator.react(id, new MilestoneStimulus.PauseLifted(actor.name(), reason), actor, null);
    }

    @Transactional
    public MilestoneEvaluator.Outcome rejectPromotion(String id, Actor actor, String reason) {
        Milestone m = locked(id);
        var verdict = HoldPolicy.rejectPromotion(actor, rulebook.governed(m), m.pause(), m.promotionRejection(), reason);
        refusals.enforce(verdict, actor, "reject promotion", Subject.milestone(id));
        Instant now = now();
        m.promotionRejectedBy = actor.name();
        m.promotionRejectedRoles = actor.sortedRoles();
        m.promotionRejectionReason = reason.strip();
        m.promotionRejectedAt = now;
        changed(m, now);
        audit.record(actor, AuditEntry.of("MilestonePromotionRejected", Subject.milestone(id), m.traceId, payload(m, actor, reason, now)));
        return new MilestoneEvaluator.Outcome(m, evaluator.preview(m), List.<Transition>of());
    }

    @Transactional
    public MilestoneEvaluator.Outcome liftRejection(String id, Actor actor, String reason) {
        Milestone m = locked(id);
        var verdict = HoldPolicy.liftRejection(actor, rulebook.governed(m), m.promotionRejection(), reason);
        refusals.enforce(verdict, actor, "lift promotion rejection", Subject.milestone(id));
        Instant now = now();
        ObjectNode p = payload(m, actor, reason, now).put("rejected_by", m.promotionRejectedBy)
                .put("rejection_reason", m.promotionRejectionReason);
        m.promotionRejectedBy = null;
        m.promotionRejectedRoles = null;
        m.promotionRejectionReason = null;
        m.promotionRejectedAt = null;
        changed(m, now);
        audit.record(actor, AuditEntry.of("MilestonePromotionRejectionLifted", Subject.milestone(id), m.traceId, p));
        return new MilestoneEvaluator.Outcome(m, evaluator.preview(m), List.of());
    }

    private Milestone locked(String id) {
        views.find(id);
        return Milestone.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static void changed(Milestone m, Instant now) {
        m.updatedAt = now;
        m.changeSeq = ChangeCursor.next(Milestone.getEntityManager());
    }

    private ObjectNode payload(Milestone m, Actor actor, String reason, Instant now) {
        ObjectNode p = json.createObjectNode().put("milestone_id", m.id).put("state", m.state).put("actor", actor.name())
                .put("reason", reason == null ? null : reason.strip()).put("timestamp", now.toString());
        var roles = p.putArray("roles");
        for (String r : actor.sortedRoles()) roles.add(r);
        return p;
    }
}
