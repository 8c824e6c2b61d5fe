package studio.override;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;

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
import studio.security.StepUp;
import studio.web.DecisionApi;
import studio.web.JsonBody;

/** Decisions on override requests (docs/API.md "Overrides and manual decisions"); requests are made on the milestone. */
@Path("/api/overrides")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EVERYONE)
public class OverridesApi extends DecisionApi<OverrideRequest> {

    private static final List<String> STATUSES = List.of("requested", "approved", "rejected", "revoked");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OverrideDesk desk;

    @GET
    @Operation(summary = "List override requests", description = "Override requests, filtered by status and milestone.")
    public ObjectNode list(@QueryParam("status") String status, @QueryParam("milestone") String milestone) {
        requireStatus(status, STATUSES);
        return listing("overrides", desk.list(status, milestone).stream().map(OverridesApi::view).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An override request", description = "The override request with its decisions.")
    public ObjectNode one(@PathParam("id") long id) {
        return view(desk.find(id));
    }

    @POST
    @Path("{id}/revoke")
    @StepUp
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    @Operation(summary = "Revoke an approved override", description = "Withdraws an approved override, with a reason; the milestone is judged again. Needs a recent sign-in.")
    public ObjectNode revoke(@PathParam("id") long id, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Reason"))) String body) {
        return view(desk.revoke(id, JsonBody.parse(body).text("reason"), user.actor()));
    }

    @Override
    protected OverrideDesk desk() {
        return desk;
    }

    @Override
    protected ObjectNode json(OverrideRequest o) {
        return view(o);
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
