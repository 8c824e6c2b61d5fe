package studio.milestone;

import studio.governance.Roles;
import static studio.governance.Roles.*;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;
import studio.web.Htmx;

/** The gate matrix across milestones (GET /gates): milestones by gate conditions, one query, the board's filters. */
@Path("/gates")
@RolesAllowed(Roles.EVERYONE)
@Produces(MediaType.TEXT_HTML)
public class GateMatrix {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance matrix(GateGrid grid);

        static native TemplateInstance matrix$grid(GateGrid grid);
    }

    @Inject
    BoardRows rows;

    @GET
    public Response matrix(@RestQuery String phase, @RestQuery String owner, @RestQuery String label, @RestQuery String q,
                           @Context HttpHeaders headers) {
        GateGrid grid = GateGrid.of(rows.all(), new BoardFilter(phase, owner, label, q));
        TemplateInstance page = Htmx.wantsFragment(headers) ? Templates.matrix$grid(grid) : Templates.matrix(grid);
        return Htmx.varying(200, page);
    }
}
