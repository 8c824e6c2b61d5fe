package studio.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.audit.AuditRecord;

class OutboundEventsTest {

    static AuditRecord row(String type, String subjectType, String subjectId, String payload) {
        return new AuditRecord(42, Instant.parse("2025-05-14T18:30:00Z"), "ci-bot", List.of("ci"), subjectType, subjectId, type,
                "trace-xyz-123", payload, "0".repeat(64));
    }

    @Test
    void milestoneAndReleaseEventsLeaveStudioOthersDoNot() {
        for (String type : List.of("MilestoneReached", "MilestoneBlocked", "MilestoneOverrideApproved", "ReleaseTriggered", "DeploymentStarted",
                "ReleaseCompleted", "ReleaseSigned")) {
            assertTrue(OutboundEvents.exported(type), type);
        }
        for (String type : List.of("SprintClosed", "GateSignal", "GatesEvaluated", "AuditVerified", "WebhookCreated", "milestoneReached",
                "DeploymentFinished")) {
            assertFalse(OutboundEvents.exported(type), type);
            assertTrue(OutboundEvents.of(row(type, "milestone", "m", "{}"), "id-1").isEmpty(), type);
        }
    }

    @Test
    void theCloudEventCarriesTheAuditRowsDetails() {
        CloudEvent e = OutboundEvents.of(row("MilestoneReached", "milestone", "mvp-ready", "{\"to\":\"reached\"}"), "id-1").orElseThrow();
        assertEquals("id-1", e.id());
        assertEquals("dev.studio.MilestoneReached", e.type());
        assertEquals("milestones/mvp-ready", e.subject());
        assertEquals(Instant.parse("2025-05-14T18:30:00Z"), e.time());
        assertEquals(42, e.data().path("audit_seq").asLong());
        assertEquals("ci-bot", e.data().path("actor").asText());
        assertEquals("trace-xyz-123", e.data().path("trace_id").asText());
        assertEquals("reached", e.data().path("details").path("to").asText());
        assertEquals(e.toJson(), CloudEvent.parse(e.toJson()).toJson(), "the stored body reads back as the same event");
    }

    @Test
    void theSubjectIsTheUnitOfOrdering() {
        assertEquals("milestones/mvp-ready", OutboundEvents.subject("milestone", "mvp-ready"));
        assertEquals("releases/v1.0.0", OutboundEvents.subject("release", "v1.0.0"));
        assertEquals("studio", OutboundEvents.subject("system", null), "a CI report that names no milestone");
        assertEquals("studio", OutboundEvents.subject("milestone", null));
        assertEquals("sprints/s-1", OutboundEvents.subject("sprint", "s-1"));
    }
}
