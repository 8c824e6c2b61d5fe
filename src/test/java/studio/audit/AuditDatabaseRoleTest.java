package studio.audit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studio.governance.Roles;

/**
 * The database role Studio runs as, tried as an attacker holding its credentials would: it appends and reads the
 * audit trail and nothing else. It cannot update, delete or truncate audit rows (nor evidence, checkpoints, signing
 * keys), cannot alter or drop the tables or their triggers, cannot switch the triggers off, and can move the audit
 * head only forward onto a row that was appended.
 */
@QuarkusTest
@TestSecurity(user = "carol", roles = Roles.COMPLIANCE_OFFICER)
class AuditDatabaseRoleTest {

    /** PostgreSQL's insufficient_privilege: the statement was refused for want of a privilege or ownership. */
    private static final String DENIED = "42501";

    @Inject
    AuditLog log;

    @Inject
    AuditDatabaseRole role;

    @BeforeEach
    void threeRows() {
        AuditDatabase.reset();
        new AuditTrailFixture(log).plain(3);
    }

    @Test
    void studioConnectsAsARoleOfItsOwnThatOwnsNothing() throws SQLException {
        String user = config("quarkus.datasource.username");
        assertNotEquals(config("quarkus.flyway.username"), user, "migrations run as the schema owner, the app as another role");
        assertEquals(user, text("select current_user"));
        assertEquals("0", text("select count(*) from pg_class where relowner = current_user::regrole"));
        assertEquals("f", text("select rolsuper or rolbypassrls or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user"));
        assertFalse(role.standing().canRewrite(), "Studio's own check agrees: " + role.standing());
    }

    @ParameterizedTest
    @ValueSource(strings = {"audit_event", "audit_subject", "audit_checkpoint", "signing_key", "evidence"})
    void appendOnlyRowsCannotBeUpdatedDeletedOrTruncated(String table) {
        assertAll(
                () -> assertDenied("update " + table + " set " + aColumnOf(table) + " = " + aColumnOf(table)),
                () -> assertDenied("delete from " + table),
                () -> assertDenied("truncate " + table),
                () -> assertDenied("truncate " + table + " cascade"));
    }

    @Test
    void anAuditRowCannotBeChangedInAnyColumn() {
        for (String column : new String[] {"actor", "payload", "hash", "prev_hash", "occurred_at", "type", "seq"}) {
            assertDenied("update audit_event set " + column + " = " + column + " where seq = 2");
        }
        assertEquals(3, AuditDatabase.number("select count(*) from audit_event"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "alter table audit_event disable trigger audit_event_append_only",
            "alter table audit_event disable trigger all",
            "drop trigger audit_event_append_only on audit_event",
            "drop trigger evidence_append_only on evidence",
            "drop trigger audit_checkpoint_append_only on audit_checkpoint",
            "drop trigger audit_head_moves_forward on audit_head",
            "alter table audit_event drop column payload",
            "alter table audit_event rename to audit_event_old",
            "alter table audit_event owner to current_user",
            "drop table audit_event cascade",
            "drop table audit_checkpoint",
            "drop function forbid_change() cascade",
            "create or replace function forbid_change() returns trigger language plpgsql as $$ begin return new; end; $$",
            "create trigger sneak before insert on audit_event for each row execute function forbid_change()",
            "set session_replication_role = replica",
            "create table audit_event_copy (like audit_event)"})
    void theTablesAndTheirTriggersCannotBeChangedOrSwitchedOff(String sql) {
        assertDenied(sql);
    }

    @Test
    void itCannotGrantItselfWhatItLacks() throws SQLException {
        asStudio("grant update, delete, truncate on audit_event to current_user"); // PostgreSQL only warns: nothing granted
        assertEquals("f", text("select has_table_privilege('audit_event', 'UPDATE') or has_table_privilege('audit_event', 'DELETE')"
                + " or has_table_privilege('audit_event', 'TRUNCATE')"));
    }

    @Test
    void theHeadMovesOnlyForwardOntoAnAppendedRow() {
        String row1 = AuditDatabase.text("select hash from audit_event where seq = 1");
        assertAll(
                () -> assertRefusedAtCommit("update audit_head set seq = 1, hash = '" + row1 + "'", "may only move forward"),
                () -> assertRefusedAtCommit("update audit_head set seq = 0, hash = repeat('0', 64)", "may only move forward"),
                () -> assertRefusedAtCommit("update audit_head set seq = 4, hash = repeat('e', 64)", "may only name an appended row"),
                () -> assertRefusedAtCommit("update audit_head set hash = repeat('e', 64)", "may only name an appended row"),
                () -> assertDenied("update audit_head set id = 2"),
                () -> assertDenied("delete from audit_head"),
                () -> assertDenied("truncate audit_head"),
                () -> assertDenied("insert into audit_head (id, seq, hash) values (2, 0, repeat('0', 64))"));
        assertEquals(3, AuditDatabase.number("select seq from audit_head"));
    }

    @Test
    void appendingStillWorksAndTheChainStaysValid() {
        new AuditTrailFixture(log).plain(2);
        assertEquals(5, AuditDatabase.number("select seq from audit_head"));
        assertTrue(AuditApiVerifyTest.verify().get("valid").asBoolean());
    }

    private static void assertDenied(String sql) {
        SQLException refused = assertThrows(SQLException.class, () -> asStudio(sql), sql);
        assertEquals(DENIED, refused.getSQLState(), sql + ": " + refused.getMessage());
    }

    /** Runs the statement in a transaction: the head's check runs at commit and fails it. */
    private static void assertRefusedAtCommit(String sql, String why) {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.execute(sql);
                c.commit();
            }
        }, sql);
        assertTrue(refused.getMessage().contains(why), sql + ": " + refused.getMessage());
    }

    private static void asStudio(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    /** Exactly what the application connects with. */
    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(config("quarkus.datasource.jdbc.url"), config("quarkus.datasource.username"),
                config("quarkus.datasource.password"));
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }

    private static String aColumnOf(String table) {
        return switch (table) {
            case "audit_event" -> "actor";
            case "audit_subject" -> "subject_id";
            case "audit_checkpoint" -> "signature";
            case "signing_key" -> "public_pem";
            default -> "body";
        };
    }
}
