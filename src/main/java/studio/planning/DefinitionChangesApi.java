package studio.planning;

import org.eclipse.microprofile.openapi.annotations.Operation;

import studio.governance.Roles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import studio.web.DecisionApi;

/**
 * Changes that loosen a governed milestone's definition: list them (with the proposed definition and what it
 * loosens), approve or reject one. Deciding needs a product owner or the milestone's governor other than the author;
 * a CI token may propose such a change through POST /api/definitions, never decide one.
 */
@Path("/api/definition-changes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EVERYONE)
public class DefinitionChangesApi extends DecisionApi<DefinitionChangeDesk.Pending> {

    private static final List<String> STATUSES = List.of("pending", "approved", "rejected", "superseded");

    @Inject
    DefinitionChangeDesk desk;
    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "List definition changes", description = "Changes that loosen a governed milestone's definition, filtered by status and milestone.")
    public ObjectNode list(@QueryParam("status") String status, @QueryParam("milestone") String milestone) {
        requireStatus(status, STATUSES);
        return listing("changes", desk.list(status, milestone).stream().map(this::json).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A definition change", description = "The proposed definition and what it loosens.")
    public ObjectNode one(@PathParam("id") long id) {
        return json(desk.stored(id));
    }

    @Override
    protected DefinitionChangeDesk desk() {
        return desk;
    }

    @Override
    protected ObjectNode json(DefinitionChangeDesk.Pending c) {
        ObjectNode n = json.createObjectNode().put("change_id", c.id()).put("milestone_id", c.milestoneId()).put("status", c.status())
                .put("proposed_by", c.author());
        c.weakenings().forEach(n.putArray("weakenings")::add);
        n.put("definition", c.definition());
        return n;
    }
}
