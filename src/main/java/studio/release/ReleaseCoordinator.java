package studio.release;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.definition.MilestoneDefinition;
import studio.evidence.IngestEvent;
import studio.evidence.IngestEvent.DeploymentSignal;
import studio.evidence.IngestEvent.ReleaseCompleted;
import studio.evidence.IngestEvent.ReleaseFailed;
import studio.governance.Actor;
import studio.governance.MilestoneEvent;
import studio.governance.MilestoneStimulus;
import studio.ingest.EventEffects.ReleaseReported;
import studio.milestone.Milestone;
import studio.milestone.MilestoneChanged;
import studio.milestone.MilestoneEvaluator;
import studio.milestone.MilestoneRulebook;
import studio.release.document.ReleaseContent;
import studio.release.document.ReleaseManifest;
import studio.release.lifecycle.ReleaseState;
import studio.release.lifecycle.ReleaseStimulus;
import studio.release.lifecycle.ReleaseTransition;
import studio.web.ApiException;

/**
 * The release side's reactions to the rest of Studio, each inside the transaction of what caused it:
 * <ul>
 *   <li>CI's ReleaseCompleted / ReleaseFailed (posted to /api/events): the release moves on; a completed release
 *       closes its milestone through the milestone lifecycle (PromotionCompleted). A report the release already
 *       reflects changes nothing; one that names no known release is refused, and the event is not stored.</li>
 *   <li>A milestone re-evaluated: releases of it still waiting for approvals take the new content; when their
 *       content hash changed, approvals given so far are stale and asked for again.</li>
 *   <li>MilestonePromotionTriggered (autoPromotion): the release is created automatically, or the audit trail says
 *       why it was not.</li>
 * </ul>
 */
@ApplicationScoped
public class ReleaseCoordinator {

    private static final List<String> REPORTED_STATES = List.of("deploying", "documenting", "completed", "failed", "rolled_back");

    @Inject
    EntityManager em;
    @Inject
    ReleaseRecords records;
    @Inject
    ReleaseRequests requests;
    @Inject
    ReleaseSteps steps;
    @Inject
    Hotfixes hotfixes;
    @Inject
    ReleaseSettings settings;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    MilestoneEvaluator evaluator;
    @Inject
    AuditLog audit;

    /** What CI's ReleaseCompleted, ReleaseFailed or deployment GateSignal says, whichever it is (stimulus null: none). */
    private record CiReport(String tag, String milestoneId, String environment, ReleaseStimulus stimulus, List<String> images) {
        static CiReport of(IngestEvent e) {
            if (e instanceof ReleaseCompleted c) {
                return new CiReport(c.versionTag(), c.milestoneId(), c.environment(), null, c.images());
            }
            if (e instanceof DeploymentSignal s) {
                ReleaseStimulus failed = s.passed() ? null
                        : new ReleaseStimulus.CiFailed(s.gate() + " failed" + (s.detail() == null ? "" : ": " + s.detail()));
                return new CiReport(s.versionTag(), null, s.environment(), failed, List.of());
            }
            ReleaseFailed f = (ReleaseFailed) e;
            return new CiReport(f.versionTag(), f.milestoneId(), f.environment(), new ReleaseStimulus.CiFailed(f.reason()), List.of());
        }
    }

    void onReport(@Observes ReleaseReported report) {
        IngestEvent e = report.event();
        CiReport ci = CiReport.of(e);
        // a version deployed to several environments: the report's environment names the deployment, else the newest
        Release r = ci.tag() != null ? records.find(ci.tag(), ci.environment()) : reportedOf(ci.milestoneId(), ci.environment());
        requireSame(r, ci.milestoneId(), ci.environment());
        records.lockMilestone(r.milestoneId);
        r = records.lock(r);
        Instant at = (e.meta().timestamp() == null ? Instant.now() : e.meta().timestamp()).truncatedTo(ChronoUnit.MICROS);
        if (e instanceof DeploymentSignal s) {
            signalled(r, s, report.actor());
            if (s.passed()) return;
        }
        List<String> waiting = e instanceof ReleaseCompleted ? records.waitingFor(r) : List.of();
        ReleaseStimulus stimulus = e instanceof ReleaseCompleted ? new ReleaseStimulus.CiCompleted(waiting.isEmpty() ? null : String.join(", ", waiting))
                : ci.stimulus();
        // what CI deployed is signed with the completion (outside the content hash: approvals never covered it); a
        // report the lifecycle refuses rolls this back with it
        if (!ci.images().isEmpty()) r.dockerImages = ReleaseJson.write(ci.images());
        List<ReleaseTransition> done = steps.react(r, stimulus, report.actor(), at);
        boolean completed = done.stream().anyMatch(t -> t.to() == ReleaseState.COMPLETED);
        // a hotfix is reviewed afterwards; its milestone closed with the version it fixes
        if (completed && r.hotfixOf != null && r.promotedFrom == null) hotfixes.completed(r, report.actor(), at);
        // the version's first deployment closes the milestone; a promotion of it to a later environment finds it closed
        else if (completed && r.promotedFrom == null) {
            evaluator.react(r.milestoneId, new MilestoneStimulus.PromotionCompleted(r.versionTag), report.actor(), null);
        }
    }

