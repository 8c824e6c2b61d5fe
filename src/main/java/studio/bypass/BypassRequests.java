package studio.bypass;

import studio.governance.Roles;

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
import studio.governance.Bypass;
import studio.milestone.MilestoneScreen;
import studio.security.CurrentUser;
import studio.web.Attempt;
import studio.web.PageActions;

/**
 * Force close and termination requested from the milestone page (POST .../force-close or .../terminate, with a
 * reason): nothing moves until a second governor approves it through {@link Bypasses}. The answer is the milestone
 * page, through {@link PageActions}; the rules are {@link BypassDesk}'s.
 */
@Path("/milestones/{id}/{kind: force-close|terminate}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ACTING)
public class BypassRequests {

    @Inject
    CurrentUser user;
    @Inject
    BypassDesk desk;
    @Inject
    MilestoneScreen screen;
    @Inject
    PageActions actions;

    @POST
    public Response request(@PathParam("id") String id, @PathParam("kind") String kind, @RestForm String reason, HttpHeaders headers) {
        return actions.run(headers, Attempt.of(kind).with("reason", reason), kind,
                () -> desk.request(id, Bypass.Kind.fromSlug(kind), reason, user.actor()), screen.of(id));
    }
}
