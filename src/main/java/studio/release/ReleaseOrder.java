package studio.release;

import java.util.List;
import studio.definition.PromotionTrigger;

/**
 * A request to release a milestone (POST /api/releases with a promotion trigger, the Promote form, or autoPromotion).
 *
 * @param versionTag             the tag to use, or null to let the version resolver derive one
 * @param environment            staging, qa or production as written (checked by {@link ReleaseRequests})
 * @param targets                promotion targets; empty: a deploy to the environment
 * @param manualApprovalRequired the promotion trigger's manualApprovalRequired (null: the milestone's)
 * @param approvalRoles          one person of these roles must approve when manualApprovalRequired (added to the
 *                               environment's approvers unless one of them already must)
 * @param trigger                manual, auto or ci
 * @param traceId                the trace the trigger names: it must be the milestone's (null: not checked)
 * @param signedBy               the role of the human signer of a gated promotion (null: none named)
 * @param rollbackEnabled        roll back when CI reports a failure (null: the installation's setting)
 * @param maxRetries             automatic retries of a failure (null: the installation's setting)
 * @param deployStrategy         canary, blue-green or batch (null: none), recorded with the release
 * @param documentationStyle     markdown or json (null: markdown)
 * @param notifyChannels         chat channels (ids) the version's events also go to, whatever their scope
 */
public record ReleaseOrder(String milestoneId, String versionTag, String environment, List<String> targets, String commit,
                           Boolean manualApprovalRequired, List<String> approvalRoles, String trigger, String traceId, String signedBy,
                           Boolean rollbackEnabled, Integer maxRetries, String deployStrategy, String documentationStyle,
                           List<Long> notifyChannels) {

    public ReleaseOrder {
        notifyChannels = notifyChannels == null ? List.of() : List.copyOf(notifyChannels);
        targets = targets == null ? List.of() : List.copyOf(targets);
        approvalRoles = approvalRoles == null ? List.of() : List.copyOf(approvalRoles);
    }

    /** An order from the Promote form or autoPromotion: no trigger document's settings. */
    public ReleaseOrder(String milestoneId, String versionTag, String environment, List<String> targets, String commit,
                        Boolean manualApprovalRequired, List<String> approvalRoles, String trigger) {
        this(milestoneId, versionTag, environment, targets, commit, manualApprovalRequired, approvalRoles, trigger, null, null, null, null, null, null, List.of());
    }

    /** An order from a promotion trigger, requested through {@code trigger} (ci or manual), its notifyChannels resolved to {@code channels}. */
    public static ReleaseOrder of(PromotionTrigger t, String trigger, List<Long> channels) {
        return new ReleaseOrder(t.milestoneId(), t.versionTag(), t.environment(), t.targets(), t.commit(), t.manualApprovalRequired(),
                t.approvalRoles(), trigger, t.traceId(), t.signedBy(), t.rollbackEnabled(), t.maxRetries(), t.deployStrategy(), t.documentationStyle(),
                channels);
    }
}
