package studio.audit;

import java.util.Map;
import studio.web.FormTimes;
import studio.web.QueryText;

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
        Map<String, String> set = QueryText.pairs("milestone", milestone, "release", release, "sprint", sprint, "actor", actor,
                "role", role, "type", type, "from", from, "to", to);
        set.replaceAll((k, v) -> v == null ? null : v.strip());
        return QueryText.joined(set);
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
}
