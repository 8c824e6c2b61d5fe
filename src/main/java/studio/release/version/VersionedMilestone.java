package studio.release.version;

/**
 * What the version resolver needs to know about the milestone being released.
 *
 * @param versionTag the milestone's versionTag (milestones.yaml), null when it has none
 * @param phase      the milestone's phase ("Phase 2"), for composite tags; null when unsaid
 */
public record VersionedMilestone(String id, String versionTag, String phase) {}
