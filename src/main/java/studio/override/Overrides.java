package studio.override;

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
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import studio.milestone.DecisionPage;
import studio.security.StepUp;
import studio.web.Attempt;
import studio.web.FormTimes;
import studio.web.PageActions;

/**
 * Override requests and decisions from the milestone page (its forms are the templates in Overrides/): request one,
 * approve or reject it ({@link DecisionPage}), revoke an approved one. Every answer is the milestone page, through
 * {@link PageActions}; the rules are {@link OverrideDesk}'s, the same for the API and the approvals inbox.
 */
@Path("/milestones/{id}/overrides")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ACTING)
public class Overrides extends DecisionPage<OverrideRequest> {

    @Inject
    OverrideDesk desk;

    @POST
    public Response request(@PathParam("id") String id, @RestForm List<String> gates, @RestForm String reason,
                            @RestForm("expires_at") String expiresAt, HttpHeaders headers) {
        Attempt typed = Attempt.of("override").with("reason", reason).with("gates", gates).with("expires_at", expiresAt);
        return actions.run(headers, typed, "override", () -> desk.request(id, gates == null ? List.of() : gates, reason,
                FormTimes.instant("expires_at", expiresAt), user.actor()), screen.of(id));
    }

    @POST
    @Path("{item}/revoke")
    @StepUp
    public Response revoke(@PathParam("id") String id, @PathParam("item") long item, @RestForm String reason, HttpHeaders headers) {
        return actions.run(headers, Attempt.of("revoke-" + item).with("reason", reason), "revoke", () -> {
            requireOn(id, item);
            desk.revoke(item, reason, user.actor());
        }, screen.of(id));
    }

    @Override
    protected OverrideDesk desk() {
        return desk;
    }
}
