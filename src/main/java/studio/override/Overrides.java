package studio.override;

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
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import studio.milestone.MilestoneScreen;
import studio.security.CurrentUser;
import studio.security.StepUp;
import studio.web.ApiException;
import studio.web.Attempt;
import studio.web.FormTimes;
import studio.web.PageActions;

/**
 * Override requests and decisions from the milestone page (its forms are the templates in Overrides/). Every
 * answer is the milestone page, through {@link PageActions}; the rules are {@link OverrideDesk}'s, the same for the
 * API and the approvals inbox.
 */
@Path("/milestones/{id}/overrides")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ACTING)
public class Overrides {

    @Inject
    CurrentUser user;
    @Inject
    OverrideDesk desk;
    @Inject
    MilestoneScreen screen;
    @Inject
    PageActions actions;

    @POST
    public Response request(@PathParam("id") String id, @RestForm List<String> gates, @RestForm String reason,
                            @RestForm("expires_at") String expiresAt, HttpHeaders headers) {
        Attempt typed = Attempt.of("override").with("reason", reason).with("gates", gates).with("expires_at", expiresAt);
        return actions.run(headers, typed, "override", () -> desk.request(id, gates == null ? List.of() : gates, reason,
                FormTimes.instant("expires_at", expiresAt), user.actor()), screen.of(id));
    }

    @POST
    @Path("{overrideId}/{decision: approve|reject|revoke}")
    @StepUp
    public Response decide(@PathParam("id") String id, @PathParam("overrideId") long overrideId,
                           @PathParam("decision") String decision, @RestForm String reason, HttpHeaders headers) {
        Attempt typed = Attempt.of(decision + "-" + overrideId).with("reason", reason);
        return actions.run(headers, typed, () -> {
            if (!desk.find(overrideId).milestoneId.equals(id)) throw ApiException.notFound("milestone " + id + " has no override " + overrideId);
            return switch (decision) {
                case "approve" -> "approved".equals(desk.approve(overrideId, reason, user.actor()).status) ? "approve" : "approval";
                case "reject" -> {
                    desk.reject(overrideId, reason, user.actor());
                    yield "reject";
                }
                default -> {
                    desk.revoke(overrideId, reason, user.actor());
                    yield "revoke";
                }
            };
        }, screen.of(id));
    }
}
