package studio.release;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.Attributes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.governance.Actor;
import studio.release.document.ReleaseManifest;
import studio.release.lifecycle.IllegalReleaseTransition;
import studio.release.lifecycle.ReleaseEvent;
import studio.release.lifecycle.ReleaseLifecycle;
import studio.release.lifecycle.ReleaseState;
import studio.release.lifecycle.ReleaseStimulus;
import studio.release.lifecycle.ReleaseTransition;
import studio.signing.DsseEnvelope;
import studio.signing.SigningKeys;
import studio.telemetry.Spans;
import studio.web.ApiException;

/**
 * Runs the pure {@link ReleaseLifecycle} on a stored release and applies what it decides: the new state, the audit
 * entry of every step (who, why, the content hash), DeploymentStarted beside ReleaseTriggered, the signed manifest
 * and ReleaseSigned when it completes, and a {@link ReleaseChanged} event. Studio hands the trigger to CI as soon as it fixed the tag, so Tagging is passed
 * through in the same transaction.
 */
@ApplicationScoped
public class ReleaseSteps {

    private static final String DEPLOYMENT_STARTED = ReleaseEvent.DEPLOYMENT_STARTED.eventName();
    private static final String RELEASE_SIGNED = ReleaseEvent.RELEASE_SIGNED.eventName();
    private static final Set<ReleaseState> WITH_REASON = Set.of(ReleaseState.FAILED, ReleaseState.REJECTED, ReleaseState.ROLLED_BACK,
            ReleaseState.ABORTED);

    @Inject
    AuditLog audit;
    @Inject
    ReleaseRecords records;
    @Inject
    SigningKeys keys;
    @Inject
    ReleaseSettings settings;
    @Inject
    Event<ReleaseChanged> changed;
    @Inject
    Spans spans;
    @Inject
    FreezeWindows freezes;

    /**
     * @param now when it happened (a CI report's own timestamp for CI's outcome)
     * @throws ApiException 409 when the release's state does not allow the stimulus
     */
    public List<ReleaseTransition> react(Release r, ReleaseStimulus stimulus, Actor actor, Instant now) {
        if (!(stimulus instanceof ReleaseStimulus.Rollback)) return proceed(r, stimulus, actor, now);
        return spans.within("ReleaseCoordinator.RollbackFlow", about(r), r.traceId, () -> {
            List<ReleaseTransition> done = proceed(r, stimulus, actor, now);
            Spans.outcome(Spans.RELEASE_STATUS, r.state);
            return done;
        });
    }

    private List<ReleaseTransition> proceed(Release r, ReleaseStimulus stimulus, Actor actor, Instant now) {
        boolean retry = stimulus instanceof ReleaseStimulus.CiFailed && retriesLeft(r) > 0 && !frozen(r);
        // a failure Studio retries by itself is not rolled back yet: rollbackEnabled applies once the retries are spent
        boolean rollback = !retry && (r.rollbackEnabled != null ? r.rollbackEnabled : settings.rollbackOnFailure());
        ReleaseLifecycle lifecycle = new ReleaseLifecycle(rollback);
        List<ReleaseTransition> steps = new ArrayList<>(decide(lifecycle, r, stimulus));
        // every route to CI (the last approval, a retry, a release that needs nobody) passes the freeze here
        if (steps.stream().anyMatch(t -> t.to() == ReleaseState.TAGGING)) freezes.refuseWhileFrozen(r.environment, r.milestoneId, "handing release " + r.versionTag + " to CI");
        apply(r, steps, actor, now);
        if (r.lifecycleState() == ReleaseState.TAGGING) {
            List<ReleaseTransition> handOver = spans.within("ReleaseCoordinator.TriggerCI", about(r), r.traceId, () -> {
                List<ReleaseTransition> sent = lifecycle.react(ReleaseState.TAGGING, new ReleaseStimulus.TriggerSent());
                apply(r, sent, actor, now);
                Spans.outcome(Spans.RELEASE_STATUS, r.state);
                return sent;
            });
            steps.addAll(handOver);
        }
        if (!steps.isEmpty()) changed.fire(new ReleaseChanged(r.versionTag, r.milestoneId, r.environment, steps, r.lifecycleState(),
                r.createdAt));
        if (retry && r.lifecycleState() == ReleaseState.FAILED) steps.addAll(retryAutomatically(r, now));
        return steps;
    }

    /** Automatic retries left: the trigger's maxRetries (else studio.release.max-retries) less those taken. */
    private int retriesLeft(Release r) {
        return (r.maxRetries != null ? r.maxRetries : settings.maxRetries()) - r.retryCount;
    }

    /** A freeze holding over the release's environment (and no exception for it): no automatic retry then. */
    private boolean frozen(Release r) {
        Instant now = Instant.now();
        return freezes.blocking(r.environment, r.milestoneId, now).isPresent();
    }

