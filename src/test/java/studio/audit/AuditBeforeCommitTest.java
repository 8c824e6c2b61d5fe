package studio.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.audit.AuditEntry.Subject;
import studio.governance.Actor;
import studio.milestone.Milestone;
import studio.testing.TestDb;

/**
 * Entries recorded during a transaction are appended as it commits: after its own changes are written (the head
 * lock is the last lock it takes), and a failed append fails the commit, so no change commits without its entry.
 */
@QuarkusTest
class AuditBeforeCommitTest {

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @BeforeEach
    void clean() {
        TestDb.reset();
        TestDb.exec("insert into milestone (id, definition, governed_by, state, state_since, created_at, updated_at) "
                + "values ('m-1', 'id: m-1', 'test', 'planned', now(), now(), now())");
    }

    @Test
    void aChangeWhoseEntryCannotBeAppendedDoesNotCommit() {
        RuntimeException failed = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            rename("m-1", "renamed");
            audit.record(Actor.SYSTEM, renamed("no\u0000such id")); // PostgreSQL refuses a NUL byte in text
        }));
        assertTrue(causes(failed).contains("byte"), causes(failed));
        assertEquals(0, TestDb.count("select count(*) from milestone where name = 'renamed'"));
        assertEquals(0, TestDb.count("select count(*) from audit_event"));
        assertEquals(0, AuditDatabase.number("select seq from audit_head"));
    }

    /**
     * Another transaction holds the milestone's row and then asks for the head: it gets the head at once, because
     * the committing transaction waits for the row without holding the head. Were the head locked first, the two
     * would deadlock.
     */
    @Test
    void theHeadIsLockedOnlyAfterTheTransactionsChangesAreWritten() throws Exception {
        try (Connection other = DriverManager.getConnection(TestDb.url(), "studio", "studio");
                Statement s = other.createStatement()) {
            other.setAutoCommit(false);
            s.execute("update milestone set name = 'held' where id = 'm-1'");
            CompletableFuture<Void> committing = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
                rename("m-1", "renamed");
                audit.record(Actor.SYSTEM, renamed("m-1"));
            }));
            awaitLockWait();
            s.execute("set local lock_timeout = '5s'");
            s.execute("select seq from audit_head where id = 1 for update");
            other.rollback();
            committing.get(30, TimeUnit.SECONDS);
        }
        assertEquals("renamed", TestDb.text("select name from milestone where id = 'm-1'"));
        assertEquals("MilestoneRenamed", TestDb.text("select type from audit_event where seq = 1"));
    }

    private void rename(String milestone, String name) {
        em.find(Milestone.class, milestone).name = name; // written when the session is flushed, at commit
    }

    private static AuditEntry renamed(String milestone) {
        return AuditEntry.of("MilestoneRenamed", Subject.milestone(milestone), null,
                JsonNodeFactory.instance.objectNode().put("name", "renamed"));
    }

    /** Waits until some transaction waits for a row lock (the committing one, for the milestone's row). */
    private static void awaitLockWait() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (TestDb.count("select count(*) from pg_locks where not granted") > 0) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the committing transaction never waited for the milestone's row");
    }

    private static String causes(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) all.append(c).append(" <- ");
        return all.toString();
    }
}
