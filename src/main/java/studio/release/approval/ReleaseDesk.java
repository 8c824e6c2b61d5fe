package studio.release.approval;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.audit.Refusals;
import studio.governance.Actor;
import studio.governance.ApprovalLedger;
import studio.governance.ApprovalRequest;
import studio.governance.ApprovalStatus;
import studio.governance.ApprovalStatus.Satisfied;
import studio.governance.ApprovalVerdict;
import studio.governance.ApprovalVerdict.Accepted;
import studio.governance.ApprovalVerdict.Refused;
import studio.governance.ReleaseApproval;
import studio.governance.ReleaseApproval.Decision;
import studio.governance.ReleasePolicy;
import studio.governance.Verdict;
import studio.release.FreezeWindows;
import studio.release.Release;
import studio.release.ReleaseJson;
import studio.release.ReleaseRecords;
import studio.release.ReleaseSteps;
import studio.release.lifecycle.ReleaseState;
import studio.release.lifecycle.ReleaseStimulus;
import studio.web.ApiException;

/**
 * What people do to a release once it exists: approve or reject it (per its bound {@link ReleasePolicy}, checked by
 * the pure {@link ApprovalLedger}), roll it back, retry it after a failure. Each takes the release's row lock, so
 * concurrent decisions are judged one at a time; a refusal for who is asking (403) is audited.
 */
@ApplicationScoped
public class ReleaseDesk {

    @Inject
    EntityManager em;
    @Inject
    ReleaseRecords records;
    @Inject
    ReleaseSteps steps;
    @Inject
    AuditLog audit;
    @Inject
    Refusals refusals;
    @Inject
    FreezeWindows freezes;

    /**
     * @param environment the deployment decided on, or null for the version's newest; refused when no longer the newest
     * @param role        the capacity to decide in, or null for the first open one the person holds
     */
    @Transactional
    public Release decide(String tag, String environment, Decision decision, String role, String reason, Actor actor) {
        Release r = records.lockForAction(tag, environment);
        ReleasePolicy policy = records.policy(r);
        List<ReleaseApproval> decisions = new ArrayList<>(records.approvals(r.id));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ApprovalRequest request = new ApprovalRequest(actor, decision, role, reason);
        ApprovalVerdict verdict = ApprovalLedger.check(policy, r.requestedBy, decisions, r.contentHash, now, request);
        String action = (decision == Decision.APPROVED ? "approve" : "reject") + " release " + tag;
        if (verdict instanceof Refused f && f.status() == 403) refusals.enforce(Verdict.forbidden(f.message()), actor, action, Subject.release(tag));
        if (r.lifecycleState() != ReleaseState.PAUSED_FOR_APPROVAL) {
            throw ApiException.conflict("release " + tag + " is " + r.lifecycleState().label() + "; it does not wait for approvals");
        }
        if (verdict instanceof Refused f) throw new ApiException(f.status(), f.message());
        if (decision == Decision.APPROVED) freezes.refuseWhileFrozen(r.environment, r.milestoneId, "approving release " + tag);
        ReleaseApproval given = ApprovalLedger.record(policy, request, (Accepted) verdict, r.contentHash, now);
        store(r, given);
        decisions.add(given);
        ApprovalStatus status = ApprovalLedger.evaluate(policy, r.requestedBy, decisions, r.contentHash, now);
        audit.record(actor, decided(r, given, status));
        if (status instanceof ApprovalStatus.Rejected) steps.react(r, new ReleaseStimulus.ApprovalRejected(actor.name(), given.reason()), actor, now);
        // approved ahead of time: a scheduled deployment waits, approved, for its moment (the release timer hands it on)
        else if (status instanceof Satisfied && (r.scheduledFor == null || !now.isBefore(r.scheduledFor))) {
            r.scheduledFor = null;
            steps.react(r, new ReleaseStimulus.ApprovalsComplete(actor.name()), actor, now);
        }
        return r;
    }

