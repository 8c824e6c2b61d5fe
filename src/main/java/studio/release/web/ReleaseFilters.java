package studio.release.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import studio.governance.ReleaseEnvironment;
import studio.release.lifecycle.ReleaseState;
import studio.web.ApiException;
import studio.web.FormTimes;
import studio.web.QueryText;

/**
 * The filters of the release dashboard, the history and the API's list as they are sent (GET parameters, kept in the
 * URL so a reload shows the same view): milestone, environment, state (the API's {@code status}), and on the history
 * a from/to range on when releases were requested (datetime-local inputs, read as UTC; from inclusive, to exclusive).
 * Kept as typed, for the form and its links; read as stored by {@link #environmentFilter()} and {@link #stateFilter()}.
 */
public record ReleaseFilters(String milestone, String environment, String state, String from, String to) {

    public static final ReleaseFilters NONE = new ReleaseFilters(null, null, null, null, null);

    public ReleaseFilters {
        milestone = blankToNull(milestone);
        environment = blankToNull(environment);
        state = blankToNull(state);
        from = blankToNull(from);
        to = blankToNull(to);
    }

    /** The states as the state filter offers them, in lifecycle order. */
    public static List<String> states() {
        return Arrays.stream(ReleaseState.values()).map(ReleaseState::json).toList();
    }

    public static List<String> environments() {
        return Arrays.stream(ReleaseEnvironment.values()).map(ReleaseEnvironment::json).toList();
    }

    /**
     * The environment as stored ("production"), null when not filtered.
     *
     * @throws ApiException 400 naming the environments there are
     */
    public String environmentFilter() {
        if (environment == null) return null;
        try {
            return ReleaseEnvironment.parse(environment).json();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /**
     * The state as stored ("paused_for_approval"), null when not filtered.
     *
     * @throws ApiException 400 naming the states there are
     */
    public String stateFilter() {
        if (state == null) return null;
        try {
            return ReleaseState.fromJson(state).json();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("unknown status '" + state + "' (known: " + String.join(", ", states()) + ")");
        }
    }

    /** @throws ApiException 400 when from is not a time */
    public Instant fromInstant() {
        return instant("from", from);
    }

    /** @throws ApiException 400 when to is not a time */
    public Instant toInstant() {
        return instant("to", to);
    }

    /** Checks every filter, so a page refuses a wrong one before it queries. */
    public ReleaseFilters validated() {
        environmentFilter();
        stateFilter();
        Instant f = fromInstant();
        Instant t = toInstant();
        if (f != null && t != null && !f.isBefore(t)) throw ApiException.badRequest("'from' must be before 'to'");
        return this;
    }

    /** The filters that are set, URL-encoded, in a fixed order (no leading '?'). */
    public String query() {
        return QueryText.joined(QueryText.pairs("milestone", milestone, "environment", environment, "state", state, "from", from, "to", to));
    }

    public boolean any() {
        return !query().isEmpty();
    }

    /** The link to the page of {@code path} after {@code next} that keeps the filters; null when there is no next page. */
    public String after(String path, String next) {
        if (next == null) return null;
        String q = query();
        return path + "?" + (q.isEmpty() ? "" : q + "&") + "after=" + next;
    }

    public String fromInput() {
        return FormTimes.inputValue(from);
    }

    public String toInput() {
        return FormTimes.inputValue(to);
    }

    private static Instant instant(String name, String text) {
        if (text == null) return null;
        try {
            return FormTimes.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + name + "' is not a time: " + text + " (use 2025-05-14T18:35, read as UTC)");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
