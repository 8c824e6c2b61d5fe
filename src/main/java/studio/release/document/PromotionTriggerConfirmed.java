package studio.release.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import studio.governance.ReleaseApproval;
import studio.governance.ReleasePolicy;

/**
 * promotion-trigger-confirmed.yaml: "mirror of trigger file with resolved fields", what Studio hands to CI. The
 * trigger's milestone_id, version_tag (resolved), trace_id and promotion_targets ("key: value" targets written as
 * the spec writes them, {@code - tag-git: mvp-v1}; a deploy target for the environment and the git tag added when
 * missing), manualApprovalRequired and approvalRoles from the policy, signedBy (the approvers' roles), then what
 * was resolved: environment, requested_by, approved_by, sprint_ids, qa_coverage, commit, content_hash, status
 * {@code confirmed} and confirmed_at.
 */
public final class PromotionTriggerConfirmed {

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder().stringQuotingChecker(new QuoteLookalikes())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());

    private PromotionTriggerConfirmed() {}

    public static String render(ReleaseFacts f, ReleasePolicy policy, Instant confirmedAt) {
        ObjectNode y = YAML.createObjectNode();
        trigger(y, f, policy);
        resolved(y, f, confirmedAt);
        try {
            return YAML.writeValueAsString(y);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a YAML tree always serialises", e);
        }
    }

    /** The fields of promotion-trigger.yaml. */
    private static void trigger(ObjectNode y, ReleaseFacts f, ReleasePolicy policy) {
        y.put("milestone_id", f.milestoneId());
        y.put("version_tag", f.versionTag());
        y.put("trace_id", f.traceId());
        ArrayNode targets = y.putArray("promotion_targets");
        targets(f).forEach(t -> addTarget(targets, t));
        y.put("manualApprovalRequired", policy.gated());
        ArrayNode roles = y.putArray("approvalRoles");
        policy.approverRoles().forEach(roles::add);
        ArrayNode signedBy = y.putArray("signedBy");
        f.approvals().stream().map(ReleaseApproval::role).distinct().forEach(signedBy::add);
    }

    /** What Studio resolved before handing the trigger over. */
    private static void resolved(ObjectNode y, ReleaseFacts f, Instant confirmedAt) {
        y.put("environment", f.environment().json());
        y.put("requested_by", f.requestedBy());
        ArrayNode approvedBy = y.putArray("approved_by");
        f.approvals().forEach(a -> approvedBy.add(a.approver()));
        ArrayNode sprints = y.putArray("sprint_ids");
        f.sprintIds().forEach(sprints::add);
        y.put("qa_coverage", f.qaCoverage());
        y.put("commit", f.commit());
        y.put("content_hash", ReleaseManifest.of(f).contentHash());
        y.put("status", "confirmed");
        y.put("confirmed_at", ManifestStatement.time(confirmedAt));
    }

    /** The release's targets with the resolved git tag, plus a deploy to its environment and the git tag when missing. */
    static List<String> targets(ReleaseFacts f) {
        String tagGit = "tag-git: " + f.gitTag();
        List<String> out = new ArrayList<>(f.promotionTargets().stream().map(t -> t.startsWith("tag-git:") ? tagGit : t).toList());
        if (out.stream().noneMatch(t -> t.startsWith("deploy-to-"))) out.add(0, "deploy-to-" + f.environment().json());
        if (!out.contains(tagGit)) out.add(tagGit);
        return out;
    }

    /** "tag-git: mvp-v1" as the mapping {@code tag-git: mvp-v1}; a plain target as itself. */
    private static void addTarget(ArrayNode targets, String target) {
        int colon = target.indexOf(": ");
        if (colon > 0) targets.addObject().put(target.substring(0, colon).trim(), target.substring(colon + 2).trim());
        else targets.add(target);
    }

    /**
     * Jackson leaves texts such as "1e3", "0x1F", ".5" or "2025-05-14" unquoted, and YAML readers take them for
     * numbers or dates. A text starting like a number, a date or "~" (null) is quoted.
     */
    private static final class QuoteLookalikes extends StringQuotingChecker.Default {
        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || (!value.isEmpty() && "0123456789+-.~".indexOf(value.charAt(0)) >= 0);
        }
    }
}
