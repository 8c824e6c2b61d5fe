package studio.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Direct access to the throwaway test database (never the run database): resetting between tests, counting rows,
 * and tampering as an attacker with database access would (as the postgres superuser, bypassing the append-only
 * triggers).
 */
public final class TestDb {

    private static final String TABLES = "evaluation, override_request, gate_decision, criterion_mark, milestone_feature, "
            + "sprint_milestone, sprint_feature, sprint_event, coverage_fact, trace_fact, test_result_fact, gate_signal, "
            + "evidence, idempotency_key, milestone, sprint, feature, audit_event, audit_subject, audit_checkpoint";

    private TestDb() {
    }

    public static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    /**
     * Empties every table Studio writes (not the signing keys) and resets the audit chain head. The app's timers keep
     * running meanwhile; a truncate that deadlocks with one of them (PostgreSQL picks the truncate as the victim) is
     * simply tried again.
     */
    public static void reset() {
        for (int attempt = 1; ; attempt++) {
            try {
                // the head only moves forward for anyone but a superuser with triggers off
                tamper("truncate " + extraTables() + TABLES + " restart identity cascade",
                        "update audit_head set seq = 0, hash = repeat('0', 64) where id = 1");
                return;
            } catch (IllegalStateException e) {
                if (attempt == 5 || !(e.getCause() instanceof SQLException sql) || !"40P01".equals(sql.getSQLState())) throw e;
            }
        }
    }

    /** Tables later migrations add; listed here so reset() stays one statement. */
    private static String extraTables() {
        StringBuilder sb = new StringBuilder();
        for (String t : new String[] {"release", "release_approval", "outbox", "webhook", "webhook_delivery", "notification", "notification_cursor",
                "notification_preference", "person", "freeze_window", "environment_definition", "environment_change"}) {
            if (exists(t)) sb.append(t).append(", ");
        }
        return sb.toString();
    }

    public static long count(String sql) {
        try (Connection c = connect(false); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static String text(String sql) {
        try (Connection c = connect(false); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs statements as the superuser with triggers off: an attacker with database access. */
    public static void tamper(String... sql) {
        try (Connection c = connect(true); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            for (String statement : sql) s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", sql), e);
        }
    }

    public static void exec(String... sql) {
        try (Connection c = connect(true); Statement s = c.createStatement()) {
            for (String statement : sql) s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", sql), e);
        }
    }

    private static boolean exists(String table) {
        return count("select count(*) from information_schema.tables where table_schema = 'public' and table_name = '" + table + "'") > 0;
    }

    private static Connection connect(boolean superuser) throws SQLException {
        return superuser ? DriverManager.getConnection(url(), "postgres", "") : DriverManager.getConnection(url(), "studio", "studio");
    }
}
