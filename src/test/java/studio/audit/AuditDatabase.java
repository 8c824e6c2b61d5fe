package studio.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The test database as someone with superuser access sees it: resets the audit tables between tests and tampers
 * with rows the way an attacker who can switch off the append-only triggers could.
 */
final class AuditDatabase {

    private AuditDatabase() {}

    /** An empty trail: no rows, no subjects, no checkpoints, the head at genesis (rewound with the triggers off). */
    static void reset() {
        execute(true, "truncate audit_event, audit_subject, audit_checkpoint",
                "update audit_head set seq = 0, hash = repeat('0', 64) where id = 1");
    }

    /** Runs the statements with the append-only triggers disabled for this session only. */
    static void tamper(String... sql) {
        execute(true, sql);
    }

    static long number(String sql) {
        try (Connection c = superuser(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static List<Long> numbers(String sql) {
        List<Long> values = new ArrayList<>();
        try (Connection c = superuser(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) values.add(r.getLong(1));
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static String text(String sql) {
        try (Connection c = superuser(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** One stored row, read the way the application reads it. */
    static AuditEvent event(long seq) {
        String sql = "select " + AuditSql.COLUMNS + " from audit_event e where e.seq = ?";
        try (Connection c = superuser(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, seq);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) throw new IllegalStateException("no row " + seq);
                return AuditRows.event(r);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static List<AuditCheckpoint> checkpoints() {
        try (Connection c = superuser()) {
            return AuditRows.checkpoints(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(boolean triggersOff, String... sql) {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            if (triggersOff) s.execute("set session_replication_role = replica");
            for (String statement : sql) s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", sql), e);
        }
    }

    private static Connection superuser() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return DriverManager.getConnection(url, "postgres", "");
    }
}
