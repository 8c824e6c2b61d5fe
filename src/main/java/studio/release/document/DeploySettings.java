package studio.release.document;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a promotion trigger set for one release beyond its content: the deploy strategy CI runs (canary, blue-green,
 * batch), whether a failure rolls it back at once, the documentation style, and the role of its human signer. Part of
 * the signed statement, so approvals bound to the content hash also cover how it is deployed. A hotfix also carries
 * the version it fixes and why it skips the lifecycle, so its approvers approve that justification. All null: none set.
 */
public record DeploySettings(String deployStrategy, Boolean rollbackEnabled, String documentationStyle, String signedBy, String hotfixOf,
                             String hotfixJustification) {

    public static final DeploySettings NONE = new DeploySettings(null, null, null, null);

    /** The settings of a release that is not a hotfix. */
    public DeploySettings(String deployStrategy, Boolean rollbackEnabled, String documentationStyle, String signedBy) {
        this(deployStrategy, rollbackEnabled, documentationStyle, signedBy, null, null);
    }

    public boolean isEmpty() {
        return deployStrategy == null && rollbackEnabled == null && documentationStyle == null && signedBy == null && hotfixOf == null;
    }

    /** The settings that are set, as release-metadata.json and the statement write them. */
    public void writeTo(ObjectNode n) {
        if (deployStrategy != null) n.put("deploy_strategy", deployStrategy);
        if (rollbackEnabled != null) n.put("rollback_enabled", rollbackEnabled);
        if (documentationStyle != null) n.put("documentation_style", documentationStyle);
        if (signedBy != null) n.put("signed_by", signedBy);
        if (hotfixOf != null) n.put("hotfix_of", hotfixOf).put("hotfix_justification", hotfixJustification);
    }
}
