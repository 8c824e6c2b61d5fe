package studio.override;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;

import studio.governance.Roles;
import static studio.governance.Roles.*;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import studio.security.CurrentUser;
import studio.web.JsonBody;

/** Requesting an override of a milestone's gates (docs/API.md "Overrides and manual decisions"); decisions are {@link OverridesApi}'s. */
@Path("/api/milestones/{id}/overrides")
@Produces(MediaType.APPLICATION_JSON)
public class OverrideRequestsApi {

    @Inject
    CurrentUser user;
    @Inject
    OverrideDesk desk;

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    @Operation(summary = "Request an override", description = "Asks for an override of named failing gates of the milestone, with a written justification; people of the milestone's approval roles decide it.")
    public Response request(@PathParam("id") String id, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "OverrideRequest"))) String body) {
        JsonBody b = JsonBody.parse(body);
        OverrideRequest o = desk.request(id, b.strings("gates", "overridden_gates"), b.text("reason"),
                b.instant("expires_at", "expiresAt"), user.actor());
        return Response.status(201).entity(OverridesApi.view(o)).build();
    }
}
