package studio.release.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import studio.release.document.ReleaseHistoryCsv;
import studio.web.ApiException;

/**
 * Reads the {@link ReleaseHistory} in three bounded queries (a page of releases, their decisions, the milestones that
 * have releases), and release-history.csv of the same filters: every release they match, in two.
 */
@ApplicationScoped
public class ReleaseHistoryQuery {

    /** Rows a page of the table shows. */
    static final int ROWS = 50;

    @Inject
    ReleaseListing listing;

    /** @throws ApiException 400 when a filter or the cursor is wrong */
    public ReleaseHistory read(ReleaseFilters f, String after) {
        ReleaseListing.Page page = listing.page(f.validated(), after, ROWS);
        return new ReleaseHistory(f, page.releases(), page.next(), listing.milestones(), null);
    }

    /** The history without releases, saying why {@code f} was refused. */
    public ReleaseHistory refused(ReleaseFilters f, String error) {
        return new ReleaseHistory(f, List.of(), null, listing.milestones(), error);
    }

    /**
     * release-history.csv of every release the filters match.
     *
     * @throws ApiException 400 when a filter is wrong
     */
    public String csv(ReleaseFilters f) {
        return ReleaseHistoryCsv.csv(listing.all(f.validated()).stream().map(ReleaseView::facts).toList());
    }
}
