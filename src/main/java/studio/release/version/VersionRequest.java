package studio.release.version;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything a version tag is derived from.
 *
 * @param policy       the effective policy: global settings merged with the milestone's ({@link VersionPolicy#merge})
 * @param requestedTag the tag the release request names, or null to derive one
 * @param taken        tags already used by releases
 * @param today        the release day (UTC), for date tags
 * @param sprintIds    the contributing sprints, oldest first; composite tags use the last
 * @param commitHash   the commit being released (hex), or null
 */
public record VersionRequest(VersionPolicy policy, VersionedMilestone milestone, String requestedTag, TakenTags taken,
                             LocalDate today, List<String> sprintIds, String commitHash) {

    public VersionRequest {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(today, "today");
        taken = taken == null ? TakenTags.none() : taken;
        sprintIds = sprintIds == null ? List.of() : List.copyOf(sprintIds);
    }
}
