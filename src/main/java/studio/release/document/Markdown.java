package studio.release.document;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People's text (reasons, names, ids) placed inside generated Markdown without changing its structure: no new
 * lines, blocks, links, images, emphasis, code or HTML. CommonMark renders a backslash-escaped ASCII punctuation
 * character as itself, so escaping is lossless for readers of the rendered notes.
 */
public final class Markdown {

    /** Characters that open inline structure anywhere: escapes, code, emphasis, links and images, HTML, entities, tables. */
    private static final String INLINE = "\\`*_[]<>&|~";
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");
    /** A text starting like a block: heading, list item, quote, setext underline, numbered item. */
    private static final Pattern BLOCK_START = Pattern.compile("^(?:[#+\\-=>]|\\d{1,9}[.)])");
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private Markdown() {}

    /** {@code text} on one line with everything that could become structure escaped; "" for null. */
    public static String text(String text) {
        if (text == null) return "";
        String line = LINE_BREAKS.matcher(text).replaceAll(" ").strip();
        StringBuilder out = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (INLINE.indexOf(c) >= 0) out.append('\\');
            out.append(c);
        }
        Matcher block = BLOCK_START.matcher(out);
        if (block.find()) out.insert(block.end() - 1, '\\'); // escape the marker itself: \# \- 1\.
        return out.toString();
    }

    /** {@code text} as an inline code span, fenced by more backticks than it contains (CommonMark 6.1). */
    static String code(String text) {
        String line = LINE_BREAKS.matcher(text == null ? "" : text).replaceAll(" ").strip();
        int longest = BACKTICKS.matcher(line).results().mapToInt(r -> r.group().length()).max().orElse(0);
        String fence = "`".repeat(longest + 1);
        String pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
        return fence + pad + line + pad + fence;
    }
}
