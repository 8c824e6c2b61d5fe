package studio.bench;

import static studio.governance.Roles.*;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The benchmark harness's API (bearer tokens like CI). bench/run starts Studio with studio.bench.enabled=true;
 * anywhere else the flag is absent or false and every route here answers 404, as if it did not exist.
 */
@Path("/api/bench")
public class BenchApi {

    @ConfigProperty(name = "studio.bench.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    DataSource db;

    /** Appends chained synthetic audit events until the trail holds {@code total}; answers what it wrote. */
    @POST
    @Path("audit-top-up")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({PLATFORM_ADMIN, CI})
    public String auditTopUp(@RestQuery long total) throws SQLException {
        requireEnabled(enabled);
        AuditTopUp.Result r = AuditTopUp.to(db, total);
        return "{\"from\":" + r.from() + ",\"to\":" + r.to() + ",\"millis\":" + r.millis() + "}";
    }

    static void requireEnabled(boolean enabled) {
        if (!enabled) throw new NotFoundException();
    }
}
