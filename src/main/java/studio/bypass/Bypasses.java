package studio.bypass;

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
import studio.governance.Bypass;
import studio.milestone.MilestoneScreen;
import studio.security.CurrentUser;
import studio.security.StepUp;
import studio.web.ApiException;
import studio.web.Attempt;
import studio.web.PageActions;

/**
 * Force close and termination from the milestone page: a governor requests one (POST .../force-close or
 * .../terminate), a second governor approves or rejects it (POST .../bypasses/{id}/approve|reject). Every answer is
 * the milestone page, through {@link PageActions}; the rules are {@link BypassDesk}'s.
 */
@Path("/milestones/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ACTING)
public class Bypasses {

    @Inject
    CurrentUser user;
    @Inject
    BypassDesk desk;
    @Inject
    MilestoneScreen screen;
    @Inject
    PageActions actions;

    @POST
    @Path("{kind: force-close|terminate}")
    public Response request(@PathParam("id") String id, @PathParam("kind") String kind, @RestForm String reason, HttpHeaders headers) {
        return actions.run(headers, Attempt.of(kind).with("reason", reason), kind,
                () -> desk.request(id, Bypass.Kind.fromSlug(kind), reason, user.actor()), screen.of(id));
    }

    @POST
    @StepUp
    @Path("bypasses/{bypassId}/{decision: approve|reject}")
    public Response decide(@PathParam("id") String id, @PathParam("bypassId") long bypassId, @PathParam("decision") String decision,
                           @RestForm String reason, HttpHeaders headers) {
        Attempt typed = Attempt.of("bypass-" + decision + "-" + bypassId).with("reason", reason);
        return actions.run(headers, typed, () -> {
            if (!desk.milestoneOf(bypassId).equals(id)) throw ApiException.notFound("milestone " + id + " has no bypass request " + bypassId);
            if (!"approve".equals(decision)) {
                desk.reject(bypassId, reason, user.actor());
                return "bypass-reject";
            }
            return desk.approve(bypassId, reason, user.actor()).bypass().status() == Bypass.Status.APPROVED ? "bypass-approve" : "bypass-approval";
        }, screen.of(id));
    }
}
