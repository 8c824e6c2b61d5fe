package studio.sprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import studio.input.Ids;
import studio.input.InputProblem;
import studio.input.InvalidInputException;
import studio.web.QueryText;

/**
 * What the sprint list was asked for: filters (state, milestone, free text) and the page (keyset cursor, size).
 * Blank parameters count as absent (an empty form field); every bad one is reported, each naming its parameter.
 *
 * @param milestone sprints contributing to this milestone: linked to it, or delivering one of its required features
 */
public record SprintListing(String state, String milestone, String text, SprintCursor after, int limit) {

    public static final List<String> STATES = List.of("planned", "active", "verifying", "blocked", "closed");
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** @throws InvalidInputException naming every bad parameter */
    public static SprintListing of(String state, String milestone, String text, String after, String limit) {
        List<InputProblem> problems = new ArrayList<>();
        SprintListing listing = new SprintListing(state(state, problems), milestone(milestone, problems),
                QueryText.searchText(text, problems), cursor(after, problems), limit(limit, problems));
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return listing;
    }

    public static SprintListing firstPage() {
        return new SprintListing(null, null, null, null, DEFAULT_LIMIT);
    }

    public boolean filtered() {
        return state != null || milestone != null || text != null;
    }

    public List<String> states() {
        return STATES;
    }

    /** The first page with the same filters. */
    public String restartHref() {
        return "/sprints" + query(null);
    }

    /** The query string of this listing's filters, starting a page after {@code cursor} (null: the first page). */
    public String query(SprintCursor cursor) {
        return QueryText.of(QueryText.pairs("state", state, "milestone", milestone, "q", text,
                "limit", limit == DEFAULT_LIMIT ? null : Integer.toString(limit), "after", cursor == null ? null : cursor.token()));
    }

    private static String state(String given, List<InputProblem> problems) {
        String s = QueryText.present(given);
        if (s == null) return null;
        String folded = s.toLowerCase(Locale.ROOT);
        if (STATES.contains(folded)) return folded;
        problems.add(new InputProblem("state '" + s + "' is not a sprint state; use one of " + String.join(", ", STATES), null, null, "state"));
        return null;
    }

    private static String milestone(String given, List<InputProblem> problems) {
        String m = QueryText.present(given);
        if (m == null || Ids.isValid(m)) return m;
        problems.add(new InputProblem(Ids.whyInvalid("milestone", m), null, null, "milestone"));
        return null;
    }

    private static SprintCursor cursor(String given, List<InputProblem> problems) {
        String token = QueryText.present(given);
        if (token == null) return null;
        SprintCursor cursor = SprintCursor.parse(token);
        if (cursor == null) {
            problems.add(new InputProblem("after '" + token + "' is not a cursor from a previous page (the 'More sprints' link)", null, null, "after"));
        }
        return cursor;
    }

    private static int limit(String given, List<InputProblem> problems) {
        String text = QueryText.present(given);
        if (text == null) return DEFAULT_LIMIT;
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= MAX_LIMIT) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new InputProblem("limit '" + text + "' must be a whole number from 1 to " + MAX_LIMIT, null, null, "limit"));
        return DEFAULT_LIMIT;
    }
}