    /**
     * Schedules the deployment waiting for approvals for {@code at} (null: clears its schedule): approved ahead of time, it
     * is handed to CI by the release timer when the moment comes, if every approval still holds and no freeze holds.
     *
     * @throws ApiException 409 when it does not wait for approvals, or {@code at} is past, too far ahead or frozen
     */
    @Transactional
    public Release schedule(String tag, String environment, Instant at, Actor actor) {
        Release r = records.lockForAction(tag, environment);
        if (r.lifecycleState() != ReleaseState.PAUSED_FOR_APPROVAL) {
            throw ApiException.conflict("release " + tag + " is " + r.lifecycleState().label() + "; a deployment is scheduled while it waits for approvals");
        }
        Instant now = now();
        var p = ReleaseJson.JSON.createObjectNode().put("version_tag", r.versionTag).put("environment", r.environment);
        if (at == null) {
            if (r.scheduledFor == null) return r;
            p.put("was", r.scheduledFor.toString());
            r.scheduledFor = null;
            r.scheduledBy = null;
            audit.record(actor, AuditEntry.of("ReleaseScheduleCleared", Subject.release(tag), r.traceId, p).alsoAbout(List.of(Subject.milestone(r.milestoneId))));
            return r;
        }
        Instant when = at.truncatedTo(ChronoUnit.SECONDS);
        java.util.Optional<String> frozen = freezes.blocking(r.environment, r.milestoneId, when).map(studio.governance.FreezeWindow::describe);
        studio.governance.DeploymentSchedule.refusal(when, now, frozen).ifPresent(why -> {
            throw ApiException.conflict("release " + tag + " in " + r.environment + ": " + why);
        });
        r.scheduledFor = when;
        r.scheduledBy = actor.name();
        p.put("scheduled_for", when.toString()).put("approvals", approvalStatus(r, records.approvals(r.id)).sentence());
        audit.record(actor, AuditEntry.of("ReleaseScheduled", Subject.release(tag), r.traceId, p).alsoAbout(List.of(Subject.milestone(r.milestoneId))));
        return r;
    }

    @Transactional
    public Release rollback(String tag, String environment, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) throw ApiException.badRequest("a reason is required to roll a release back");
        Release r = records.lockForAction(tag, environment);
        steps.react(r, new ReleaseStimulus.Rollback(actor.name(), reason.strip()), actor, now());
        return r;
    }

    /** Hands a failed release to CI again; when its approvals no longer hold (expired) it waits for them first. */
    @Transactional
    public Release retry(String tag, String environment, Actor actor) {
        Release r = records.lockForAction(tag, environment);
        Instant now = now();
        steps.react(r, new ReleaseStimulus.Retry(actor.name(), records.approvalsHold(r, now)), actor, now);
        return r;
    }

    /** Where the release's approvals stand now. */
    public ApprovalStatus approvalStatus(Release r, List<ReleaseApproval> decisions) {
        return ApprovalLedger.evaluate(records.policy(r), r.requestedBy, decisions, r.contentHash, Instant.now());
    }

    private void store(Release r, ReleaseApproval a) {
        int stored = em.createNativeQuery("""
                insert into release_approval (release_id, approver, role, decision, reason, content_hash, decided_at, expires_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (release_id, approver, content_hash) do nothing""")
                .setParameter(1, r.id).setParameter(2, a.approver()).setParameter(3, a.role()).setParameter(4, a.decision().json())
                .setParameter(5, a.reason()).setParameter(6, a.contentHash()).setParameter(7, a.at()).setParameter(8, a.expiresAt())
                .executeUpdate();
        if (stored == 0) throw ApiException.conflict("you already decided on release " + r.versionTag + " as it stands (content " + r.contentHash + ")");
    }

    private static AuditEntry decided(Release r, ReleaseApproval a, ApprovalStatus status) {
        var p = ReleaseJson.JSON.createObjectNode().put("version_tag", r.versionTag).put("milestone_id", r.milestoneId)
                .put("environment", r.environment).put("approver", a.approver()).put("role", a.role()).put("decision", a.decision().json())
                .put("reason", a.reason()).put("content_hash", a.contentHash())
                .put("expires_at", a.expiresAt() == null ? null : a.expiresAt().toString()).put("approvals", status.sentence());
        String type = a.decision() == Decision.APPROVED ? "StudioReleaseApproved" : "StudioReleaseRejected";
        return AuditEntry.of(type, Subject.release(r.versionTag), r.traceId, p).alsoAbout(List.of(Subject.milestone(r.milestoneId)));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
