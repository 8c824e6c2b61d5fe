package studio.evidence;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import studio.input.Ids;

/** The QA panel table of a QA report: {@code | Feature | Coverage | Test Cases | Last Run | Status |}. */
final class QaTable {

    private static final Pattern SEPARATOR_CELL = Pattern.compile(":?+-++:?+");
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");

    private final QaMarkdown report;
    private final int featureColumn;
    private final int coverageColumn;
    private final int testsColumn;

    private QaTable(QaMarkdown report, int featureColumn, int coverageColumn, int testsColumn) {
        this.report = report;
        this.featureColumn = featureColumn;
        this.coverageColumn = coverageColumn;
        this.testsColumn = testsColumn;
    }

    /** A table when {@code line} is a header row with Feature and Coverage columns, else null. */
    static QaTable header(String line, QaMarkdown report) {
        if (!line.strip().startsWith("|")) return null;
        List<String> cells = cells(line).stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        int feature = cells.indexOf("feature");
        int coverage = cells.indexOf("coverage");
        if (feature < 0 || coverage < 0) return null;
        int tests = cells.indexOf("test cases") >= 0 ? cells.indexOf("test cases") : cells.indexOf("tests");
        return new QaTable(report, feature, coverage, tests);
    }

    boolean accepts(String line) {
        return line.strip().startsWith("|");
    }

    void row(String line, int number) {
        List<String> cells = cells(line);
        if (cells.stream().allMatch(c -> SEPARATOR_CELL.matcher(c).matches())) return;
        String feature = cell(cells, featureColumn).replace("`", "");
        if (feature.isEmpty() || QaMarkdown.isSummaryRow(feature)) return;
        int column = line.indexOf('|') + 1;
        if (!Ids.isValid(feature)) {
            report.problem(number, column, "table row names '" + feature + "', which is not a feature id");
            return;
        }
        Matcher coverage = QaMarkdown.coverage(cell(cells, coverageColumn));
        String tests = testsColumn < 0 ? "" : cell(cells, testsColumn);
        if (!coverage.matches() || coverage.group(2) != null || !(tests.isEmpty() || COUNT.matcher(tests).matches())) {
            report.problem(number, column, "table row for " + feature + " needs a coverage like 93% and a whole number "
                    + "of test cases, found '" + cell(cells, coverageColumn) + "' and '" + tests + "'");
            return;
        }
        report.add(feature, coverage.group(1), tests.isEmpty() ? null : tests, number, column);
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    /** The trimmed cells of a table row, markdown bold removed. */
    private static List<String> cells(String line) {
        String inner = line.strip();
        if (inner.startsWith("|")) inner = inner.substring(1);
        if (inner.endsWith("|")) inner = inner.substring(0, inner.length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(c -> c.replace("**", "").strip()).toList();
    }
}
