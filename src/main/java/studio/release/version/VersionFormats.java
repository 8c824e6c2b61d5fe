package studio.release.version;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The strategy-specific {@code format} of a {@link VersionPolicy}: checking it and applying it. */
final class VersionFormats {

    static final String DEFAULT_DATE = "yyyy.MM.dd";
    static final String DEFAULT_COMPOSITE = "{milestone}-{sprint}-{date}";
    static final List<String> COMPOSITE_PARTS = List.of("milestone", "sprint", "date", "phase", "commit");

    /** A date pattern split into runs: a run of one letter, or any single other character. */
    private static final Pattern DATE_RUN = Pattern.compile("y+|M+|d+|[^yMd]");
    private static final List<String> DATE_FIELDS = List.of("yyyy", "yy", "MM", "M", "dd", "d");
    private static final List<String> SEPARATORS = List.of(".", "_", "-");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern TEMPLATE_TEXT = Pattern.compile("[A-Za-z0-9._+-]*");

    private VersionFormats() {}

    /** Why {@code format} does not suit {@code strategy}, or empty (null always suits: it means the default). */
    static Optional<String> problem(VersionStrategy strategy, String format) {
        if (format == null) return Optional.empty();
        return switch (strategy) {
            case MILESTONE_BASED, SEMVER_AUTO -> format.equalsIgnoreCase("semver") ? Optional.empty()
                    : Optional.of("format '" + format + "' does not apply to " + strategy.spelling() + " (its only format is semver)");
            case DATE_TAG -> datePatternProblem(format);
            case COMPOSITE -> templateProblem(format);
            case GIT_COMMIT_HASH -> Optional.of("git-commit-hash takes no format (found '" + format + "')");
        };
    }

    static String date(String format, LocalDate day) {
        return DateTimeFormatter.ofPattern(format == null ? DEFAULT_DATE : format, Locale.ROOT).format(day);
    }

    static String template(String format) {
        return format == null ? DEFAULT_COMPOSITE : format;
    }

    /** The placeholder names of a composite template, in order. */
    static List<String> placeholders(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        return m.results().map(r -> r.group(1)).toList();
    }

    private static Optional<String> datePatternProblem(String format) {
        List<String> runs = DATE_RUN.matcher(format).results().map(MatchResult::group).toList();
        List<String> fields = runs.stream().filter(r -> !SEPARATORS.contains(r)).toList();
        boolean known = DATE_FIELDS.containsAll(fields);
        boolean eachOnce = fields.size() == 3 && fields.stream().map(f -> f.charAt(0)).distinct().count() == 3;
        if (known && eachOnce) return Optional.empty();
        return Optional.of("date-tag format '" + format + "' must use year (yy or yyyy), month (M or MM) and day (d or dd) once each, "
                + "separated by nothing or '.', '_', '-'");
    }

    private static Optional<String> templateProblem(String template) {
        List<String> parts = placeholders(template);
        for (String part : parts) {
            if (!COMPOSITE_PARTS.contains(part)) {
                return Optional.of("composite format '" + template + "' uses {" + part + "}; known parts: {"
                        + String.join("}, {", COMPOSITE_PARTS) + "}");
            }
        }
        String literal = PLACEHOLDER.matcher(template).replaceAll("");
        if (parts.isEmpty() || !TEMPLATE_TEXT.matcher(literal).matches()) {
            return Optional.of("composite format '" + template + "' needs at least one part such as {milestone}, and between parts only "
                    + "letters, digits, '.', '_', '+' or '-'");
        }
        return Optional.empty();
    }
}
