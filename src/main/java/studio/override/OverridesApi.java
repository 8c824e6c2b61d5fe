package studio.override;

import studio.governance.Roles;
import static studio.governance.Roles.*;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Set;
import studio.security.CurrentUser;
import studio.security.StepUp;
import studio.web.ApiException;
import studio.web.JsonBody;

/** Decisions on override requests (docs/API.md "Overrides and manual decisions"); requests are made on the milestone. */
@Path("/api/overrides")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EVERYONE)
public class OverridesApi {

    private static final Set<String> STATUSES = Set.of("requested", "approved", "rejected", "revoked");

    @Inject
    CurrentUser user;
    @Inject
    OverrideDesk desk;
    private static final ObjectMapper JSON = new ObjectMapper();

    @GET
    public ObjectNode list(@QueryParam("status") String status, @QueryParam("milestone") String milestone) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status must be one of requested, approved, rejected, revoked");
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("overrides");
        desk.list(status, milestone).forEach(o -> list.add(view(o)));
        return body;
    }

    @GET
    @Path("{id}")
    public ObjectNode one(@PathParam("id") long id) {
        return view(desk.find(id));
    }

    @POST
    @Path("{id}/approve")
    @StepUp
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    public ObjectNode approve(@PathParam("id") long id, String body) {
        return view(desk.approve(id, JsonBody.parse(body).text("reason"), user.actor()));
    }

    @POST
    @Path("{id}/reject")
    @StepUp
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    public ObjectNode reject(@PathParam("id") long id, String body) {
        return view(desk.reject(id, JsonBody.parse(body).text("reason"), user.actor()));
    }

    @POST
    @Path("{id}/revoke")
    @StepUp
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    public ObjectNode revoke(@PathParam("id") long id, String body) {
        return view(desk.revoke(id, JsonBody.parse(body).text("reason"), user.actor()));
    }

    /** An override request as the API shows it. */
    public static ObjectNode view(OverrideRequest o) {
        ObjectNode n = JSON.createObjectNode();
        n.put("override_id", o.id);
        n.put("milestone_id", o.milestoneId);
        n.put("status", o.status);
        ArrayNode gates = n.putArray("gates");
        List.of(o.gates).forEach(gates::add);
        n.put("reason", o.reason);
        n.put("requested_by", o.requestedBy);
        n.put("requested_at", o.requestedAt.toString());
        n.put("expires_at", o.expiresAt == null ? null : o.expiresAt.toString());
        n.put("decided_by", o.decidedBy);
        n.put("decided_at", o.decidedAt == null ? null : o.decidedAt.toString());
        n.put("decision_reason", o.decisionReason);
        n.put("revoked_by", o.revokedBy);
        n.put("revoked_at", o.revokedAt == null ? null : o.revokedAt.toString());
        n.put("revoke_reason", o.revokeReason);
        return n;
    }
}
