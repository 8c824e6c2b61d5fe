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

/** The programme's status report: {@code /status-report} as a page, {@code /status-report.md} as markdown. */
@Path("/{file: status-report\\.md|status-report}")
@RolesAllowed(Roles.EVERYONE)
public class ProgrammeStatusReport {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(ProgrammeReport p);
    }

    @Inject
    StatusReports reports;

    @GET
    @Produces({MediaType.TEXT_HTML, "text/markdown"})
    public Response read(@PathParam("file") String file) {
        ProgrammeReport p = reports.programme();
        if (file.endsWith(".md")) {
            return Response.ok(StatusReportText.markdown(p), "text/markdown; charset=UTF-8")
                    .header("Content-Disposition", "inline; filename=\"programme-status-report.md\"").build();
        }
        return Response.ok(Templates.page(p), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
