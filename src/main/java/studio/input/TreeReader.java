package studio.input;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML or JSON text into a located {@link Node} tree with Jackson's streaming parsers.
 *
 * <p>Hostile input ends in an {@link InvalidInputException}, never in another exception or a hang: the text is at
 * most {@value #MAX_BYTES} bytes, nesting at most {@value #MAX_DEPTH} levels, and the tree at most
 * {@value #MAX_VALUES} values with YAML aliases expanded (so an alias bomb stops early). Duplicate keys, syntax errors
 * and a second YAML document are problems with their line and column.
 */
public final class TreeReader {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_VALUES = 250_000;
    /**
     * SnakeYAML scans a run of characters without blanks in time quadratic in its length (2 MiB took seconds), so YAML
     * lines are bounded; JSON has no such limit.
     */
    public static final int MAX_YAML_LINE = 100_000;
    /** Longer number literals are refused before any conversion (big-number parsing is superlinear). */
    static final int MAX_NUMBER_LENGTH = 100;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH + 1).maxDocumentLength(MAX_BYTES).maxNumberLength(MAX_NUMBER_LENGTH).build();
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();
    // YAML 1.2 readings: an empty value is null, and only true/false are booleans ("no" stays the text "no").
    private static final YAMLFactory YAML = YAMLFactory.builder().streamReadConstraints(LIMITS)
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build();

    private final JsonParser parser;
    private final Problems problems = new Problems();
    private final Map<String, Node> anchors = new HashMap<>();
    private int values;

    private TreeReader(JsonParser parser) {
        this.parser = parser;
    }

    /** The tree of {@code text}; throws {@link InvalidInputException} for anything unreadable. */
    public static Node read(String text, Format format) {
        requireWithinSizeLimit(text);
        Format resolved = format.resolve(text);
        if (resolved == Format.YAML) requireShortLines(text);
        try (JsonParser p = (resolved == Format.JSON ? JSON : YAML).createParser(text)) {
            return new TreeReader(p).document(resolved);
        } catch (IOException e) {
            throw new InvalidInputException(syntaxProblem(e, resolved));
        }
    }

    /** Refuses any document (YAML, JSON, markdown) larger than {@value #MAX_BYTES} bytes in UTF-8. */
    public static void requireWithinSizeLimit(String text) {
        long bytes = utf8Length(text);
        if (bytes > MAX_BYTES) {
            throw new InvalidInputException(InputProblem.of(String.format(java.util.Locale.ROOT,
                    "the document is %.1f MiB; the limit is 2 MiB", bytes / (1024.0 * 1024.0))));
        }
    }

    private static void requireShortLines(String text) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '\n') continue;
            if (i - start > MAX_YAML_LINE) {
                throw new InvalidInputException(new InputProblem("the line is longer than " + MAX_YAML_LINE
                        + " characters; split it (YAML lines are limited, JSON documents are not)", line, MAX_YAML_LINE + 1, null));
            }
            line++;
            start = i + 1;
        }
    }

    private Node document(Format format) throws IOException {
        JsonToken first = next();
        if (first == null) throw new InvalidInputException(InputProblem.of("the document is empty"));
        Node root = value(first, NodePath.ROOT, 1);
        if (next() != null) {
            JsonLocation at = parser.currentTokenLocation();
            String what = format == Format.YAML ? "a second YAML document ('---')" : "more than one JSON value";
            problems.add(new InputProblem("the input holds " + what + "; send one document",
                    at.getLineNr(), at.getColumnNr(), null));
        }
        problems.throwIfAny();
        return root;
    }

    private JsonToken next() throws IOException {
        try {
            return parser.nextToken();
        } catch (RuntimeException e) {
            // SnakeYAML reports some malformed input (bad escapes, encoding) as unchecked exceptions.
            throw new IOException(e.getMessage(), e);
        }
    }

    private Node value(JsonToken token, NodePath path, int depth) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        if (depth > MAX_DEPTH) throw fail(line, column, path, "the document nests deeper than " + MAX_DEPTH + " levels");
        count(line, column, path);
        String anchor = anchor();
        Node node = switch (token) {
            case START_OBJECT -> mapping(line, column, path, depth);
            case START_ARRAY -> sequence(line, column, path, depth);
            default -> scalar(token, line, column, path, depth);
        };
        if (anchor != null) anchors.put(anchor, node);
        return node;
    }

    private MappingNode mapping(int line, int column, NodePath path, int depth) throws IOException {
        List<MappingNode.Entry> entries = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (JsonToken t = next(); t != JsonToken.END_OBJECT; t = next()) {
            if (t == null) throw fail(line, column, path, "the mapping is not closed");
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            Node value = value(next(), path.key(key), depth + 1);
            Integer earlier = firstLine.putIfAbsent(key, keyAt.getLineNr());
            if (earlier == null) entries.add(new MappingNode.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value));
            else problems.add(new InputProblem("duplicate key '" + key + "' (first on line " + earlier + ")",
                    keyAt.getLineNr(), keyAt.getColumnNr(), path.key(key).toString()));
        }
        return new MappingNode(entries, line, column, path);
    }

    private SequenceNode sequence(int line, int column, NodePath path, int depth) throws IOException {
        List<Node> items = new ArrayList<>();
        for (JsonToken t = next(); t != JsonToken.END_ARRAY; t = next()) {
            if (t == null) throw fail(line, column, path, "the list is not closed");
            items.add(value(t, path.index(items.size()), depth + 1));
        }
        return new SequenceNode(items, line, column, path);
    }

    private Node scalar(JsonToken token, int line, int column, NodePath path, int depth) throws IOException {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) return alias(line, column, path, depth);
        String text = parser.getText();
        return switch (token) {
            case VALUE_STRING -> new ScalarNode(ScalarNode.Kind.STRING, text, text, line, column, path);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(text, line, column, path);
            case VALUE_TRUE -> new ScalarNode(ScalarNode.Kind.BOOLEAN, text, Boolean.TRUE, line, column, path);
            case VALUE_FALSE -> new ScalarNode(ScalarNode.Kind.BOOLEAN, text, Boolean.FALSE, line, column, path);
            case VALUE_NULL -> new ScalarNode(ScalarNode.Kind.NULL, text, null, line, column, path);
            default -> throw fail(line, column, path, "unsupported value (" + token + "); use text, numbers, "
                    + "booleans, lists and mappings");
        };
    }

    private ScalarNode number(String text, int line, int column, NodePath path) {
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw fail(line, column, path, "the number has more than " + MAX_NUMBER_LENGTH + " characters");
        }
        try {
            return new ScalarNode(ScalarNode.Kind.NUMBER, text, parser.getDoubleValue(), line, column, path);
        } catch (IOException | NumberFormatException e) {
            // YAML's .inf and .nan, among others: Studio's numbers are finite.
            throw fail(line, column, path, "'" + text + "' is not a finite number");
        }
    }

    private String anchor() throws IOException {
        return parser instanceof YAMLParser yaml ? yaml.getObjectId() : null;
    }

    /** An alias stands for a copy of its anchored value, re-addressed to where the alias is. */
    private Node alias(int line, int column, NodePath path, int depth) throws IOException {
        Node anchored = anchors.get(parser.getText());
        if (anchored == null) throw fail(line, column, path, "unknown YAML alias '*" + parser.getText() + "'");
        return copy(anchored, path, depth);
    }

    private Node copy(Node node, NodePath path, int depth) {
        if (depth > MAX_DEPTH) {
            throw fail(node.line(), node.column(), path, "the document nests deeper than " + MAX_DEPTH + " levels");
        }
        count(node.line(), node.column(), path);
        if (node instanceof ScalarNode s) return s.at(path);
        if (node instanceof SequenceNode s) {
            List<Node> items = new ArrayList<>();
            for (Node item : s.items()) items.add(copy(item, path.index(items.size()), depth + 1));
            return new SequenceNode(items, s.line(), s.column(), path);
        }
        MappingNode m = (MappingNode) node;
        List<MappingNode.Entry> entries = new ArrayList<>();
        for (MappingNode.Entry e : m.entries()) {
            entries.add(new MappingNode.Entry(e.key(), e.line(), e.column(), copy(e.value(), path.key(e.key()), depth + 1)));
        }
        return new MappingNode(entries, m.line(), m.column(), path);
    }

    private void count(int line, int column, NodePath path) {
        if (++values > MAX_VALUES) {
            throw fail(line, column, path, "the document holds more than " + MAX_VALUES
                    + " values (YAML aliases expanded); split it or remove aliases");
        }
    }

    /** Problems found so far plus this one, which ends reading. */
    private InvalidInputException fail(int line, int column, NodePath path, String message) {
        problems.add(new InputProblem(message, line, column, path.toString()));
        return new InvalidInputException(problems.list());
    }

    private static InputProblem syntaxProblem(IOException e, Format format) {
        // Jackson wraps SnakeYAML's error, whose problem mark is where the YAML actually went wrong.
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            String context = marked.getContext() == null ? "" : " (" + marked.getContext().trim() + ")";
            return new InputProblem("YAML syntax error: " + oneLine(marked.getProblem()) + context,
                    marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1, null);
        }
        String name = format == Format.JSON ? "JSON" : "YAML";
        if (e instanceof JacksonException j && j.getLocation() != null && j.getLocation().getLineNr() > 0) {
            return new InputProblem(name + " syntax error: " + oneLine(j.getOriginalMessage()),
                    j.getLocation().getLineNr(), j.getLocation().getColumnNr(), null);
        }
        return InputProblem.of(name + " syntax error: " + oneLine(e.getMessage()));
    }

    private static String oneLine(String message) {
        if (message == null) return "unreadable input";
        String first = message.strip().lines().findFirst().orElse("unreadable input");
        return first.length() <= 300 ? first : first.substring(0, 297) + "...";
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) bytes += 1;
            else if (c < 0x800) bytes += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else bytes += 3;
        }
        return bytes;
    }
}
