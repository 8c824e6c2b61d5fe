package studio.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import studio.input.Ids;
import studio.input.InputProblem;
import studio.input.Problems;

/**
 * Reads qa-validation-report.md line by line:
 * <ul>
 *   <li>heading {@code ## QA Validation Summary — sprint-x} (any dash, or none): a sprint other than the URL's is refused;</li>
 *   <li>coverage bullets {@code - BookingFlow: 93.2%} ({@code *} or {@code +} bullets, bold names, an optional
 *       {@code (12 tests)});</li>
 *   <li>{@code - Tests passed: 120} and {@code - Tests failed: 2};</li>
 *   <li>the QA panel table {@code | Feature | Coverage | Test Cases | ... |}.</li>
 * </ul>
 * A bullet that names a feature and a number-like value but does not read as a coverage is an error on its line;
 * other prose is ignored. Summary rows (Overall, Total, Average) are not features.
 */
final class QaMarkdown {

    // Possessive quantifiers throughout: a 2 MiB line must not make a pattern backtrack.
    private static final Pattern HEADING = Pattern.compile("\\s{0,3}+#{1,6}+\\s*+QA Validation Summary\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern BULLET = Pattern.compile("(\\s*+[-*+]\\s++)(.*)");
    private static final Pattern TESTS = Pattern.compile("tests\\s++(passed|failed)\\s*+:\\s*+(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern COVERAGE = Pattern.compile(
            "([-+]?+(?:\\d++(?:\\.\\d++)?+|\\.\\d++))\\s*+%?+(?:\\s*+\\(\\s*+(\\d{1,9}+)\\s++tests?\\s*+\\))?+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    private static final Set<String> SUMMARY_ROWS = Set.of("overall", "total", "average", "aggregate", "weighted");
    private static final String EXPECTED = "expected lines like '- BookingFlow: 93.2%' or a table with Feature and Coverage columns";

    private final String sprintId;
    private final Problems problems = new Problems();
    private final List<FeatureCoverage> features = new ArrayList<>();
    private final Map<String, Integer> lineOf = new HashMap<>();
    private Integer passed;
    private Integer failed;
    private QaTable table;

    QaMarkdown(String sprintId) {
        this.sprintId = sprintId;
    }

    QaReport read(String markdown) {
        String[] lines = markdown.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length && !problems.isFull(); i++) line(lines[i], i + 1);
        if (features.isEmpty() && problems.isEmpty()) problems.add(InputProblem.of("the report has no coverage lines; " + EXPECTED));
        problems.throwIfAny();
        return new QaReport(sprintId, features, passed, failed);
    }

    private void line(String line, int number) {
        if (table != null && table.accepts(line)) {
            table.row(line, number);
            return;
        }
        table = QaTable.header(line, this);
        if (table != null) return;
        Matcher heading = HEADING.matcher(line);
        if (heading.lookingAt()) {
            String named = headingSprint(line.substring(heading.end()));
            sprintHeading(named, number, line.indexOf(named, heading.end()) + 1);
        }
        Matcher bullet = BULLET.matcher(line);
        if (bullet.matches()) bullet(bullet.group(2).replace("**", "").strip(), number, bullet.end(1) + 1);
    }

    /** What follows "QA Validation Summary": an optional dash or colon, then the sprint id; closing '#'s dropped. */
    private static String headingSprint(String rest) {
        String named = rest.strip();
        while (named.endsWith("#")) named = named.substring(0, named.length() - 1).strip();
        int start = 0;
        while (start < named.length() && isDash(named.charAt(start))) start++;
        return named.substring(start).strip();
    }

    private static boolean isDash(char c) {
        return c == '-' || c == ':' || (c >= '\u2010' && c <= '\u2015');
    }

    private void sprintHeading(String named, int line, int column) {
        if (named.isEmpty() || named.equals(sprintId)) return;
        problems.add(new InputProblem(PostedSprint.mismatch(named, sprintId), line, column, null));
    }

    private void bullet(String content, int line, int column) {
        Matcher tests = TESTS.matcher(content);
        if (tests.matches()) {
            testCount(tests.group(1).toLowerCase(Locale.ROOT), tests.group(2).strip(), line, column);
            return;
        }
        int colon = nameEnd(content);
        if (colon < 0) return;
        String name = content.substring(0, colon).strip().replace("`", "");
        String valueText = content.substring(colon + 1).strip();
        if (!Ids.isValid(name) || !looksLikeCoverage(valueText) || isSummaryRow(name)) return;
        Matcher value = COVERAGE.matcher(valueText);
        if (!value.matches()) {
            problem(line, column, "'" + abbreviated(content) + "' is not a coverage line; write it as '- " + name + ": 93.2%'");
            return;
        }
        add(name, value.group(1), value.group(2), line, column);
    }

    /** The colon ending a feature name: the first one followed by a blank (ids may hold colons), else the first. */
    private static int nameEnd(String content) {
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) == ':' && (i + 1 == content.length() || Character.isWhitespace(content.charAt(i + 1)))) return i;
        }
        return content.indexOf(':');
    }

    private static String abbreviated(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** A value starting like a number or carrying a '%' is meant as a coverage. */
    private static boolean looksLikeCoverage(String value) {
        String v = value.strip();
        return v.contains("%") || (!v.isEmpty() && "0123456789+-.".indexOf(v.charAt(0)) >= 0);
    }

    /** Records one feature's coverage; {@code tests} may be null. */
    void add(String feature, String percentText, String tests, int line, int column) {
        double percent = Double.parseDouble(percentText);
        String outOfRange = CoveragePercent.outOfRange("coverage of " + feature, percent);
        if (outOfRange != null) {
            problem(line, column, outOfRange);
            return;
        }
        Integer earlier = lineOf.putIfAbsent(feature, line);
        if (earlier != null) {
            problem(line, column, "feature '" + feature + "' has two coverage lines: line " + earlier + " and line " + line);
            return;
        }
        features.add(new FeatureCoverage(feature, percent, tests == null ? null : Integer.valueOf(tests)));
    }

    private void testCount(String which, String value, int line, int column) {
        if (!COUNT.matcher(value).matches()) {
            problem(line, column, "tests " + which + " must be a whole number, found '" + value + "'");
            return;
        }
        Integer earlier = which.equals("passed") ? passed : failed;
        if (earlier != null) problem(line, column, "tests " + which + " is given twice");
        else if (which.equals("passed")) passed = Integer.valueOf(value);
        else failed = Integer.valueOf(value);
    }

    void problem(int line, int column, String message) {
        problems.add(new InputProblem(message, line, column, null));
    }

    static boolean isSummaryRow(String name) {
        return SUMMARY_ROWS.contains(name.toLowerCase(Locale.ROOT));
    }

    static Matcher coverage(String cell) {
        return COVERAGE.matcher(cell);
    }
}
