package studio.bench;

import static studio.governance.Roles.*;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The board's raw baseline for the benchmark harness. It exists only in the build bench/run makes (the pom's bench
 * profile); the production jar does not hold it, so there the route answers 404.
 */
@Path("/bench")
@RolesAllowed({PRODUCT_OWNER, QA_LEAD, DOMAIN_ARCHITECT, SECURITY_OFFICER, COMPLIANCE_OFFICER, PLATFORM_ADMIN, AUDITOR, CI})
public class RawBoardPage {

    @Inject
    DataSource db;

    /**
     * The authenticated floor: a fragment that does nothing, behind the same session cookie, role check, CSRF filter and
     * request log as every page. What it costs is what a signed-in request costs before a page's own work.
     */
    @GET
    @Path("noop")
    @Produces(MediaType.TEXT_HTML)
    public String noop() {
        return "<p>ok</p>";
    }

    /** The raw baseline of the board: same data, same markup, plain JDBC and a StringBuilder. */
    @GET
    @Path("board")
    @Produces(MediaType.TEXT_HTML)
    public String board() throws SQLException, IOException {
        return RawBoard.render(db);
    }
}
