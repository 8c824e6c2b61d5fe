package studio.planning;

import studio.governance.Roles;
import static studio.governance.Roles.*;

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
import studio.milestone.MilestoneScreen;
import studio.security.CurrentUser;
import studio.security.StepUp;
import studio.web.ApiException;
import studio.web.Attempt;
import studio.web.PageActions;

/**
 * A pending definition change approved or rejected from the milestone page (its "Definition" panel); the answer is
 * the milestone page, through {@link PageActions}; the rules are {@link DefinitionChangeDesk}'s.
 */
@Path("/milestones/{id}/definition-changes/{changeId}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ACTING)
public class DefinitionChanges {

    @Inject
    CurrentUser user;
    @Inject
    DefinitionChangeDesk desk;
    @Inject
    MilestoneScreen screen;
    @Inject
    PageActions actions;

    @POST
    @StepUp
    @Path("{decision: approve|reject}")
    public Response decide(@PathParam("id") String id, @PathParam("changeId") long changeId, @PathParam("decision") String decision,
                           @RestForm String reason, HttpHeaders headers) {
        Attempt typed = Attempt.of("definition-" + decision + "-" + changeId).with("reason", reason);
        return actions.run(headers, typed, () -> {
            if (!desk.milestoneOf(changeId).equals(id)) throw ApiException.notFound("milestone " + id + " has no definition change " + changeId);
            if ("approve".equals(decision)) desk.approve(changeId, reason, user.actor());
            else desk.reject(changeId, reason, user.actor());
            return "definition-" + decision;
        }, screen.of(id));
    }
}
