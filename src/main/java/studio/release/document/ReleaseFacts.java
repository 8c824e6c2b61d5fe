package studio.release.document;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import studio.governance.ReleaseApproval;
import studio.governance.ReleaseEnvironment;
import studio.release.lifecycle.ReleaseState;

/**
 * Everything Studio knows about one release, as its manifest and documents present it.
 *
 * @param milestoneName    the milestone's name for titles, null when it has none
 * @param releasedAt       when CI reported completion, null before
 * @param state            where the release stands
 * @param qaCoverage       overall coverage of the released features (the milestone's aggregate), null when unknown
 * @param sprintIds        the contributing sprints
 * @param approvals        the approvals that authorized the release (for the manifest: of its current content)
 * @param commit           the commit released, hex, null when CI did not say
 * @param dockerImages     images CI built ("booking-service:1.0.0-mvp", optionally "@sha256:..." digests)
 * @param promotionTargets as in promotion-trigger.yaml ("deploy-to-staging", "tag-git: mvp-v1", ...)
 * @param settings         what the promotion trigger set (deploy strategy, rollback, signer); {@link DeploySettings#NONE}
 */
public record ReleaseFacts(
        String versionTag,
        String milestoneId,
        String milestoneName,
        String traceId,
        ReleaseEnvironment environment,
        String requestedBy,
        Instant createdAt,
        Instant releasedAt,
        ReleaseState state,
        List<ReleasedFeature> features,
        Double qaCoverage,
        List<String> sprintIds,
        List<GateOutcome> gates,
        List<ReleaseApproval> approvals,
        List<ReleaseOverride> overrides,
        String commit,
        List<String> dockerImages,
        List<String> promotionTargets,
        DeploySettings settings) {

    public ReleaseFacts {
        settings = settings == null ? DeploySettings.NONE : settings;
        Objects.requireNonNull(versionTag, "versionTag");
        Objects.requireNonNull(milestoneId, "milestoneId");
        Objects.requireNonNull(environment, "environment");
        features = copy(features);
        sprintIds = copy(sprintIds);
        gates = copy(gates);
        approvals = copy(approvals);
        overrides = copy(overrides);
        dockerImages = copy(dockerImages);
        promotionTargets = copy(promotionTargets);
    }

    public ReleaseFacts withApprovals(List<ReleaseApproval> newApprovals) {
        return new ReleaseFacts(versionTag, milestoneId, milestoneName, traceId, environment, requestedBy, createdAt, releasedAt, state,
                features, qaCoverage, sprintIds, gates, newApprovals, overrides, commit, dockerImages, promotionTargets, settings);
    }

    /** This release as CI completed it at {@code at}, with the images CI reported. */
    public ReleaseFacts completed(Instant at, List<String> images) {
        return new ReleaseFacts(versionTag, milestoneId, milestoneName, traceId, environment, requestedBy, createdAt, at, ReleaseState.COMPLETED,
                features, qaCoverage, sprintIds, gates, approvals, overrides, commit, images, promotionTargets, settings);
    }

    /** The git tag CI applies: the version tag itself. */
    public String gitTag() {
        return versionTag;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
