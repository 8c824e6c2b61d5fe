package studio.bench;

import static studio.governance.Roles.*;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The benchmark harness's API (bearer tokens like CI). It exists only in the build bench/run makes (the pom's bench
 * profile adds bench/src/main/java); the production jar does not hold it, so there its routes answer 404.
 */
@Path("/api/bench")
public class BenchApi {

    @Inject
    DataSource db;

    /** Appends chained synthetic audit events until the trail holds {@code total}; answers what it wrote. */
    @POST
    @Path("audit-top-up")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({PLATFORM_ADMIN, CI})
    public String auditTopUp(@RestQuery long total) throws SQLException {
        AuditTopUp.Result r = AuditTopUp.to(db, total);
        return "{\"from\":" + r.from() + ",\"to\":" + r.to() + ",\"millis\":" + r.millis() + "}";
    }
}
