package studio.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import studio.input.Fields;
import studio.input.KeySet;
import studio.input.MappingNode;
import studio.input.Node;
import studio.input.NodePath;
import studio.input.Problems;
import studio.input.Spelling;

/** Reads one entry of {@code sprints}, normalizing the spec's {@code includes} shape and the flat keys alike. */
final class SprintReader {

    static final KeySet KEYS = KeySet.of("id", "name", "goal", "includes", "milestones|milestone", "features",
            "agents", "trigger", "module", "phase", "concurrencyPolicy", "gates", "governance", "traceability", "labels");
    private static final KeySet GOVERNANCE = KeySet.of("approvalRequired");
    private static final KeySet TRACEABILITY = KeySet.of("labels", "orchestrator");

    private final Problems problems;
    private final Map<String, DefinitionSet.Site> sites;

    SprintReader(Problems problems, Map<String, DefinitionSet.Site> sites) {
        this.problems = problems;
        this.sites = sites;
    }

    SprintDefinition read(Node node, int index) {
        Fields f = Fields.of(node, KEYS, "a sprint", true, problems);
        Map<String, Node> milestones = new LinkedHashMap<>();
        Map<String, Node> features = new LinkedHashMap<>();
        List<String> agents = new ArrayList<>(f.strings("agents"));
        collectIds(f, f.items("milestones"), "milestones", milestones);
        collectIds(f, f.items("features"), "features", features);
        includes(f, milestones, features, agents);
        remember(milestones, DefinitionSet.path("sprints", index, "milestones"));
        Fields governance = f.nested("governance", GOVERNANCE, true);
        Fields trace = f.nested("traceability", TRACEABILITY, true);
        return new SprintDefinition(f.requiredId("id"), f.string("name"), f.string("goal"),
                List.copyOf(milestones.keySet()), List.copyOf(features.keySet()), agents, f.string("trigger"),
                f.string("module"), f.string("phase"), concurrencyPolicy(f), new GateReader(problems).sprintGates(f),
                governance == null ? null : governance.bool("approvalRequired"),
                trace == null ? null : new Traceability(trace.strings("labels"), null, null, null, trace.string("orchestrator")),
                f.strings("labels"));
    }

    /**
     * {@code concurrencyPolicy}: {@code isolated} (the sprint runs alone among the sprints of its milestones: Studio
     * refuses a SprintStarted that would overlap) or {@code shared} (the default: sprints run in parallel).
     */
    private String concurrencyPolicy(Fields f) {
        String policy = f.string("concurrencyPolicy");
        if (policy == null || SprintDefinition.CONCURRENCY_POLICIES.contains(policy)) return policy;
        problems.add(f.get("concurrencyPolicy"), "concurrencyPolicy '" + policy + "' must be one of "
                + String.join(", ", SprintDefinition.CONCURRENCY_POLICIES));
        return null;
    }

    /** {@code includes: [{Milestone: x}, {Features: [..]}, {Agents: [..]}]}, keys in any letter case. */
    private void includes(Fields f, Map<String, Node> milestones, Map<String, Node> features, List<String> agents) {
        for (Node item : f.items("includes")) {
            if (!(item instanceof MappingNode m) || m.entries().size() != 1) {
                problems.add(item, "an includes entry has one key, Milestone, Features or Agents ('- Milestone: mvp-ready'), found "
                        + item.describe());
                continue;
            }
            MappingNode.Entry e = m.entries().get(0);
            String kind = e.key().toLowerCase(Locale.ROOT);
            List<Node> values = f.items(e.value(), e.key());
            if (kind.equals("milestone") || kind.equals("milestones")) collectIds(f, values, e.key(), milestones);
            else if (kind.equals("features")) collectIds(f, values, e.key(), features);
            else if (kind.equals("agents")) agents.addAll(f.strings(e.value(), e.key()));
            else problems.add(e.problem("unknown includes entry '" + e.key() + "'"
                    + Spelling.didYouMean(e.key(), List.of("Milestone", "Features", "Agents"))
                    + "; use Milestone, Features or Agents", m.nodePath()));
        }
    }

    /** Valid ids into {@code into} in order, each once, remembering the node it was written at. */
    private void collectIds(Fields f, List<Node> items, String label, Map<String, Node> into) {
        for (Node item : items) {
            String id = f.id(item, label + " entry");
            if (id != null) into.putIfAbsent(id, item);
        }
    }

    private void remember(Map<String, Node> refs, NodePath list) {
        int j = 0;
        for (Node at : refs.values()) {
            sites.put(list.index(j++).toString(), new DefinitionSet.Site(at.line(), at.column(), at.path()));
        }
    }
}
