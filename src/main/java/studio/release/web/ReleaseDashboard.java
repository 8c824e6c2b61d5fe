package studio.release.web;

import java.util.List;

/**
 * Feeds the release dashboard ({@code /releases}), read by {@link ReleaseDashboardQuery}: one keyset page of release
 * cards for the filters, where the next page starts, the promotion form for people who may promote, and what went
 * wrong (a bad filter, a refused promotion).
 *
 * @param milestones milestones that have releases, the milestone filter's suggestions
 * @param promotable milestones a release can be promoted from; empty when this person may not promote
 * @param error      a refused filter (400), shown by the filters (null: none)
 * @param promotion  a refused promotion with what was typed (null: none)
 * @param reviews    hotfixes whose post-release review is open, the first due first
 */
public record ReleaseDashboard(ReleaseFilters filters, List<ReleaseView> releases, String next, List<String> milestones, boolean mayPromote,
                               List<Promotable> promotable, String error, Promotion promotion, List<studio.release.HotfixReview> reviews) {

    static final String PATH = "/releases";

    /** A milestone a release can be promoted from (Reached or Closed). */
    public record Promotable(String id, String name, String state) {
        public String title() {
            return name == null || name.isBlank() ? id : name + " (" + id + ")";
        }
    }

    /** What was typed into the promotion form, and why it was refused. */
    public record Promotion(String milestone, String environment, String versionTag, int status, String message) {
        public static final Promotion EMPTY = new Promotion(null, "staging", null, 0, null);
    }

    public Promotion typed() {
        return promotion == null ? Promotion.EMPTY : promotion;
    }

    /** The next page as a whole page (works without JavaScript). */
    public String moreHref() {
        return filters.after(PATH, next);
    }

    /** The next page's cards alone, appended in place by htmx. */
    public String moreFragment() {
        return filters.after(PATH + "/more", next);
    }

    public List<String> states() {
        return ReleaseFilters.states();
    }

    public List<String> environments() {
        return ReleaseFilters.environments();
    }
}
