package studio.definition;

import java.util.ArrayList;
import java.util.List;
import studio.input.Fields;
import studio.input.Format;
import studio.input.InvalidInputException;
import studio.input.KeySet;
import studio.input.MappingNode;
import studio.input.Node;
import studio.input.Problems;
import studio.input.ScalarNode;
import studio.input.TreeReader;

/**
 * Reads a promotion trigger in every shape the spec shows (YAML or JSON, snake_case or camelCase, targets as text or
 * as one-key mappings). Every problem is reported at once with its line, column and path, and nothing is stored: an
 * unknown field, and a field the spec names that Studio does not act on, are refused rather than silently dropped.
 */
public final class PromotionTriggerReader {

    /** Named as the spec writes them (snake_case for the identifying fields, camelCase for the settings); both spellings read. */
    static final KeySet KEYS = KeySet.of("milestone_id|milestoneId|milestone", "version_tag|versionTag", "environment",
            "promotion_targets|promotionTargets|targets", "commit", "trace_id|traceId", "manualApprovalRequired", "approvalRoles", "signedBy",
            "rollbackEnabled", "customDeployStrategy", "releaseDocumentationStyle", "approved_by|approvedBy", "notifyChannels", "maxRetries");

    private PromotionTriggerReader() {}

    /** @throws InvalidInputException every problem, with line and path */
    public static PromotionTrigger read(String text, Format format) {
        Node root = TreeReader.read(text, format);
        Problems problems = new Problems();
        Fields f = Fields.of(root, KEYS, "a promotion trigger", true, problems);
        refused(f, problems);
        String milestone = f.requiredId("milestone_id");
        Boolean manual = f.bool("manualApprovalRequired");
        String signedBy = role(f, f.get("signedBy"), "signedBy");
        List<String> roles = new ArrayList<>();
        for (Node item : f.items("approvalRoles")) {
            String role = role(f, item, "approvalRoles");
            if (role != null) roles.add(role);
        }
        if (Boolean.TRUE.equals(manual) && f.get("signedBy") == null) {
            problems.add(f.get("manualApprovalRequired"), "'signedBy' is required when manualApprovalRequired is true: it names the role of the "
                    + "person who signs the gated promotion (release-coordinator.md, Required Fields)");
        }
        if (!Boolean.TRUE.equals(manual) && !roles.isEmpty()) {
            problems.add(f.get("approvalRoles"), "'approvalRoles' names who approves a gated promotion; set manualApprovalRequired: true with it");
        }
        PromotionTrigger trigger = new PromotionTrigger(milestone, f.string("version_tag"), f.string("environment"), targets(f, problems),
                f.string("commit"), f.string("trace_id"), manual, roles, signedBy, f.bool("rollbackEnabled"), maxRetries(f),
                oneOf(f, "customDeployStrategy", PromotionTrigger.DEPLOY_STRATEGIES, problems),
                oneOf(f, "releaseDocumentationStyle", PromotionTrigger.DOCUMENTATION_STYLES, problems), channels(f));
        problems.throwIfAny();
        return trigger;
    }

    /** Fields the spec names whose effect is not Studio's to take from a trigger: refused, each saying why. */
    private static void refused(Fields f, Problems problems) {
        refuse(f, problems, "approved_by", "an approval is a person's decision taken in Studio (POST /api/releases/{tag}/approve), "
                + "never a name written into a trigger");
    }

    private static void refuse(Fields f, Problems problems, String key, String why) {
        Node value = f.get(key);
        if (value != null || f.has(key)) problems.add(value != null ? value : f.node(), "'" + f.spelling(key) + "' is refused: " + why);
    }

    /** notifyChannels: names of chat channels (or slack, teams), each with its place for a refusal when none carries it. */
    private static List<PromotionTrigger.Channel> channels(Fields f) {
        List<PromotionTrigger.Channel> out = new ArrayList<>();
        for (Node item : f.items("notifyChannels")) {
            String name = f.text(item, "notifyChannels entry");
            if (name != null && !name.isBlank()) out.add(new PromotionTrigger.Channel(name.strip(), item.problem("")));
            else if (name != null) f.problems().add(item, "a notifyChannels entry names a chat channel (#releases) or a kind (slack, teams)");
        }
        return out;
    }

    private static Integer maxRetries(Fields f) {
        Long n = f.integer("maxRetries", 0, 10);
        return n == null ? null : n.intValue();
    }

    private static String role(Fields f, Node value, String label) {
        String role = f.text(value, label);
        if (role == null) return null;
        String why = Role.whyNotDecider(label, role);
        if (why == null) return role;
        f.problems().add(value, why);
        return null;
    }

    /** Targets as text; {@code - tag-git: mvp-v1} and {@code - notify: [teams, email]} read as "key: value". */
    private static List<String> targets(Fields f, Problems problems) {
        List<String> out = new ArrayList<>();
        for (Node item : f.items("promotion_targets")) {
            if (item instanceof MappingNode m && m.entries().size() == 1) {
                MappingNode.Entry e = m.entries().get(0);
                List<String> values = f.strings(e.value(), f.spelling("promotion_targets") + " entry '" + e.key() + "'");
                out.add(values.isEmpty() ? e.key() : e.key() + ": " + String.join(", ", values));
            } else if (item instanceof ScalarNode) {
                String t = f.text(item, f.spelling("promotion_targets") + " entry");
                if (t != null) out.add(t);
            } else {
                problems.add(item, "a promotion target is text (deploy-to-staging) or one key and its value (tag-git: mvp-v1), found "
                        + item.describe());
            }
        }
        return out;
    }

    private static String oneOf(Fields f, String key, List<String> allowed, Problems problems) {
        String value = f.string(key);
        if (value == null || allowed.contains(value)) return value;
        problems.add(f.get(key), "'" + f.spelling(key) + "' must be " + String.join(", ", allowed) + ", found '" + value + "'"
                + (key.equals("releaseDocumentationStyle") && value.equals("pdf") ? " (Studio writes release notes as markdown and JSON, not pdf)" : ""));
        return null;
    }
}
