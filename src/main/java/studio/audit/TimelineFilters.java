package studio.audit;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The timeline's filters as the browser sends them (GET parameters, reflected in the URL so a reload shows the same
 * view). The time fields come from datetime-local inputs, which carry no offset: they are read as UTC.
 */
public record TimelineFilters(String milestone, String release, String sprint, String actor, String role, String type,
                              String from, String to) {

    public static final TimelineFilters NONE = new TimelineFilters(null, null, null, null, null, null, null, null);

    private static final Pattern LOCAL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

    public static TimelineFilters milestone(String id) {
        return new TimelineFilters(id, null, null, null, null, null, null, null);
    }

    /** For the audit read model, with times as UTC instants; after and limit are the page's. */
    public AuditParams params(String after, String limit) {
        return new AuditParams(milestone, release, sprint, actor, role, type, utc(from), utc(to), after, limit);
    }

    /** The filters that are set, URL-encoded, in a fixed order. */
    public String query() {
        StringJoiner q = new StringJoiner("&");
        asMap().forEach((k, v) -> {
            if (v != null && !v.isBlank()) q.add(k + "=" + Timeline.encode(v.strip()));
        });
        return q.toString();
    }

    public boolean any() {
        return !query().isEmpty();
    }

    /** The value for a datetime-local input: what was typed, or an instant given in the URL shown in UTC. */
    public static String inputValue(String time) {
        if (time == null || time.isBlank() || LOCAL.matcher(time.strip()).matches()) return time;
        try {
            return OffsetDateTime.parse(time.strip().replace(' ', '+')).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().toString();
        } catch (DateTimeParseException e) {
            return time;
        }
    }

    public String fromInput() {
        return inputValue(from);
    }

    public String toInput() {
        return inputValue(to);
    }

    /** A datetime-local value ("2025-05-14T18:35") is UTC; anything else is returned as written. */
    public static String utc(String time) {
        if (time == null || !LOCAL.matcher(time.strip()).matches()) return time;
        return LocalDateTime.parse(time.strip()).atOffset(ZoneOffset.UTC).toString();
    }

    private Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("milestone", milestone);
        m.put("release", release);
        m.put("sprint", sprint);
        m.put("actor", actor);
        m.put("role", role);
        m.put("type", type);
        m.put("from", from);
        m.put("to", to);
        return m;
    }
}
