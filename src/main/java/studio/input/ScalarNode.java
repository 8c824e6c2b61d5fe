package studio.input;

/**
 * A single value. {@code kind} says how it was written: a quoted YAML scalar or JSON string is a STRING even when it
 * reads "90"; a plain {@code 90} is a NUMBER, a plain {@code true} a BOOLEAN
 * ({@code yes}, {@code on} are texts, as in YAML 1.2).
 * {@code text} is the value as written (for strings: the string itself); {@code value} is the decoded value:
 * a String, a Double (possibly infinite or NaN, as YAML allows), a Boolean, or null.
 */
public record ScalarNode(Kind kind, String text, Object value, int line, int column, NodePath nodePath)
        implements Node {

    public enum Kind { STRING, NUMBER, BOOLEAN, NULL }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isString() {
        return kind == Kind.STRING;
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    public boolean isBoolean() {
        return kind == Kind.BOOLEAN;
    }

    public double number() {
        return (Double) value;
    }

    public boolean booleanValue() {
        return (Boolean) value;
    }

    /** A copy of this scalar at another place in the tree (YAML alias expansion). */
    ScalarNode at(NodePath elsewhere) {
        return new ScalarNode(kind, text, value, line, column, elsewhere);
    }

    @Override
    public String describe() {
        return switch (kind) {
            case NULL -> "null";
            case NUMBER -> "the number " + text;
            case BOOLEAN -> "the boolean " + text;
            case STRING -> "the string '" + abbreviated(text) + "'";
        };
    }

    private static String abbreviated(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
