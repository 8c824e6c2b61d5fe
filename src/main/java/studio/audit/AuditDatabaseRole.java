package studio.audit;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * What the database role Studio connects as could do to the audit trail, checked at every start. The trail is only
 * as trustworthy as the weakest role that can write it: when Studio's own role owns the audit tables or may update,
 * delete or truncate their rows, Studio says so loudly (a deployment that gives the application the schema owner's
 * credentials), and the audit page shows it.
 */
@ApplicationScoped
public class AuditDatabaseRole {

    private static final Logger LOG = Logger.getLogger(AuditDatabaseRole.class);

    /** Whether the role may rewrite audit rows, and which role it is. */
    public record Standing(String role, boolean canRewrite) {}

    @Inject
    DataSource db;

    private volatile Standing standing;

    void onStart(@Observes StartupEvent event) {
        standing = check();
        if (standing.canRewrite()) {
            LOG.warnf("Studio connects to PostgreSQL as '%s', which owns the audit tables or may update, delete or truncate "
                    + "their rows: anyone holding these credentials can rewrite the audit trail. Connect as a role that may "
                    + "only insert and read them (quarkus.datasource.username; README, \"Audit trail\").", standing.role());
        }
    }

    /** As checked at start (checked now when asked before). */
    public Standing standing() {
        Standing known = standing;
        return known != null ? known : (standing = check());
    }

    private Standing check() {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                select current_user,
                       r.rolsuper
                       or bool_or(pg_has_role(current_user, t.relowner, 'MEMBER'))
                       or bool_or(has_table_privilege(t.oid, 'UPDATE') or has_table_privilege(t.oid, 'DELETE')
                                  or has_table_privilege(t.oid, 'TRUNCATE'))
                  from pg_roles r, pg_class t
                 where r.rolname = current_user
                   and t.oid in ('audit_event'::regclass, 'audit_subject'::regclass, 'audit_checkpoint'::regclass)
                 group by r.rolsuper""");
             ResultSet r = s.executeQuery()) {
            r.next();
            return new Standing(r.getString(1), r.getBoolean(2));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database role's privileges on the audit tables", e);
        }
    }
}
