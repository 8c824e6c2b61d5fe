package studio.release;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import studio.governance.ReleaseApproval;
import studio.governance.ReleaseEnvironment;
import studio.release.document.DeploySettings;
import studio.release.document.GateOutcome;
import studio.release.document.ReleaseFacts;
import studio.release.document.ReleaseManifest;
import studio.release.document.ReleaseOverride;
import studio.release.document.ReleasedFeature;
import studio.release.lifecycle.ReleaseState;

/** The spec's mvp-v1 release (docs/spec/release-coordinator.md "Real-World Example"), released to production. */
public final class ReleaseFixture {

    public static final Instant CREATED = Instant.parse("2025-05-14T16:30:00Z");
    public static final Instant RELEASED = Instant.parse("2025-05-14T17:12:00Z");
    public static final String COMMIT = "ab39c3f0d1e2b3a4c5d6e7f8091a2b3c4d5e6f70";
    public static final String NOTIFY_DIGEST = "5f".repeat(32);

    private ReleaseFixture() {}

    /** Requested, not yet approved or released. */
    public static ReleaseFacts requested() {
        return new ReleaseFacts("mvp-v1", "mvp-ready", "MVP ready", "trace-xyz-789", ReleaseEnvironment.PRODUCTION, "alice", CREATED, null,
                ReleaseState.PAUSED_FOR_APPROVAL,
                List.of(new ReleasedFeature("BookingFlow", 93.1, 120), new ReleasedFeature("Notification.Send", 89.5, 80)), 91.3,
                List.of("sprint-06", "sprint-07"),
                List.of(new GateOutcome("qaCoverageAbove", "passed", 90.0, null, 91.3, "BookingFlow 93.1%, Notification.Send 89.5%", null),
                        new GateOutcome("allSprintsClosed", "passed", null, null, null, "closed: sprint-06, sprint-07", null),
                        new GateOutcome("traceMatrixComplete", "overridden", null, null, null, "Notification.Send has no artifact", 7L)),
                List.of(),
                List.of(new ReleaseOverride(7, List.of("traceMatrixComplete"), "erin", "qa-lead-2", "artifact list arrives with sprint-08",
                        Instant.parse("2025-05-14T15:00:00Z"), null)),
                COMMIT, List.of(), List.of("deploy-to-production", "tag-git: mvp-v1"), DeploySettings.NONE);
    }

    /** Approved by bob (product-owner) and carol (compliance-officer) for its content. */
    public static ReleaseFacts approved() {
        ReleaseFacts f = requested();
        String hash = ReleaseManifest.of(f).contentHash();
        return f.withApprovals(List.of(
                approval("bob", "product-owner", "Scope matches the MVP plan", Instant.parse("2025-05-14T16:40:00Z"), hash),
                approval("carol", "compliance-officer", "Audit trail verified", Instant.parse("2025-05-14T16:58:00Z"), hash)));
    }

    /** Approved and completed by CI. */
    public static ReleaseFacts completed() {
        return approved().completed(RELEASED, List.of("booking-service:1.0.0-mvp", "notify:1.0.0-mvp@sha256:" + NOTIFY_DIGEST));
    }

    /** {@code f} with one component replaced, by name (records have no withers). */
    public static ReleaseFacts with(ReleaseFacts f, String component, Object value) {
        RecordComponent[] components = ReleaseFacts.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                found |= components[i].getName().equals(component);
                args[i] = components[i].getName().equals(component) ? value : components[i].getAccessor().invoke(f);
            }
            if (!found) throw new IllegalArgumentException("ReleaseFacts has no component " + component);
            return ReleaseFacts.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ReleaseApproval approval(String who, String role, String reason, Instant at, String hash) {
        return new ReleaseApproval(who, role, ReleaseApproval.Decision.APPROVED, reason, at, at.plus(Duration.ofHours(24)), hash);
    }
}
