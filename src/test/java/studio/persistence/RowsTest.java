package studio.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TransactionRequiredException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.sprint.Sprint;
import studio.testing.TestDb;

/**
 * Rows on the session's JDBC connection behaves as the native queries it replaced: it sees the transaction's entity
 * changes, fails with the same exceptions, refuses a write outside a transaction, and reads values back as written.
 */
@QuarkusTest
class RowsTest {

    static final Instant T = Instant.parse("2025-06-10T12:00:00.123456Z");
    static final String INSERT = """
            insert into sprint (id, state, state_since, created_at, updated_at, change_seq, version)
            values (?, 'planned', ?, ?, ?, nextval('change_seq'), 0)""";

    @Inject
    EntityManager em;

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    @Test
    void aStatementSeesTheEntityChangesMadeBeforeItInTheTransaction() {
        String seen = QuarkusTransaction.requiringNew().call(() -> {
            Rows.update(em, INSERT, "s-1", T, T, T);
            Sprint s = Sprint.findById("s-1");
            s.name = "renamed";
            return Rows.first(em, "select name from sprint where id = ?", r -> r.text("name"), "s-1").orElseThrow();
        });
        assertEquals("renamed", seen);
        assertEquals("renamed", TestDb.text("select name from sprint where id = 's-1'"));
    }

    @Test
    void aUniqueViolationFailsAsANativeQueryDidAndRollsTheTransactionBack() {
        QuarkusTransaction.requiringNew().run(() -> Rows.update(em, INSERT, "s-1", T, T, T));
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    Rows.update(em, INSERT, "s-2", T, T, T);
                    Rows.update(em, INSERT, "s-1", T, T, T);
                }));
        assertEquals("23505", sqlState(e), "the driver's unique violation is the cause");
        assertEquals(0, TestDb.count("select count(*) from sprint where id = 's-2'"), "nothing of the failed transaction stays");
    }

    @Test
    void aWriteOutsideATransactionIsRefusedAndChangesNothing() {
        assertThrows(TransactionRequiredException.class, () -> Rows.update(em, INSERT, "s-1", T, T, T));
        assertEquals(0, TestDb.count("select count(*) from sprint"));
    }

    @Test
    void valuesComeBackAsTheyWereBound() {
        Row row = QuarkusTransaction.requiringNew().call(() -> Rows.first(em, """
                select cast(? as timestamptz) as at, cast(? as text[]) as labels, cast(? as text) as none, cast(? as bigint) as n,
                       cast(? as jsonb) as doc, ? as flag""", r -> r, T, new String[] {"mvp", "core"}, null, 42L, "{\"a\": 1}", true)
                .orElseThrow());
        assertEquals(T, row.instant("at"));
        assertEquals(List.of("mvp", "core"), row.texts("labels"));
        assertNull(row.text("none"));
        assertEquals(42L, row.number("n"));
        assertEquals("{\"a\": 1}", row.text("doc"));
        assertTrue(row.flag("flag"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> row.text("missing"));
        assertTrue(unknown.getMessage().contains("missing"), unknown.getMessage());
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) return s.getSQLState();
        }
        return null;
    }
}
