package studio.planning;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import studio.governance.Roles;
import studio.sprint.SprintScopes;
import studio.web.DecisionApi;
import studio.web.JsonBody;

/**
 * Sprints' scopes (docs/API.md "Sprint scopes"): list them, read one, approve or reject one (through
 * {@link DecisionApi}: a product owner or a linked milestone's governor other than whoever imported it; never a CI
 * token), and comment on the plan.
 */
@Path("/api/sprint-scopes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EVERYONE)
public class SprintScopesApi extends DecisionApi<SprintScopes.Stored> {

    private static final List<String> STATUSES = List.of("pending", "stale", "approved", "rejected", "proposed");

    @Inject
    SprintScopeDesk desk;
    @Inject
    SprintScopes scopes;
    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "List sprint scopes", description = "Each sprint's scope in force and its held change if one waits (proposed), filtered by status (pending, stale, approved, rejected, proposed) and sprint.")
    public ObjectNode list(@QueryParam("status") String status, @QueryParam("sprint") String sprint) {
        requireStatus(status, STATUSES);
        return listing("scopes", scopes.list(status, sprint).stream().map(this::json).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A sprint scope", description = "The scope as imported, who imported it, whether it needs approval, and its decision; a held change also what it would change.")
    public ObjectNode one(@PathParam("id") long id) {
        return json(desk.stored(id));
    }

    @POST
    @Path("{id}/comments")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    @Operation(summary = "Comment on a sprint's plan", description = "Adds a comment to the plan of the scope's sprint (201); every person who may act may comment.")
    public Response comment(@PathParam("id") long id, @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "Comment"))) String body) {
        SprintScopes.Comment c = desk.comment(desk.sprintOf(id), JsonBody.parse(body).text("comment"), user.actor());
        ObjectNode n = json.createObjectNode().put("comment_id", c.id()).put("sprint_id", desk.sprintOf(id)).put("author", c.author())
                .put("comment", c.body()).put("created_at", c.at().toString());
        return Response.status(201).entity(n).build();
    }

    @Override
    protected SprintScopeDesk desk() {
        return desk;
    }

    @Override
    protected ObjectNode json(SprintScopes.Stored s) {
        var fact = scopes.fact(s.sprintId());
        boolean current = !s.status().equals("superseded") && !s.held();
        ObjectNode n = json.createObjectNode().put("scope_id", s.id()).put("sprint_id", s.sprintId()).put("status", s.status())
                .put("needs_approval", s.status().equals("proposed") || current && fact != null && fact.needsApproval()).put("scope_hash", s.hash())
                .put("imported_by", s.author()).put("imported_at", s.importedAt().toString());
        if (s.held()) {
            n.put("held", true).put("replaces_scope_id", s.staleOf());
            scopes.find(s.staleOf()).ifPresent(inForce -> n.set("change", json.valueToTree(scopes.change(inForce, s))));
        } else if (s.staleOf() != null) {
            n.put("stale_decision_of", s.staleOf());
        }
        if (s.decided()) {
            n.put("decided_by", s.decidedBy()).put("decided_at", s.decidedAt().toString()).put("reason", s.reason());
        }
        n.put("started_unapproved", current && fact != null && fact.startedUnapproved() != null);
        n.put("definition", s.definition());
        return n;
    }
}
