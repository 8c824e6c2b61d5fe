package studio.definition;

import java.util.List;

/**
 * A {@code promotion-trigger.yaml} (release-coordinator.md "Example: promotion-trigger.yaml", "Dynamic Configuration
 * Fields"), as POST /api/releases takes it in YAML or JSON. Every field acts; a field Studio does not act on is refused
 * by {@link PromotionTriggerReader} with its line, never dropped.
 *
 * @param versionTag             null: the version resolver derives one
 * @param environment            staging, qa or production as written (checked when the release is made)
 * @param targets                as written; an object-form target ({@code - tag-git: mvp-v1}) reads "tag-git: mvp-v1"
 * @param traceId                must be the milestone's trace (null: not checked)
 * @param manualApprovalRequired forces a pause for approval (null: the milestone's own setting)
 * @param approvalRoles          one person of these roles must approve (added to the environment's approvers)
 * @param signedBy               the role of the human signer of a gated promotion: one person of it must approve
 * @param rollbackEnabled        roll back once CI reports a failure and no automatic retry is left (null: the installation's)
 * @param maxRetries             how often Studio hands a failed release to CI again by itself (null: the installation's)
 * @param deployStrategy         customDeployStrategy: canary, blue-green or batch (null: none), recorded with the release
 * @param documentationStyle     releaseDocumentationStyle: markdown or json (null: markdown), what the release's notes link
 * @param notifyChannels         chat channels (by name, or slack / teams for every channel of a kind) its events also go
 *                               to, each with where it was written (resolved when the release is requested)
 */
public record PromotionTrigger(String milestoneId, String versionTag, String environment, List<String> targets, String commit,
                               String traceId, Boolean manualApprovalRequired, List<String> approvalRoles, String signedBy,
                               Boolean rollbackEnabled, Integer maxRetries, String deployStrategy, String documentationStyle,
                               List<Channel> notifyChannels) {

    /** A notifyChannels entry as written, and where ({@code at}: a problem to place a refusal of it). */
    public record Channel(String name, studio.input.InputProblem at) {}

    public static final List<String> DEPLOY_STRATEGIES = List.of("canary", "blue-green", "batch");
    public static final List<String> DOCUMENTATION_STYLES = List.of("markdown", "json");

    public PromotionTrigger {
        targets = List.copyOf(targets);
        approvalRoles = List.copyOf(approvalRoles);
        notifyChannels = notifyChannels == null ? List.of() : List.copyOf(notifyChannels);
    }
}
