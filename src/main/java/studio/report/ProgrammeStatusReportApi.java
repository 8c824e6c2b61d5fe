package studio.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import studio.governance.Roles;

/** The programme's status report as JSON. */
@Path("/api/status-report")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EVERYONE)
public class ProgrammeStatusReportApi {

    @Inject
    StatusReports reports;

    @GET
    @Operation(summary = "The programme's status report", description = "Overall and per-phase progress, each milestone's summary status and progress (at most 200, with the total), every blocker, the newest decisions people took and each open milestone's next step.")
    public ObjectNode programme() {
        return StatusReportText.json(reports.programme());
    }
}
