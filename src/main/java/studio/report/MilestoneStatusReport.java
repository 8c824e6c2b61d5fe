package studio.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import studio.governance.Roles;

/**
 * A milestone's status report in the browser: {@code /milestones/{id}/status-report} as a page,
 * {@code /milestones/{id}/status-report.md} as the spec's markdown (both from the same {@link StatusReport}).
 */
@Path("/milestones/{id}/{file: status-report\\.md|status-report}")
@RolesAllowed(Roles.EVERYONE)
public class MilestoneStatusReport {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(StatusReport r);
    }

    @Inject
    StatusReports reports;

    @GET
    @Produces({MediaType.TEXT_HTML, "text/markdown"})
    public Response read(@PathParam("id") String id, @PathParam("file") String file) {
        StatusReport r = reports.milestone(id);
        if (file.endsWith(".md")) {
            String name = id.replaceAll("[^A-Za-z0-9._-]", "_") + "-status-report.md";
            return Response.ok(StatusReportText.markdown(r), "text/markdown; charset=UTF-8")
                    .header("Content-Disposition", "inline; filename=\"" + name + "\"").build();
        }
        return Response.ok(Templates.page(r), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
