package studio.input;

import java.util.List;

/** A YAML mapping or JSON object; keys are unique and kept in the order written. */
public record MappingNode(List<Entry> entries, int line, int column, NodePath nodePath) implements Node {

    /** One key and its value; line and column are those of the key. */
    public record Entry(String key, int line, int column, Node value) {
        public InputProblem problem(String message, NodePath mappingPath) {
            return new InputProblem(message, line, column, mappingPath.key(key).toString());
        }
    }

    public MappingNode {
        entries = List.copyOf(entries);
    }

    /** The value under {@code key}, or null when the key is absent. */
    public Node get(String key) {
        for (Entry e : entries) if (e.key().equals(key)) return e.value();
        return null;
    }

    public Entry entry(String key) {
        for (Entry e : entries) if (e.key().equals(key)) return e;
        return null;
    }

    @Override
    public String describe() {
        return "a mapping";
    }
}
