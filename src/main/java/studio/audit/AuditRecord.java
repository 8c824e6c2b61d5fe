package studio.audit;

import java.time.Instant;
import java.util.List;

/**
 * One row of the append-only audit log. {@code prevHash} is the {@link AuditHasher#hash hash} of the row with
 * {@code seq - 1} ({@link AuditHasher#GENESIS} for seq 1), which chains every row to all rows before it.
 *
 * @param payloadJson the event's details as a JSON document (hashed in canonical form), or null
 */
public record AuditRecord(
        long seq,
        Instant occurredAt,
        String actor,
        List<String> actorRoles,
        String subjectType,
        String subjectId,
        String type,
        String traceId,
        String payloadJson,
        String prevHash) {

    public AuditRecord {
        actorRoles = actorRoles == null ? List.of() : List.copyOf(actorRoles);
    }
}
