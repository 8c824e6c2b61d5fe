package studio.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;

/**
 * One audit event as the timeline shows it: who did what to which subject and when, the reason when the payload
 * gives one, and everything else behind a disclosure (the payload pretty-printed, the hash and the previous hash).
 */
public record TimelineEntry(long seq, Instant occurredAt, String actor, List<String> actorRoles, String subjectType,
                            String subjectId, String type, String traceId, String payload, String reason, String hash,
                            String prevHash) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static TimelineEntry of(AuditEvent event) {
        AuditRecord r = event.record();
        JsonNode payload = parse(r.payloadJson());
        String reason = payload != null && payload.path("reason").isTextual() ? payload.get("reason").asText() : null;
        return new TimelineEntry(r.seq(), r.occurredAt(), r.actor(), r.actorRoles(), r.subjectType(), r.subjectId(), r.type(),
                r.traceId(), payload == null ? String.valueOf(r.payloadJson()) : payload.toPrettyString(), reason,
                event.hash(), r.prevHash());
    }

    /** The page of the subject, when Studio has one. */
    public String subjectHref() {
        if (subjectId == null) return null;
        return switch (subjectType) {
            case "milestone" -> "/milestones/" + Timeline.encodePath(subjectId);
            case "sprint" -> "/sprints/" + Timeline.encodePath(subjectId);
            case "release" -> "/releases/" + Timeline.encodePath(subjectId);
            default -> null;
        };
    }

    /** A tampered row may hold a payload that is not JSON: it is then shown as stored. */
    private static JsonNode parse(String json) {
        if (json == null) return null;
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
