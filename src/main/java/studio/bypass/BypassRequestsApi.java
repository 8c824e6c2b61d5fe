package studio.bypass;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;

import studio.governance.Roles;
import static studio.governance.Roles.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import studio.governance.Bypass;
import studio.security.CurrentUser;
import studio.web.JsonBody;

/**
 * Requesting a force close or termination of a milestone (docs/API.md "escalate, force close, terminate"): 202 with the
 * request, which a second governor approves through {@link BypassesApi}. Nothing moves until then.
 */
@Path("/api/milestones/{id}/{kind: force-close|terminate}")
@Produces(MediaType.APPLICATION_JSON)
public class BypassRequestsApi {

    @Inject
    CurrentUser user;
    @Inject
    BypassDesk desk;
    @Inject
    BypassJson view;

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    @Operation(summary = "Request a force close or termination", description = "Asks for a four-eyes force close or termination of the milestone, with a reason; nothing moves until a second governor approves (202).")
    public Response request(@PathParam("id") String id, @PathParam("kind") String kind, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Reason"))) String body) {
        BypassDesk.Outcome outcome = desk.request(id, Bypass.Kind.fromSlug(kind), JsonBody.parse(body).text("reason"), user.actor());
        ObjectNode json = view.of(outcome);
        return Response.status(202).entity(json).build();
    }
}
