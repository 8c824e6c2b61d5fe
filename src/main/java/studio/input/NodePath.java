package studio.input;

import java.util.regex.Pattern;

/**
 * The JSONPath-like address of a value in a document: {@code $.milestones[0].gateConditions[2]}, or
 * {@code $.features['Notification.Email.Send']} for keys that are not plain names. Paths share their prefixes, so a
 * large document does not hold one string per value.
 */
public final class NodePath {

    public static final NodePath ROOT = new NodePath(null, null, -1);
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final NodePath parent;
    private final String key;
    private final int index;

    private NodePath(NodePath parent, String key, int index) {
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    public NodePath key(String name) {
        return new NodePath(this, name, -1);
    }

    public NodePath index(int i) {
        return new NodePath(this, null, i);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        appendTo(out);
        return out.toString();
    }

    private void appendTo(StringBuilder out) {
        if (parent == null) {
            out.append('$');
            return;
        }
        parent.appendTo(out);
        if (key == null) out.append('[').append(index).append(']');
        else if (PLAIN_KEY.matcher(key).matches()) out.append('.').append(key);
        else out.append("['").append(key.replace("\\", "\\\\").replace("'", "\\'")).append("']");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodePath other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
