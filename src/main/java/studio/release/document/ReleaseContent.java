package studio.release.document;

import java.util.List;

/**
 * What a release ships, taken from its milestone when it is requested (and again while it waits for approvals, when
 * the milestone's evidence changes): the part of {@link ReleaseFacts} the content hash covers besides the release's
 * own tag, environment, requester and targets.
 */
public record ReleaseContent(String milestoneName, String traceId, List<ReleasedFeature> features, Double qaCoverage,
                             List<String> sprintIds, List<GateOutcome> gates, List<ReleaseOverride> overrides) {

    public ReleaseContent {
        features = features == null ? List.of() : List.copyOf(features);
        sprintIds = sprintIds == null ? List.of() : List.copyOf(sprintIds);
        gates = gates == null ? List.of() : List.copyOf(gates);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }
}
