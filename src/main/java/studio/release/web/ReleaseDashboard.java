package studio.release.web;

import java.util.List;
import studio.release.web.ReleaseDossier.Promotable;

/**
 * The release dashboard (or the history table): one keyset page of releases for the filters, where the next page
 * starts, the promotion form for people who may promote, and what went wrong (a bad filter, a refused promotion).
 *
 * @param base        the page's path ("/releases" or "/releases/history"), for links that keep the filters
 * @param promotable  milestones a release can be promoted from; empty when this person may not promote
 * @param error       a refused filter (400), shown by the filters (null: none)
 * @param promotion   a refused promotion with what was typed (null: none)
 */
public record ReleaseDashboard(String base, ReleaseFilters filters, List<ReleaseView> releases, String next, List<String> milestones,
                               boolean mayPromote, List<Promotable> promotable, String error, Promotion promotion) {

    /** What was typed into the promotion form, and why it was refused. */
    public record Promotion(String milestone, String environment, String versionTag, int status, String message) {
        public static final Promotion EMPTY = new Promotion(null, "staging", null, 0, null);
    }

    public Promotion typed() {
        return promotion == null ? Promotion.EMPTY : promotion;
    }

    /** The next page as a whole page (works without JavaScript). */
    public String moreHref() {
        return next == null ? null : base + "?" + filters.queryWith("after=" + next);
    }

    /** The next page's rows alone, appended in place by htmx. */
    public String moreFragment() {
        return next == null ? null : base + "/more?" + filters.queryWith("after=" + next);
    }

    /** The CSV of every release the filters match. */
    public String csvHref() {
        return "/releases/history/release-history.csv" + (filters.any() ? "?" + filters.query() : "");
    }

    public List<String> states() {
        return ReleaseFilters.states();
    }

    public List<String> environments() {
        return ReleaseFilters.environments();
    }
}
