package studio.input;

import java.util.List;

/** A YAML sequence or JSON array. */
public record SequenceNode(List<Node> items, int line, int column, NodePath nodePath) implements Node {

    public SequenceNode {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
