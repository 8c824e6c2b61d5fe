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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The board's raw baseline for the benchmark harness (bench/run starts Studio with studio.bench.enabled=true). Anywhere else
 * the flag is absent or false and the route answers 404, as if it did not exist.
 */
@Path("/bench")
@RolesAllowed({PRODUCT_OWNER, QA_LEAD, DOMAIN_ARCHITECT, SECURITY_OFFICER, COMPLIANCE_OFFICER, PLATFORM_ADMIN, AUDITOR, CI})
public class RawBoardPage {

    @ConfigProperty(name = "studio.bench.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    DataSource db;

    /** The raw baseline of the board: same data, same markup, plain JDBC and a StringBuilder. */
    @GET
    @Path("board")
    @Produces(MediaType.TEXT_HTML)
    public String board() throws SQLException, IOException {
        requireEnabled();
        return RawBoard.render(db);
    }

    private void requireEnabled() {
        BenchApi.requireEnabled(enabled);
    }
}
