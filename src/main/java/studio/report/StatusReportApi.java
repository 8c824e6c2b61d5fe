package studio.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import studio.governance.Roles;

/** A milestone's status report as JSON, for CI and auditors' scripts. */
@Path("/api/milestones/{id}/status-report")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EVERYONE)
public class StatusReportApi {

    @Inject
    StatusReports reports;

    @GET
    @Operation(summary = "A milestone's status report", description = "The spec's milestone status report as JSON: summary status, progress, acceptance criteria, deliverables, gates, test status per contributing sprint, risks, blockers, the decisions people took (overrides, manual decisions, bypasses, definition changes) and next steps.")
    public ObjectNode milestone(@PathParam("id") String id) {
        return StatusReportText.json(reports.milestone(id));
    }
}
