package studio.planning;

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
import java.util.Set;
import studio.security.CurrentUser;
import studio.security.StepUp;
import studio.web.ApiException;
import studio.web.JsonBody;

/**
 * Changes that loosen a governed milestone's definition: list them (with the proposed definition and what it
 * loosens), approve or reject one. Deciding needs a product owner or the milestone's governor other than the author;
 * a CI token may propose such a change through POST /api/definitions, never decide one.
 */
@Path("/api/definition-changes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EVERYONE)
public class DefinitionChangesApi {

    private static final Set<String> STATUSES = Set.of("pending", "approved", "rejected", "superseded");

    @Inject
    CurrentUser user;
    @Inject
    DefinitionChangeDesk desk;
    @Inject
    ObjectMapper json;

    @GET
    public ObjectNode list(@QueryParam("status") String status, @QueryParam("milestone") String milestone) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status must be one of pending, approved, rejected, superseded");
        }
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("changes");
        desk.list(status, milestone).forEach(c -> list.add(view(c)));
        return body;
    }

    @GET
    @Path("{id}")
    public ObjectNode one(@PathParam("id") long id) {
        return view(desk.stored(id));
    }

    @POST
    @StepUp
    @Path("{id}/approve")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    public ObjectNode approve(@PathParam("id") long id, String body) {
        return view(desk.approve(id, JsonBody.parse(body).text("reason"), user.actor()));
    }

    @POST
    @StepUp
    @Path("{id}/reject")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    public ObjectNode reject(@PathParam("id") long id, String body) {
        return view(desk.reject(id, JsonBody.parse(body).text("reason"), user.actor()));
    }

    private ObjectNode view(DefinitionChangeDesk.Pending c) {
        ObjectNode n = json.createObjectNode().put("change_id", c.id()).put("milestone_id", c.milestoneId()).put("status", c.status())
                .put("proposed_by", c.author());
        c.weakenings().forEach(n.putArray("weakenings")::add);
        n.put("definition", c.definition());
        return n;
    }
}
