package studio.backlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import studio.definition.FeatureStatus;
import studio.input.Ids;
import studio.input.InputProblem;
import studio.input.InvalidInputException;
import studio.web.QueryText;

/**
 * What the backlog was asked for. With a milestone and a status it shows that one column, a page at a time
 * ({@code after} is then a {@link CardCursor}); otherwise a page of milestone groups ({@code after} is the last group's
 * milestone id), each column cut to its first cards.
 *
 * @param milestone a milestone id, or {@link #UNSCHEDULED} for features no milestone requires
 * @param status    planned, in-progress, completed or deferred
 */
public record BacklogRequest(String milestone, String status, String priority, String text, String after,
                             CardCursor afterCard) {

    public static final String UNSCHEDULED = "-";
    public static final List<String> STATUSES = List.of(FeatureStatus.PLANNED.json(), FeatureStatus.IN_PROGRESS.json(),
            FeatureStatus.COMPLETED.json(), FeatureStatus.DEFERRED.json());
    static final Pattern PRIORITY = Pattern.compile("P[0-9]");
    public static final int GROUPS_PER_PAGE = 10;
    public static final int CARDS_PER_COLUMN = 12;
    public static final int COLUMN_PAGE = 100;

    /** @throws InvalidInputException naming every bad parameter */
    public static BacklogRequest of(String milestone, String status, String priority, String text, String after) {
        List<InputProblem> problems = new ArrayList<>();
        String m = milestone(milestone, problems);
        String s = status(status, problems);
        String p = priority(priority, problems);
        String t = QueryText.searchText(text, problems);
        String a = QueryText.present(after);
        CardCursor card = null;
        if (a != null && m != null && s != null) {
            card = CardCursor.parse(a);
            if (card == null) problems.add(badCursor(a));
        } else if (a != null && !Ids.isValid(a)) {
            problems.add(badCursor(a));
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return new BacklogRequest(m, s, p, t, card == null ? a : null, card);
    }

    public static BacklogRequest everything() {
        return new BacklogRequest(null, null, null, null, null, null);
    }

    /** One column, paged: both a milestone and a status were chosen. */
    public boolean column() {
        return milestone != null && status != null;
    }

    public boolean filtered() {
        return milestone != null || status != null || priority != null || text != null;
    }

    /** The statuses whose columns are shown: all four, or the one asked for. */
    public List<String> statuses() {
        return status == null ? STATUSES : List.of(status);
    }

    public List<String> allStatuses() {
        return STATUSES;
    }

    public List<String> priorities() {
        return List.of("P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9");
    }

    /** The next page of groups, with these filters. */
    public String groupsHref(String afterGroup) {
        return "/backlog" + query(milestone, status, afterGroup);
    }

    /** One column as a page of its own (the no-JS "more"), from {@code after} (null: its first page). */
    public String columnHref(String group, String columnStatus, CardCursor after) {
        return "/backlog" + query(group, columnStatus, after == null ? null : after.token());
    }

    /** One column from its start. */
    public String columnStartHref(String group, String columnStatus) {
        return columnHref(group, columnStatus, null);
    }

    /** One group (milestone) only, with the other filters kept. */
    public String groupHref(String group) {
        return "/backlog" + query(group, status, null);
    }

    /** The next cards of a column, as an htmx fragment. */
    public String cardsHref(String group, String columnStatus, CardCursor after) {
        return "/backlog/cards" + query(group, columnStatus, after == null ? null : after.token());
    }

    /** This request's page without paging: where "back to the start" leads. */
    public String restartHref() {
        return "/backlog" + query(milestone, status, null);
    }

    private String query(String m, String s, String a) {
        return QueryText.of(QueryText.pairs("milestone", m, "status", s, "priority", priority, "q", text, "after", a));
    }

    private static InputProblem badCursor(String token) {
        return new InputProblem("after '" + token + "' is not a cursor from a previous page (a 'More' link)", null, null, "after");
    }

    private static String milestone(String given, List<InputProblem> problems) {
        String m = QueryText.present(given);
        if (m == null || UNSCHEDULED.equals(m) || Ids.isValid(m)) return m;
        problems.add(new InputProblem(Ids.whyInvalid("milestone", m), null, null, "milestone"));
        return null;
    }

    private static String status(String given, List<InputProblem> problems) {
        String s = QueryText.present(given);
        if (s == null) return null;
        FeatureStatus parsed = FeatureStatus.parse(s);
        if (parsed != null) return parsed.json();
        problems.add(new InputProblem("status '" + s + "' is not a backlog status; use one of " + String.join(", ", STATUSES), null, null, "status"));
        return null;
    }

    private static String priority(String given, List<InputProblem> problems) {
        String p = QueryText.present(given);
        if (p == null) return null;
        String upper = p.toUpperCase(Locale.ROOT);
        if (PRIORITY.matcher(upper).matches()) return upper;
        problems.add(new InputProblem("priority '" + p + "' must be P0 to P9", null, null, "priority"));
        return null;
    }
}
