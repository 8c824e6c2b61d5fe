package studio.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical text of a JSON document, so that equal documents hash equally however they were spelled or
 * stored (PostgreSQL's jsonb, for one, reorders keys and drops whitespace):
 * <ul>
 *   <li>no whitespace outside strings;</li>
 *   <li>object members sorted by key, comparing UTF-16 code units (as RFC 8785); a repeated key keeps its last value;</li>
 *   <li>strings escape only {@code "} {@code \} and U+0000..U+001F: {@code \b \t \n \f \r} by their short forms,
 *       the rest as a backslash, {@code u00} and two lowercase hex digits; every other character is written as itself (UTF-8);</li>
 *   <li>numbers in plain decimal: no exponent, no trailing fractional zeros, no fraction when integral,
 *       {@code -0} as {@code 0} ({@code 1.50} and {@code 15e-1} are both {@code 1.5}; {@code 1E2} is {@code 100});</li>
 *   <li>{@code true}, {@code false}, {@code null} as themselves.</li>
 * </ul>
 */
public final class CanonicalJson {

    private static final ObjectMapper PARSER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CanonicalJson() {}

    /** @throws IllegalArgumentException when {@code json} is not one well-formed JSON value */
    public static String canonicalize(String json) {
        try {
            JsonNode tree = PARSER.readTree(json);
            if (tree == null || tree.isMissingNode()) throw new IllegalArgumentException("empty JSON document");
            StringBuilder out = new StringBuilder(json.length());
            write(tree, out);
            return out.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON document: " + e.getOriginalMessage(), e);
        }
    }

    /** Appends {@code text} as a canonical JSON string literal (or {@code null}). */
    static void writeString(String text, StringBuilder out) {
        if (text == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int plain = 0; // start of the run of characters written as themselves, appended in one go
        for (int i = 0; i < text.length(); i++) {
            String escaped = escape(text.charAt(i));
            if (escaped == null) continue;
            out.append(text, plain, i).append(escaped);
            plain = i + 1;
        }
        out.append(text, plain, text.length()).append('"');
    }

    /** The escape sequence for {@code c}, or null when it is written as itself. */
    private static String escape(char c) {
        if (c >= 0x20 && c != '"' && c != '\\') return null;
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\b' -> "\\b";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\f' -> "\\f";
            case '\r' -> "\\r";
            default -> c < 0x20 ? String.format("\\u%04x", (int) c) : null;
        };
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) writeObject(node, out);
        else if (node.isArray()) writeArray(node, out);
        else if (node.isTextual()) writeString(node.textValue(), out);
        else if (node.isNumber()) out.append(number(node));
        else out.append(node.asText()); // true, false, null
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) keys.add(it.next());
        keys.sort(null);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) out.append(',');
            writeString(keys.get(i), out);
            out.append(':');
            write(node.get(keys.get(i)), out);
        }
        out.append('}');
    }

    private static void writeArray(JsonNode node, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) out.append(',');
            write(node.get(i), out);
        }
        out.append(']');
    }

    private static String number(JsonNode node) {
        BigDecimal value = node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
        if (value.signum() == 0) return "0";
        return value.stripTrailingZeros().toPlainString();
    }
}
