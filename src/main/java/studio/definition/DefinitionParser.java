package studio.definition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import studio.input.Fields;
import studio.input.Format;
import studio.input.InvalidInputException;
import studio.input.KeySet;
import studio.input.MappingNode;
import studio.input.Node;
import studio.input.Problems;
import studio.input.TreeReader;

/**
 * Reads a definitions document: any of the top-level lists {@code milestones}, {@code sprints}, {@code features} in
 * the shapes of the spec documents, and {@code environments} (docs/API.md "Environments and promotions"). Every problem of the document is reported at once, with line, column and path.
 * References between documents and the store are checked separately ({@link DefinitionSet#unresolvedReferences}).
 */
public final class DefinitionParser {

    private static final KeySet TOP = KeySet.of("milestones", "sprints", "features", "environments");

    private DefinitionParser() {}

    public static DefinitionSet parse(String text, Format format) {
        Node root = TreeReader.read(text, format);
        Problems problems = new Problems();
        if (!(root instanceof MappingNode top)) {
            problems.add(root, "a definitions document is a mapping with milestones, sprints, features or environments, found " + root.describe());
            throw new InvalidInputException(problems.list());
        }
        Fields f = Fields.of(top, TOP, "the document", true, problems);
        if (!f.has("milestones") && !f.has("sprints") && !f.has("features") && !f.has("environments") && problems.isEmpty()) {
            problems.add(root, "the document has none of milestones, sprints, features, environments");
        }
        Map<String, DefinitionSet.Site> sites = new HashMap<>();
        MilestoneReader milestones = new MilestoneReader(problems);
        SprintReader sprints = new SprintReader(problems, sites);
        FeatureReader features = new FeatureReader(problems, sites);
        DefinitionSet set = new DefinitionSet(
                list(f, "milestones", (node, i) -> milestones.read(node), MilestoneDefinition::id, problems),
                list(f, "sprints", sprints::read, SprintDefinition::id, problems),
                list(f, "features", features::read, FeatureDefinition::id, problems),
                sites, list(f, "environments", new EnvironmentReader(problems)::read, EnvironmentDefinition::name, problems));
        problems.throwIfAny();
        return set;
    }

    /** One top-level list; an id defined twice is a problem naming both lines. */
    private static <T> List<T> list(Fields top, String key, BiFunction<Node, Integer, T> reader, Function<T, String> id,
                                    Problems problems) {
        Node value = top.get(key);
        if (value == null) return List.of();
        if (!(value instanceof studio.input.SequenceNode seq)) {
            problems.add(value, key + " must be a list, found " + value.describe());
            return List.of();
        }
        List<T> out = new ArrayList<>();
        Map<String, Node> firstById = new HashMap<>();
        String kind = key.substring(0, key.length() - 1);
        for (Node item : seq.items()) {
            T definition = reader.apply(item, out.size());
            Node earlier = id.apply(definition) == null ? null : firstById.putIfAbsent(id.apply(definition), item);
            if (earlier != null) {
                problems.add(item, kind + " id '" + id.apply(definition) + "' is defined twice: on line " + earlier.line()
                        + " and on line " + item.line());
            }
            out.add(definition);
        }
        return out;
    }
}
