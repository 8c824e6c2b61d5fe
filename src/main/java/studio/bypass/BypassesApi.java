package studio.bypass;

import studio.governance.Roles;
import static studio.governance.Roles.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import studio.security.CurrentUser;
import studio.security.StepUp;
import studio.web.ApiException;
import studio.web.JsonBody;

/** Force close and termination requests: list them, approve or reject one (a governor other than the requester). */
@Path("/api/bypasses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EVERYONE)
public class BypassesApi {

    @Inject
    CurrentUser user;
    @Inject
    BypassDesk desk;
    @Inject
    BypassJson view;

    @GET
    public ObjectNode list(@QueryParam("status") String status, @QueryParam("milestone") String milestone) {
        if (status != null && !java.util.Set.of("requested", "approved", "rejected", "lapsed").contains(status)) {
            throw ApiException.badRequest("status must be one of requested, approved, rejected, lapsed");
        }
        ObjectNode body = BypassJson.JSON.createObjectNode();
        ArrayNode list = body.putArray("bypasses");
        view.list(status, milestone).forEach(list::add);
        return body;
    }

    @POST
    @StepUp
    @Path("{id}/approve")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    public ObjectNode approve(@PathParam("id") long id, String body) {
        return view.of(desk.approve(id, JsonBody.parse(body).text("reason"), user.actor()));
    }

    @POST
    @StepUp
    @Path("{id}/reject")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    public ObjectNode reject(@PathParam("id") long id, String body) {
        return view.of(desk.reject(id, JsonBody.parse(body).text("reason"), user.actor()));
    }
}
