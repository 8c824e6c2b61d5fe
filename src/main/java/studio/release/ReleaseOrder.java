package studio.release;

import java.util.List;

/**
 * A request to release a milestone (POST /api/releases, the Promote form, or autoPromotion).
 *
 * @param versionTag             the tag to use, or null to let the version resolver derive one
 * @param environment            staging, qa or production as written (checked by {@link ReleaseRequests})
 * @param targets                promotion targets; empty: a deploy to the environment
 * @param manualApprovalRequired the promotion trigger's manualApprovalRequired (null: the milestone's)
 * @param approvalRoles          who may approve when manualApprovalRequired gates an environment that needs nobody
 * @param trigger                manual, auto or ci
 */
public record ReleaseOrder(String milestoneId, String versionTag, String environment, List<String> targets, String commit,
                           Boolean manualApprovalRequired, List<String> approvalRoles, String trigger) {

    public ReleaseOrder {
        targets = targets == null ? List.of() : List.copyOf(targets);
        approvalRoles = approvalRoles == null ? List.of() : List.copyOf(approvalRoles);
    }
}