    /**
     * Records a signal CI reported for a deployment that waits for it, while CI deploys it (409 otherwise, nothing
     * stored). Every report is kept; a passing one is audited, a failing one fails the deployment (its caller).
     */
    private void signalled(Release r, DeploymentSignal s, Actor actor) {
        String where = "release " + r.versionTag + " in " + r.environment;
        List<String> awaited = r.awaitedSignals();
        if (!awaited.contains(s.gate())) {
            throw ApiException.conflict(where + " does not wait for " + s.gate() + ": " + (awaited.isEmpty()
                    ? "it waits for no signal (its environment requires none, and it does not deploy by canary)"
                    : "it waits for " + String.join(", ", awaited)));
        }
        if (r.lifecycleState() != ReleaseState.DEPLOYING) {
            throw ApiException.conflict(where + " is " + r.lifecycleState().label() + "; its signals are reported while CI deploys it");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        studio.persistence.Rows.update(em, """
                insert into deployment_signal (release_id, gate, status, detail, reported_at, reported_by) values (?, ?, ?, ?, ?, ?)""",
                r.id, s.gate(), s.status(), s.detail(), now, actor.name());
        if (!s.passed()) return;
        var p = ReleaseJson.JSON.createObjectNode().put("version_tag", r.versionTag).put("environment", r.environment).put("gate", s.gate())
                .put("detail", s.detail());
        List<String> still = records.waitingFor(r);
        still.forEach(p.putArray("still_waiting_for")::add);
        audit.record(actor, AuditEntry.of("DeploymentSignalPassed", Subject.release(r.versionTag), r.traceId, p)
                .alsoAbout(List.of(Subject.milestone(r.milestoneId))));
    }

    /** The newest release of the milestone that CI has been handed (a report naming only the milestone, and perhaps its environment). */
    private Release reportedOf(String milestoneId, String environment) {
        var found = environment == null
                ? Release.<Release>find("milestoneId = ?1 and state in ?2 order by createdAt desc, id desc", milestoneId, REPORTED_STATES)
                : Release.<Release>find("milestoneId = ?1 and state in ?2 and environment = ?3 order by createdAt desc, id desc", milestoneId,
                        REPORTED_STATES, environment.strip().toLowerCase(java.util.Locale.ROOT));
        return found.firstResultOptional()
                .orElseThrow(() -> ApiException.conflict("milestone " + milestoneId + " has no release handed to CI"
                        + (environment == null ? "" : " in " + environment) + "; name its versionTag"));
    }

    private static void requireSame(Release r, String milestoneId, String environment) {
        if (milestoneId != null && !milestoneId.equals(r.milestoneId)) {
            throw ApiException.badRequest("release " + r.versionTag + " is a release of milestone " + r.milestoneId + ", not " + milestoneId);
        }
        if (environment != null && !environment.equalsIgnoreCase(r.environment)) {
            throw ApiException.badRequest("release " + r.versionTag + " goes to " + r.environment + ", not " + environment);
        }
    }

    void onMilestoneChanged(@Observes MilestoneChanged change) {
        refreshWaiting(change.milestoneId(), change.actor());
        if (change.emitted(MilestoneEvent.MILESTONE_PROMOTION_TRIGGERED)) promoteAutomatically(change.milestoneId());
    }

    /**
     * Releases waiting for approvals take the milestone's new content; a changed hash makes approvals stale. A promotion
     * does not: it deploys the version as it was built, whatever the milestone shows since.
     */
    private void refreshWaiting(String milestoneId, Actor actor) {
        List<Release> waiting = Release.<Release>find("milestoneId = ?1 and state in ('pending', 'paused_for_approval') and promotedFrom is null",
                        milestoneId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        if (waiting.isEmpty()) return;
        ReleaseContent content = records.contentOf(em.find(Milestone.class, milestoneId));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Release r : waiting) {
            String hash = ReleaseManifest.of(ReleaseRecords.facts(r, content, r.versionTag, r.createdAt)).contentHash();
            if (hash.equals(r.contentHash)) continue;
            String what = "milestone " + milestoneId + " re-evaluated; content " + r.contentHash.substring(0, 12) + "… is now " + hash.substring(0, 12) + "…";
            r.facts = ReleaseJson.write(content);
            r.contentHash = hash;
            r.traceId = content.traceId();
            steps.react(r, new ReleaseStimulus.EvidenceChanged(what), actor, now);
        }
    }

    private void promoteAutomatically(String milestoneId) {
        Milestone m = em.find(Milestone.class, milestoneId);
        MilestoneDefinition d = rulebook.rules(m).definition();
        String environment = d.environments().isEmpty() ? settings.defaultEnvironment() : d.environments().get(0);
        ReleaseOrder order = new ReleaseOrder(m.id, null, environment, List.of(), null, null, List.of(), "auto");
        try {
            requests.open(order, Actor.SYSTEM);
        } catch (ApiException refused) {
            audit.record(Actor.SYSTEM, AuditEntry.of("ReleaseAutoPromotionSkipped", Subject.milestone(m.id), m.traceId,
                    ReleaseJson.JSON.createObjectNode().put("milestone_id", m.id).put("environment", environment)
                            .put("reason", "autoPromotion could not create the release: " + refused.getMessage())));
        }
    }

}
