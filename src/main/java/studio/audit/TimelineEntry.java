package studio.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;

/**
 * One audit event as the timeline shows it: who did what to which subject and when, the reason when the payload
 * gives one, and everything else behind a disclosure (the payload pretty-printed, the hash and the previous hash).
 * The pretty payload is made only when someone opens the disclosure ({@link #payload()}, served by
 * {@code GET /audit/events/{seq}}): a page of fifty events reads each payload just far enough to find its reason.
 *
 * @param payloadJson the payload exactly as stored
 */
public record TimelineEntry(long seq, Instant occurredAt, String actor, List<String> actorRoles, String subjectType,
                            String subjectId, String type, String traceId, String payloadJson, String reason, String hash,
                            String prevHash) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static TimelineEntry of(AuditEvent event) {
        AuditRecord r = event.record();
        return new TimelineEntry(r.seq(), r.occurredAt(), r.actor(), r.actorRoles(), r.subjectType(), r.subjectId(), r.type(),
                r.traceId(), r.payloadJson(), reason(r.payloadJson()), event.hash(), r.prevHash());
    }

    /** The payload pretty-printed; a tampered row's payload that is not JSON is shown as stored. */
    public String payload() {
        JsonNode tree = parse(payloadJson);
        return tree == null ? String.valueOf(payloadJson) : tree.toPrettyString();
    }

    /** The timeline from this event on (it comes first on that page). */
    public String timelineHref() {
        return "/audit?after=" + (seq + 1) + "#event-" + seq;
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

    /**
     * The payload's top-level {@code reason} when it is text, else null: read token by token, skipping every other
     * value, so no tree is built for it.
     */
    static String reason(String json) {
        if (json == null) return null;
        try (JsonParser p = JSON.getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            String found = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("reason".equals(field)) found = value == JsonToken.VALUE_STRING ? p.getText() : null; // the last one counts, as in a tree
                else p.skipChildren();
            }
            return found;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static JsonNode parse(String json) {
        if (json == null) return null;
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