    /**
     * Hands the failed release to CI again as Studio (audited as ReleaseRetried with the count), or back to approval when
     * its approvals no longer hold, the same path a person's retry takes.
     */
    private List<ReleaseTransition> retryAutomatically(Release r, Instant now) {
        r.retryCount++;
        int max = r.maxRetries != null ? r.maxRetries : settings.maxRetries();
        boolean hold = records.approvalsHold(r, now);
        var p = ReleaseJson.JSON.createObjectNode().put("version_tag", r.versionTag).put("attempt", r.retryCount).put("max_retries", max)
                .put("reason", "CI reported the release failed; automatic retry " + r.retryCount + " of " + max);
        audit.record(Actor.SYSTEM, AuditEntry.of("ReleaseRetried", Subject.release(r.versionTag), r.traceId, p)
                .alsoAbout(List.of(Subject.milestone(r.milestoneId))));
        return proceed(r, new ReleaseStimulus.Retry("Studio (automatic retry " + r.retryCount + " of " + max + ")", hold), Actor.SYSTEM, now);
    }

    private static List<ReleaseTransition> decide(ReleaseLifecycle lifecycle, Release r, ReleaseStimulus stimulus) {
        try {
            return lifecycle.react(r.lifecycleState(), stimulus);
        } catch (IllegalReleaseTransition e) {
            throw ApiException.conflict("release " + r.versionTag + ": " + e.getMessage());
        }
    }

    private void apply(Release r, List<ReleaseTransition> steps, Actor actor, Instant now) {
        for (ReleaseTransition t : steps) {
            if (t.to() != t.from()) {
                r.state = t.to().json();
                r.stateSince = now;
            }
            if (t.to() == ReleaseState.DEPLOYING) {
                r.triggeredAt = now;
                if (!r.awaitedSignals().isEmpty()) r.signalsAfter = records.lastSignal(r);
            }
            if (t.to() == ReleaseState.DOCUMENTING) r.releasedAt = now;
            if (WITH_REASON.contains(t.to())) r.lastReason = t.reason();
            if (t.to() == ReleaseState.COMPLETED) {
                DsseEnvelope signed = spans.within("ReleaseCoordinator.EmitAudit", about(r), r.traceId, () -> sign(r));
                record(actor, r, RELEASE_SIGNED, signed(r, signed, now));
            }
            record(actor, r, eventName(t), payload(r, t, now));
            if (t.to() == ReleaseState.DEPLOYING && t.from() != ReleaseState.DEPLOYING) {
                record(actor, r, DEPLOYMENT_STARTED, deploymentStarted(r, t, now));
            }
        }
    }

    private void record(Actor actor, Release r, String type, ObjectNode payload) {
        audit.record(actor, AuditEntry.of(type, Subject.release(r.versionTag), r.traceId, payload).alsoAbout(List.of(Subject.milestone(r.milestoneId))));
    }

    private static Attributes about(Release r) {
        return Attributes.builder().put(Spans.VERSION_TAG, r.versionTag).put(Spans.MILESTONE_ID, r.milestoneId).put("environment", r.environment).build();
    }

    /** Signs the manifest of the completed release with Studio's current key and keeps the envelope. */
    private DsseEnvelope sign(Release r) {
        ReleaseManifest manifest = ReleaseManifest.of(records.facts(r, records.approvals(r.id)));
        if (!manifest.contentHash().equals(r.contentHash)) {
            throw new IllegalStateException("release " + r.versionTag + " content drifted from its hash " + r.contentHash);
        }
        DsseEnvelope envelope = manifest.sign(keys.current());
        r.manifest = ReleaseJson.write(envelope);
        return envelope;
    }

    /** The spec's event name; a silent step is named after the state it enters ("ReleaseTagging"). */
    static String eventName(ReleaseTransition t) {
        return t.event() != null ? t.event().eventName() : "Release" + t.to().label().replace(" ", "");
    }

    /** CI was handed the trigger: the version starts deploying to the release's environment. */
    private static ObjectNode deploymentStarted(Release r, ReleaseTransition t, Instant now) {
        return ReleaseJson.JSON.createObjectNode().put("event", DEPLOYMENT_STARTED).put("version_tag", r.versionTag)
                .put("milestone_id", r.milestoneId).put("environment", r.environment).put("trigger", r.trigger)
                .put("commit_sha", r.commitSha).put("reason", t.reason()).put("content_hash", r.contentHash).put("timestamp", now.toString());
    }

    /** The manifest of the completed release was signed: what was signed (its content hash), with which key. */
    private static ObjectNode signed(Release r, DsseEnvelope envelope, Instant now) {
        String keyId = envelope.signatures().get(0).keyid();
        return ReleaseJson.JSON.createObjectNode().put("event", RELEASE_SIGNED).put("version_tag", r.versionTag)
                .put("milestone_id", r.milestoneId).put("environment", r.environment).put("reason", "release manifest signed with key " + keyId)
                .put("content_hash", r.contentHash).put("key_id", keyId).put("payload_type", envelope.payloadType())
                .put("manifest", "/api/releases/" + r.versionTag + "/manifest").put("timestamp", now.toString());
    }

    private static ObjectNode payload(Release r, ReleaseTransition t, Instant now) {
        return ReleaseJson.JSON.createObjectNode().put("event", eventName(t)).put("version_tag", r.versionTag)
                .put("milestone_id", r.milestoneId).put("environment", r.environment).put("trigger", r.trigger)
                .put("from", t.from().json()).put("to", t.to().json()).put("reason", t.reason())
                .put("content_hash", r.contentHash).put("timestamp", now.toString());
    }
}
