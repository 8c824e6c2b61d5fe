package studio.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed, located access to the fields of one mapping, reporting every problem to a shared {@link Problems}: a value
 * of the wrong type, out of range, or a required field missing. A getter that finds a problem records it and answers
 * null (or an empty list), so parsing goes on and the author learns about all problems at once.
 *
 * <p>In strict mode an unknown key is a problem with a "did you mean" suggestion; in lenient mode (evidence from CI,
 * which may carry extra fields) unknown keys are ignored but still feed the hint of a missing required field.
 * A null value ({@code owner:} with nothing after it) counts as absent.
 */
public final class Fields {

    private final Node node;
    private final KeySet keys;
    private final Problems problems;
    private final Map<String, MappingNode.Entry> byCanonical = new LinkedHashMap<>();
    private final List<String> unknownKeys = new ArrayList<>();

    private Fields(Node node, KeySet keys, Problems problems) {
        this.node = node;
        this.keys = keys;
        this.problems = problems;
    }

    /** The fields of {@code node}; a node that is not a mapping is a problem ("a milestone must be a mapping"). */
    public static Fields of(Node node, KeySet keys, String what, boolean strict, Problems problems) {
        Fields fields = new Fields(node, keys, problems);
        if (node instanceof MappingNode mapping) fields.index(mapping, strict);
        else problems.add(node, what + " must be a mapping, found " + node.describe());
        return fields;
    }

    private void index(MappingNode mapping, boolean strict) {
        for (MappingNode.Entry e : mapping.entries()) {
            String canonical = keys.canonical(e.key());
            if (canonical == null) {
                unknownKeys.add(e.key());
                if (strict) problems.add(e.problem(unknown(e.key()), mapping.nodePath()));
            } else if (byCanonical.containsKey(canonical)) {
                problems.add(e.problem("'" + e.key() + "' and '" + byCanonical.get(canonical).key()
                        + "' are two spellings of " + canonical + "; keep one", mapping.nodePath()));
            } else if (!(e.value() instanceof ScalarNode s && s.isNull())) {
                byCanonical.put(canonical, e);
            }
        }
    }

    /** The fields of the mapping under {@code key} (same strictness), or null when absent. */
    public Fields nested(String key, KeySet nestedKeys, boolean strict) {
        Node value = get(key);
        return value == null ? null : of(value, nestedKeys, "'" + spelling(key) + "'", strict, problems);
    }

    /** "unknown field 'x' (did you mean 'y'?)", listing the expected keys when there are only a few. */
    private String unknown(String key) {
        List<String> names = keys.names();
        String expected = names.size() <= 6 ? "; expected " + String.join(", ", names) : "";
        return "unknown field '" + key + "'" + Spelling.didYouMean(key, keys.spellings()) + expected;
    }

    public Node node() {
        return node;
    }

    public Problems problems() {
        return problems;
    }

    public boolean has(String key) {
        return byCanonical.containsKey(known(key));
    }

    /** The value under the canonical {@code key}, or null when absent. */
    public Node get(String key) {
        MappingNode.Entry e = byCanonical.get(known(key));
        return e == null ? null : e.value();
    }

    /** The spelling the author used for {@code key}, for messages; the canonical name when absent. */
    public String spelling(String key) {
        MappingNode.Entry e = byCanonical.get(known(key));
        return e == null ? key : e.key();
    }

    /** Like {@link #get} but a problem when absent (unless the node is no mapping at all, which is one problem). */
    public Node required(String key) {
        Node value = get(key);
        if (value == null && node instanceof MappingNode) problems.add(node, missing(key));
        return value;
    }

    /** "sprintId is required", with a hint when an unknown key looks like a misspelling of it. */
    private String missing(String key) {
        String hint = "";
        for (String unknown : unknownKeys) {
            if (Spelling.distance(unknown, key) <= Spelling.MAX_EDITS) {
                hint = " (is '" + unknown + "' meant to be '" + key + "'?)";
                break;
            }
        }
        return "'" + key + "' is required" + hint;
    }

