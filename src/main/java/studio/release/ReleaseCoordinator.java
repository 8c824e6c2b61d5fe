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
    ReleaseSettings settings;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    MilestoneEvaluator evaluator;
    @Inject
    AuditLog audit;

    /** What CI's ReleaseCompleted or ReleaseFailed says, whichever it is. */
    private record CiReport(String tag, String milestoneId, String environment, ReleaseStimulus stimulus, List<String> images) {
        static CiReport of(IngestEvent e) {
            if (e instanceof ReleaseCompleted c) {
                return new CiReport(c.versionTag(), c.milestoneId(), c.environment(), new ReleaseStimulus.CiCompleted(), c.images());
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
        ReleaseStimulus stimulus = ci.stimulus();
        // what CI deployed is signed with the completion (outside the content hash: approvals never covered it); a
        // report the lifecycle refuses rolls this back with it
        if (!ci.images().isEmpty()) r.dockerImages = ReleaseJson.write(ci.images());
        List<ReleaseTransition> done = steps.react(r, stimulus, report.actor(), at);
        // the version's first deployment closes the milestone; a promotion of it to a later environment finds it closed
        if (r.promotedFrom == null && done.stream().anyMatch(t -> t.to() == ReleaseState.COMPLETED)) {
            evaluator.react(r.milestoneId, new MilestoneStimulus.PromotionCompleted(r.versionTag), report.actor(), null);
        }
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
