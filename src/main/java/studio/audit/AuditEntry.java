package studio.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What happened, as the audit trail records it: an event type (MilestoneReached, OverrideApproved,
 * EvidenceReceived...), its subject, the trace id it belongs to, a JSON payload with the details a reader needs
 * (reason, gate statuses, counts), and any other subjects it concerns (a sprint event touches milestones).
 */
public record AuditEntry(String type, Subject subject, String traceId, ObjectNode payload, List<Subject> related) {

    public record Subject(String type, String id) {
        public static Subject milestone(String id) {
            return new Subject("milestone", id);
        }

        public static Subject sprint(String id) {
            return new Subject("sprint", id);
        }

        public static Subject release(String id) {
            return new Subject("release", id);
        }

        public static Subject feature(String id) {
            return new Subject("feature", id);
        }

        public static Subject system() {
            return new Subject("system", null);
        }
    }

    public AuditEntry {
        related = related == null ? List.of() : List.copyOf(related);
    }

    public static AuditEntry of(String type, Subject subject, String traceId, ObjectNode payload) {
        return new AuditEntry(type, subject, traceId, payload, List.of());
    }

    public AuditEntry alsoAbout(List<Subject> others) {
        return new AuditEntry(type, subject, traceId, payload, others);
    }
}
