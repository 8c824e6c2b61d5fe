package studio.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import studio.governance.Roles;
import studio.input.InputProblem;

/**
 * The audit trail's query parameters exactly as they arrive ({@code /api/audit?milestone=..&from=..}), turned into
 * a {@link AuditFilter} and page. Blank values count as absent (an empty form field). Every bad value is reported,
 * not just the first, each naming its parameter.
 *
 * <p>{@code from} and {@code to} take an ISO-8601 instant with {@code Z} or an offset
 * ({@code 2025-05-14T18:35:00Z}, {@code 2025-05-14T20:35:00+02:00}) or a date, meaning its start in UTC.
 * {@code after} is a cursor from a previous page; {@code limit} is 1..200, 50 when absent.
 */
public record AuditParams(String milestone, String release, String sprint, String actor, String role, String type,
                          String from, String to, String after, String limit) {

    // PostgreSQL's timestamptz cannot hold every Instant: keep to the years a person would mean
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    /** Parameters by name, for callers that hold them as a map (missing keys are absent). */
    public static AuditParams of(Map<String, String> query) {
        return new AuditParams(query.get("milestone"), query.get("release"), query.get("sprint"), query.get("actor"),
                query.get("role"), query.get("type"), query.get("from"), query.get("to"), query.get("after"),
                query.get("limit"));
    }

    /** The filter alone (an export ignores paging). @throws InvalidAuditQuery naming every bad parameter */
    public AuditFilter filter() {
        List<InputProblem> problems = new ArrayList<>();
        AuditFilter filter = filter(problems);
        if (!problems.isEmpty()) throw new InvalidAuditQuery(problems);
        return filter;
    }

    /** The filter and the page. @throws InvalidAuditQuery naming every bad parameter */
    public AuditPageRequest page() {
        List<InputProblem> problems = new ArrayList<>();
        AuditFilter filter = filter(problems);
        Long cursor = cursor(problems);
        Integer size = limit(problems);
        if (!problems.isEmpty()) throw new InvalidAuditQuery(problems);
        return new AuditPageRequest(filter, cursor, size);
    }

    private AuditFilter filter(List<InputProblem> problems) {
        Instant start = instant("from", from, problems);
        Instant end = instant("to", to, problems);
        if (start != null && end != null && !end.isAfter(start)) {
            problems.add(new InputProblem("to (" + to + ") must be later than from (" + from + ")", null, null, "to"));
        }
        return new AuditFilter(present(milestone), present(release), present(sprint), present(actor),
                role(problems), present(type), start, end);
    }

    private String role(List<InputProblem> problems) {
        String wanted = present(role);
        if (wanted != null && !Roles.ALL.contains(wanted)) {
            problems.add(new InputProblem("role '" + wanted + "' is not a Studio role; use one of " + String.join(", ", Roles.ALL),
                    null, null, "role"));
        }
        return wanted;
    }

    private Long cursor(List<InputProblem> problems) {
        String text = present(after);
        if (text == null) return null;
        Long seq = positive(text);
        if (seq == null) {
            problems.add(new InputProblem("after '" + text + "' is not a cursor from a previous page (its 'next' value)",
                    null, null, "after"));
        }
        return seq;
    }

    private Integer limit(List<InputProblem> problems) {
        String text = present(limit);
        if (text == null) return AuditPageRequest.DEFAULT_LIMIT;
        Long n = positive(text);
        if (n == null || n > AuditPageRequest.MAX_LIMIT) {
            problems.add(new InputProblem("limit must be a whole number from 1 to " + AuditPageRequest.MAX_LIMIT + ", not '"
                    + text + "'", null, null, "limit"));
            return null;
        }
        return n.intValue();
    }

    private static Instant instant(String name, String value, List<InputProblem> problems) {
        String text = present(value);
        if (text == null) return null;
        Instant at = parseInstant(text);
        if (at == null || at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            problems.add(new InputProblem(name + " '" + text + "' is not an ISO-8601 date or instant with an offset "
                    + "between the years 1 and 9999 (e.g. 2025-05-14 or 2025-05-14T18:35:00Z)", null, null, name));
            return null;
        }
        return at;
    }

    private static Instant parseInstant(String text) {
        try {
            if (text.length() == 10) return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            // a '+' offset sent unencoded in a query string arrives as a space
            return OffsetDateTime.parse(text.replace(' ', '+')).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Long positive(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
        long n = Long.parseLong(text);
        return n < 1 ? null : n;
    }

    private static String present(String value) {
        if (value == null) return null;
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
