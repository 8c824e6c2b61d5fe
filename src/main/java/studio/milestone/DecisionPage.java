package studio.milestone;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import studio.governance.DecisionDesk;
import studio.security.CurrentUser;
import studio.security.StepUp;
import studio.web.ApiException;
import studio.web.Attempt;
import studio.web.PageActions;

/**
 * The page route that approves or rejects an item of a {@link DecisionDesk} from the page of the milestone it belongs
 * to: {@code POST {item}/{approve|reject}} below the resource's path (which names the milestone as {@code {id}}),
 * with a written reason. It takes the one path of every page action ({@link PageActions}): the page again with a
 * notice, or the refusal next to the form with what was typed. Needs a recent sign-in ({@link StepUp}); an item of
 * another milestone is not found.
 *
 * @param <T> the item as its desk answers it
 */
public abstract class DecisionPage<T> {

    @Inject
    protected CurrentUser user;
    @Inject
    protected PageActions actions;
    @Inject
    protected MilestoneScreen screen;

    /** The desk the route decides on. */
    protected abstract DecisionDesk<T> desk();

    @POST
    @StepUp
    @Path("{item}/{decision: approve|reject}")
    public Response decide(@PathParam("id") String milestoneId, @PathParam("item") long item, @PathParam("decision") String decision,
                           @RestForm String reason, HttpHeaders headers) {
        DecisionDesk<T> desk = desk();
        Attempt typed = Attempt.of(desk.items().notice() + decision + "-" + item).with("reason", reason);
        return actions.run(headers, typed, () -> {
            requireOn(milestoneId, item);
            return desk.decide(item, "approve".equals(decision), reason, user.actor());
        }, screen.of(milestoneId));
    }

    /** Refuses (404) an item of another milestone than the page's: a page only acts on what it shows. */
    protected void requireOn(String milestoneId, long item) {
        if (!desk().milestoneOf(item).equals(milestoneId)) {
            throw ApiException.notFound("milestone " + milestoneId + " has no " + desk().items().noun() + " " + item);
        }
    }
}
