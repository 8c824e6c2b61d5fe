package studio.definition;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes maps, lists, texts, numbers and booleans as block-style YAML that Studio's own reader reads back to the same
 * values: a text is written plain only when it cannot be mistaken for anything else, otherwise double-quoted with
 * escapes for everything YAML would fold or refuse.
 */
final class YamlEmitter {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_./()+-]*(?: [A-Za-z0-9_./()+-]+)*");
    private static final Set<String> RESERVED = Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n",
            "nan", "inf", "infinity");

    private final StringBuilder out = new StringBuilder();

    private YamlEmitter() {}

    static String emit(Map<String, Object> document) {
        YamlEmitter e = new YamlEmitter();
        e.entries(document, 0, false);
        return e.out.toString();
    }

    private void entries(Map<?, ?> map, int indent, boolean continuesLine) {
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(first && continuesLine)) out.append(" ".repeat(indent));
            first = false;
            out.append(scalar(e.getKey())).append(':');
            value(e.getValue(), indent);
        }
    }

    /** A value after "key:" or "-" on the current line. */
    private void value(Object v, int indent) {
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            out.append('\n');
            entries(m, indent + 2, false);
        } else if (v instanceof List<?> l && !l.isEmpty()) {
            out.append('\n');
            items(l, indent + 2);
        } else {
            out.append(' ').append(scalar(v)).append('\n');
        }
    }

    private void items(List<?> list, int indent) {
        for (Object item : list) {
            out.append(" ".repeat(indent)).append('-');
            if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                out.append(' ');
                entries(m, indent + 2, true);
            } else {
                value(item, indent);
            }
        }
    }

    static String scalar(Object v) {
        if (v instanceof Map<?, ?>) return "{}";
        if (v instanceof List<?>) return "[]";
        if (v instanceof Double d) return number(d);
        if (v instanceof Boolean || v instanceof Integer || v instanceof Long) return v.toString();
        if (v == null) return "null";
        return text(v.toString());
    }

    static String text(String s) {
        if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) return s;
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') q.append('\\').append(c);
            else if (c == '\n') q.append("\\n");
            else if (printable(s, i)) q.append(c);
            else q.append(String.format("\\u%04X", (int) c));
        }
        return q.append('"').toString();
    }

    /** Characters YAML keeps verbatim inside double quotes; line separators and lone surrogates are escaped. */
    private static boolean printable(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        if (c == '\u2028' || c == '\u2029' || c == '\uFEFF') return false;
        return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    static String number(double d) {
        if (!Double.isFinite(d)) throw new IllegalArgumentException("definitions hold finite numbers only, not " + d);
        if (d == 0 && 1 / d < 0) return "-0.0";
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        String plain = BigDecimal.valueOf(d).toPlainString();
        if (plain.length() <= 30) return plain;
        // YAML 1.1 floats need a signed exponent: 1.0E+300, not 1.0E300.
        String sci = Double.toString(d);
        return sci.contains("E-") ? sci : sci.replace("E", "E+");
    }
}
