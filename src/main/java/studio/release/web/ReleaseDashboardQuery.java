package studio.release.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import studio.governance.Actor;
import studio.persistence.Rows;
import studio.release.web.ReleaseDashboard.Promotable;
import studio.release.web.ReleaseDashboard.Promotion;
import studio.web.ApiException;

/**
 * Reads the {@link ReleaseDashboard} in five bounded queries: a page of releases, their decisions, the milestones
 * that have releases, (for people who may promote) the milestones a release can be promoted from, and the open hotfix reviews.
 */
@ApplicationScoped
public class ReleaseDashboardQuery {

    /** Release cards a page shows. */
    static final int CARDS = 24;
    /** Milestones offered for promotion, newest first; more than anyone picks from. */
    static final int PROMOTABLE = 100;
    /** Open hotfix reviews listed at the top. */
    static final int REVIEWS = 20;

    @Inject
    EntityManager em;
    @Inject
    ReleaseListing listing;
    @Inject
    studio.release.Hotfixes hotfixes;

    /**
     * @param after     the cursor of the last card shown (null: the first page)
     * @param promotion a refused promotion to show with what was typed (null: none)
     * @throws ApiException 400 when a filter or the cursor is wrong
     */
    public ReleaseDashboard read(ReleaseFilters f, String after, Actor actor, Promotion promotion) {
        ReleaseListing.Page page = listing.page(f, after, CARDS);
        return new ReleaseDashboard(f, page.releases(), page.next(), listing.milestones(), ReleaseControls.mayPromote(actor),
                promotable(actor), null, promotion, hotfixes.open(REVIEWS));
    }

    /** The dashboard without releases, saying why {@code f} was refused. */
    public ReleaseDashboard refused(ReleaseFilters f, Actor actor, Promotion promotion, String error) {
        return new ReleaseDashboard(f, List.of(), null, listing.milestones(), ReleaseControls.mayPromote(actor), promotable(actor), error,
                promotion, hotfixes.open(REVIEWS));
    }

    /** Reached and Closed milestones, newest first: what a release can be promoted from; none for who may not promote. */
    private List<Promotable> promotable(Actor actor) {
        if (!ReleaseControls.mayPromote(actor)) return List.of();
        return Rows.list(em, """
                select id, name, state from milestone where state in ('reached', 'closed') order by state_since desc, id limit ?""",
                r -> new Promotable(r.text("id"), r.text("name"), r.text("state")), PROMOTABLE);
    }
}
