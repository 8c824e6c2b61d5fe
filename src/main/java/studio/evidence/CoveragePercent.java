package studio.evidence;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import studio.input.Fields;
import studio.input.Node;
import studio.input.Problems;
import studio.input.ScalarNode;

/** Coverage percentages as CI writes them: {@code 93.0}, {@code "93%"}, {@code "93.5"}; always 0..100. */
final class CoveragePercent {

    /** Possessive: a long run of blanks must not make the pattern backtrack. */
    static final Pattern TEXT = Pattern.compile("\\s*+([-+]?+(?:\\d++(?:\\.\\d++)?+|\\.\\d++))\\s*+%?+\\s*+");

    private CoveragePercent() {}

    /** The percentage, or null after recording why {@code value} is not one. */
    static Double read(Node value, String label, Problems problems) {
        Double percent = null;
        if (value instanceof ScalarNode s && s.isNumber()) percent = s.number();
        else if (value instanceof ScalarNode s && s.isString()) percent = parse(s.text());
        if (percent == null) {
            problems.add(value, label + " must be a percentage such as 93.5 or \"93.5%\", found " + value.describe());
            return null;
        }
        if (percent >= 0 && percent <= 100) return percent;
        problems.add(value, outOfRange(label, percent));
        return null;
    }

    /** "93.5%" or "93.5" as a number, else null. */
    static Double parse(String text) {
        Matcher m = TEXT.matcher(text);
        return m.matches() ? Double.valueOf(m.group(1)) : null;
    }

    /** "coverage 120 is not between 0 and 100", or null when {@code percent} is a percentage. */
    static String outOfRange(String label, double percent) {
        return percent >= 0 && percent <= 100 ? null : Fields.outOfRange(label, Fields.plain(percent), percent, 0, 100);
    }
}
