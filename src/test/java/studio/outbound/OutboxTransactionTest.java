package studio.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.governance.Actor;
import studio.testing.Api;
import studio.testing.TestDb;

/** The outbox row and its audit event are one: both commit, or neither does. */
@QuarkusTest
class OutboxTransactionTest {

    @Inject
    AuditLog audit;

    @BeforeEach
    void clean() {
        Outbound.reset();
    }

    @Test
    void aMilestoneEventCommitsWithItsOutboxRow() {
        QuarkusTransaction.requiringNew().run(() -> audit.record(Actor.SYSTEM, reached("m-1")));
        assertEquals(1, TestDb.count("select count(*) from outbox"));
        assertEquals(TestDb.text("select seq from audit_event"), TestDb.text("select audit_seq from outbox"));
        CloudEvent e = CloudEvent.parse(TestDb.text("select event from outbox"));
        assertEquals("dev.studio.MilestoneReached", e.type());
        assertEquals("milestones/m-1", e.subject());
        assertEquals("milestones/m-1", TestDb.text("select subject from outbox"));
    }

    @Test
    void aRolledBackTransactionLeavesNeitherTheEventNorItsOutboxRow() {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            audit.recordNow(Actor.SYSTEM, reached("m-1")); // appended (and the outbox row inserted) at once
            throw new IllegalStateException("the change the event describes failed");
        }));
        assertEquals(0, TestDb.count("select count(*) from audit_event"));
        assertEquals(0, TestDb.count("select count(*) from outbox"));
    }

    @Test
    void aRefusedImportWritesNoOutboxRowAndEventsThatStayInsideStudioNeither() {
        Api.importDefinitions("milestones:\n  - id: a\n  - id: a\n").then().statusCode(400);
        assertEquals(0, TestDb.count("select count(*) from outbox"));
        QuarkusTransaction.requiringNew().run(() -> audit.record(Actor.SYSTEM,
                AuditEntry.of("SprintClosed", Subject.sprint("s-1"), null, JsonNodeFactory.instance.objectNode())));
        assertEquals(1, TestDb.count("select count(*) from audit_event"));
        assertEquals(0, TestDb.count("select count(*) from outbox"));
    }

    private static AuditEntry reached(String milestone) {
        return AuditEntry.of("MilestoneReached", Subject.milestone(milestone), "trace-1", JsonNodeFactory.instance.objectNode().put("to", "reached"));
    }
}
