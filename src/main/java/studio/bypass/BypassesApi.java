package studio.bypass;

import org.eclipse.microprofile.openapi.annotations.Operation;

import studio.governance.Roles;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import studio.web.DecisionApi;

/** Force close and termination requests: list them, approve or reject one (a governor other than the requester). */
@Path("/api/bypasses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EVERYONE)
public class BypassesApi extends DecisionApi<BypassDesk.Outcome> {

    private static final List<String> STATUSES = List.of("requested", "approved", "rejected", "lapsed");

    @Inject
    BypassDesk desk;
    @Inject
    BypassJson view;

    @GET
    @Operation(summary = "List bypass requests", description = "Force close and termination requests, filtered by status and milestone.")
    public ObjectNode list(@QueryParam("status") String status, @QueryParam("milestone") String milestone) {
        requireStatus(status, STATUSES);
        return listing("bypasses", view.list(status, milestone));
    }

    @Override
    protected BypassDesk desk() {
        return desk;
    }

    @Override
    protected ObjectNode json(BypassDesk.Outcome outcome) {
        return view.of(outcome);
    }
}
