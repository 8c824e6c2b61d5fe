package studio.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import studio.input.Fields;
import studio.input.KeySet;
import studio.input.Node;
import studio.input.NodePath;
import studio.input.Problems;

/** Reads one backlog item of {@code features} (features.yaml). */
final class FeatureReader {

    static final KeySet KEYS = KeySet.of("id|featureId", "title", "priority", "requiredBy", "dependsOn",
            "estimatedEffort|effortEstimate", "agentRoles", "status", "deferralReason|reason");
    private static final String MILESTONE_PREFIX = "milestone:";
    /** Days or points; anything larger is a typo, and the bound keeps exports plain numbers. */
    static final double MAX_EFFORT = 100_000;

    private final Problems problems;
    private final Map<String, DefinitionSet.Site> sites;

    FeatureReader(Problems problems, Map<String, DefinitionSet.Site> sites) {
        this.problems = problems;
        this.sites = sites;
    }

    FeatureDefinition read(Node node, int index) {
        Fields f = Fields.of(node, KEYS, "a feature", true, problems);
        return new FeatureDefinition(f.requiredId("id"), f.string("title"), priority(f),
                references(f, "requiredBy", DefinitionSet.path("features", index, "requiredBy")),
                references(f, "dependsOn", DefinitionSet.path("features", index, "dependsOn")),
                f.number("estimatedEffort", 0, MAX_EFFORT), f.strings("agentRoles"), status(f),
                f.string("deferralReason"));
    }

    /** Ids written as a text or a list; requiredBy may say {@code milestone:mvp-ready}. */
    private List<String> references(Fields f, String key, NodePath list) {
        List<String> ids = new ArrayList<>();
        for (Node item : f.items(key)) {
            String text = f.text(item, f.spelling(key) + " entry");
            if (text == null) continue;
            if (key.equals("requiredBy") && text.startsWith(MILESTONE_PREFIX)) text = text.substring(MILESTONE_PREFIX.length());
            String why = studio.input.Ids.whyInvalid(f.spelling(key) + " entry", text);
            if (why != null) {
                problems.add(item, why);
                continue;
            }
            sites.put(list.index(ids.size()).toString(), new DefinitionSet.Site(item.line(), item.column(), item.path()));
            ids.add(text);
        }
        return ids;
    }

    private String priority(Fields f) {
        String p = f.string("priority");
        if (p == null) return null;
        String upper = p.toUpperCase(Locale.ROOT);
        if (upper.matches("P[0-9]")) return upper;
        problems.add(f.get("priority"), "priority '" + p + "' must be one of P0 to P9");
        return null;
    }

    private FeatureStatus status(Fields f) {
        String written = f.string("status");
        if (written == null) return null;
        FeatureStatus status = FeatureStatus.parse(written);
        if (status == null) problems.add(f.get("status"), "status '" + written + "' must be planned, in-progress, completed or deferred");
        return status;
    }
}
