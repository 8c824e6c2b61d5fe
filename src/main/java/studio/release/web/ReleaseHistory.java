package studio.release.web;

import java.util.List;

/**
 * Feeds the release history ({@code /releases/history}), read by {@link ReleaseHistoryQuery}: one keyset page of the
 * table's rows for the filters (with a time range), where the next page starts, the link to release-history.csv of
 * the same filters, and a refused filter.
 *
 * @param milestones milestones that have releases, the milestone filter's suggestions
 * @param error      a refused filter (400), shown by the filters (null: none)
 */
public record ReleaseHistory(ReleaseFilters filters, List<ReleaseView> releases, String next, List<String> milestones, String error) {

    static final String PATH = "/releases/history";

    /** The next page as a whole page (works without JavaScript). */
    public String moreHref() {
        return filters.after(PATH, next);
    }

    /** The next page's rows alone, appended in place by htmx. */
    public String moreFragment() {
        return filters.after(PATH + "/more", next);
    }

    /** The CSV of every release the filters match. */
    public String csvHref() {
        return PATH + "/release-history.csv" + (filters.any() ? "?" + filters.query() : "");
    }

    public List<String> states() {
        return ReleaseFilters.states();
    }

    public List<String> environments() {
        return ReleaseFilters.environments();
    }
}
