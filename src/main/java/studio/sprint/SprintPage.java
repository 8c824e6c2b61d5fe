package studio.sprint;

import java.util.List;

/** One page of the sprint list; {@code next} is set only when more sprints match. */
public record SprintPage(SprintListing listing, List<SprintSummary> sprints, SprintCursor next) {

    public SprintPage {
        sprints = List.copyOf(sprints);
    }

    public boolean empty() {
        return sprints.isEmpty();
    }

    /** The URL of the next page, for the "More sprints" link (and its htmx request). */
    public String nextHref() {
        return next == null ? null : "/sprints" + listing.query(next);
    }

    /** Taken from {@code limit + 1} rows: the extra row only says that another page exists. */
    public static SprintPage of(SprintListing listing, List<SprintSummary> rows) {
        if (rows.size() <= listing.limit()) return new SprintPage(listing, rows, null);
        List<SprintSummary> page = rows.subList(0, listing.limit());
        return new SprintPage(listing, page, page.get(page.size() - 1).cursor());
    }
}
