package studio.planning;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import studio.governance.Roles;
import studio.security.CurrentUser;
import studio.security.StepUp;
import studio.sprint.SprintScreen;
import studio.web.ApiException;
import studio.web.Attempt;
import studio.web.PageActions;

/**
 * The sprint page's scope forms: approve or reject the current scope with a reason ({@code POST /sprints/{id}/scope/
 * {scope}/approve|reject}, needing a recent sign-in like every decision) and comment on the plan
 * ({@code POST /sprints/{id}/scope/comments}). Both take the one path of page actions ({@link PageActions}); the rules
 * are {@link SprintScopeDesk}'s.
 */
@Path("/sprints/{id}/scope")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ACTING)
public class SprintScopePage {

    @Inject
    CurrentUser user;
    @Inject
    PageActions actions;
    @Inject
    SprintScreen screen;
    @Inject
    SprintScopeDesk desk;

    @POST
    @StepUp
    @Path("{scope}/{decision: approve|reject}")
    public Response decide(@PathParam("id") String sprintId, @PathParam("scope") long scope, @PathParam("decision") String decision,
                           @RestForm String reason, HttpHeaders headers) {
        Attempt typed = Attempt.of("scope-decide-" + scope).with("reason", reason);
        return actions.run(headers, typed, () -> {
            if (!desk.sprintOf(scope).equals(sprintId)) throw ApiException.notFound("sprint " + sprintId + " has no scope " + scope);
            return desk.decide(scope, "approve".equals(decision), reason, user.actor());
        }, screen.of(sprintId));
    }

    @POST
    @Path("comments")
    public Response comment(@PathParam("id") String sprintId, @RestForm String comment, HttpHeaders headers) {
        Attempt typed = Attempt.of("scope-comment").with("comment", comment);
        return actions.run(headers, typed, "scope-comment", () -> desk.comment(sprintId, comment, user.actor()), screen.of(sprintId));
    }
}
