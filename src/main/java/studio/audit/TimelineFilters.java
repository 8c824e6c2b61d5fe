package studio.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import studio.web.FormTimes;

/**
 * The timeline's filters as the browser sends them (GET parameters, reflected in the URL so a reload shows the same
 * view). The time fields come from datetime-local inputs, which carry no offset: they are read as UTC.
 */
public record TimelineFilters(String milestone, String release, String sprint, String actor, String role, String type,
                              String from, String to) {

    public static final TimelineFilters NONE = new TimelineFilters(null, null, null, null, null, null, null, null);


    public static TimelineFilters milestone(String id) {
        return new TimelineFilters(id, null, null, null, null, null, null, null);
    }

    /** For the audit read model, with times as UTC instants; after and limit are the page's. */
    public AuditParams params(String after, String limit) {
        return new AuditParams(milestone, release, sprint, actor, role, type, FormTimes.utc(from), FormTimes.utc(to), after, limit);
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

    public String fromInput() {
        return FormTimes.inputValue(from);
    }

    public String toInput() {
        return FormTimes.inputValue(to);
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