    public String string(String key) {
        return text(get(key), key);
    }

    public String requiredString(String key) {
        return text(required(key), key);
    }

    /** A scalar read as text: strings as they are, numbers and booleans as written. */
    public String text(Node value, String label) {
        if (value == null) return null;
        if (value instanceof ScalarNode s && !s.isNull()) return s.text();
        problems.add(value, "'" + label + "' must be text, found " + value.describe());
        return null;
    }

    public String id(String key) {
        return id(get(key), key);
    }

    public String requiredId(String key) {
        return id(required(key), key);
    }

    public String id(Node value, String label) {
        String id = text(value, label);
        if (id == null) return null;
        String why = Ids.whyInvalid(label, id);
        if (why == null) return id;
        problems.add(value, why);
        return null;
    }

    public Boolean bool(String key) {
        Node value = get(key);
        if (value == null) return null;
        if (value instanceof ScalarNode s && s.isBoolean()) return s.booleanValue();
        problems.add(value, "'" + spelling(key) + "' must be true or false, found " + value.describe());
        return null;
    }

    /** A finite number within [min, max]. */
    public Double number(String key, double min, double max) {
        return number(get(key), spelling(key), min, max);
    }

    public Double number(Node value, String label, double min, double max) {
        if (value == null) return null;
        if (!(value instanceof ScalarNode s && s.isNumber())) {
            problems.add(value, "'" + label + "' must be a number, found " + value.describe());
            return null;
        }
        double n = s.number();
        if (n >= min && n <= max) return n;
        problems.add(value, outOfRange(label, s.text(), n, min, max));
        return null;
    }

    /** A whole number within [min, max]. */
    public Long integer(String key, long min, long max) {
        Node value = get(key);
        Double n = number(value, spelling(key), min, max);
        if (n == null) return null;
        if (n == Math.rint(n)) return n.longValue();
        problems.add(value, "'" + spelling(key) + "' must be a whole number, found " + ((ScalarNode) value).text());
        return null;
    }

    /** A list of non-empty texts; a single text stands for a list of one. */
    public List<String> strings(String key) {
        return strings(get(key), spelling(key));
    }

    public List<String> strings(Node value, String label) {
        List<String> out = new ArrayList<>();
        for (Node item : items(value, label)) {
            String s = text(item, label);
            if (s != null) out.add(s);
        }
        return out;
    }

    /** A list of ids; a single id stands for a list of one. */
    public List<String> ids(String key) {
        List<String> out = new ArrayList<>();
        for (Node item : items(get(key), spelling(key))) {
            String id = id(item, spelling(key) + " entry");
            if (id != null) out.add(id);
        }
        return out;
    }

    /** The items of a list; a scalar stands for a list of one; absent means empty. */
    public List<Node> items(Node value, String label) {
        if (value == null) return List.of();
        if (value instanceof SequenceNode seq) return seq.items();
        if (value instanceof ScalarNode) return List.of(value);
        problems.add(value, "'" + label + "' must be a list, found " + value.describe());
        return List.of();
    }

    public List<Node> items(String key) {
        return items(get(key), spelling(key));
    }

    /** Guards against asking for a key the KeySet does not declare (a typo in the parser itself). */
    private String known(String key) {
        if (!key.equals(keys.canonical(key))) throw new IllegalArgumentException("undeclared key " + key);
        return key;
    }

    /**
     * "threshold 120 is not between 0 and 100", or "durationMs -1 must be at least 0" where the upper bound is
     * only technical; {@code written} is the value as the author wrote it.
     */
    public static String outOfRange(String label, String written, double value, double min, double max) {
        if (max >= Integer.MAX_VALUE && value < min) return label + " " + written + " must be at least " + plain(min);
        return label + " " + written + " is not between " + plain(min) + " and " + plain(max);
    }

    /** A number as messages show it: 90 rather than 90.0. */
    public static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
