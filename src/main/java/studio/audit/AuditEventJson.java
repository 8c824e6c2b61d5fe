package studio.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Audit events as the API writes them (the listing, JSON Lines export and verification result), in snake_case:
 * {@code {"seq","occurred_at","actor","actor_roles","subject_type","subject_id","type","trace_id","payload",
 * "prev_hash","hash"}}. {@code occurred_at} is written exactly as the hash covers it (UTC, six fraction digits) and
 * the payload as the stored JSON text, so a reader can recompute every hash from what we give them.
 */
public final class AuditEventJson {

    static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper JSON = new ObjectMapper(FACTORY);

    private AuditEventJson() {}

    /** {@code {"events":[...],"next":"<cursor>"|null}} */
    public static String page(AuditPage page) {
        StringWriter out = new StringWriter(256 + 512 * page.events().size());
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("events");
            for (AuditEvent event : page.events()) write(event, g);
            g.writeEndArray();
            g.writeStringField("next", page.next());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One event as a JSON object. */
    public static void write(AuditEvent event, JsonGenerator g) throws IOException {
        AuditRecord r = event.record();
        g.writeStartObject();
        g.writeNumberField("seq", r.seq());
        g.writeStringField("occurred_at", r.occurredAt() == null ? null : AuditHasher.instant(r.occurredAt()));
        g.writeStringField("actor", r.actor());
        g.writeArrayFieldStart("actor_roles");
        for (String role : r.actorRoles()) g.writeString(role);
        g.writeEndArray();
        g.writeStringField("subject_type", r.subjectType());
        g.writeStringField("subject_id", r.subjectId());
        g.writeStringField("type", r.type());
        g.writeStringField("trace_id", r.traceId());
        g.writeFieldName("payload");
        writePayload(r.payloadJson(), g);
        g.writeStringField("prev_hash", r.prevHash());
        g.writeStringField("hash", event.hash());
        g.writeEndObject();
    }

    /**
     * One event from a line of the JSON Lines export, exactly as it was written: the payload is the line's own text of
     * it (so the hash recomputes over what was exported, never over a re-serialization), or the string's content when
     * the export had to write a non-JSON payload as a string.
     *
     * @throws IllegalArgumentException naming the field, when the line is not one event in the export's shape
     */
    public static AuditEvent read(String line) {
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("not a JSON object");
            Map<String, Object> fields = new HashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                fields.put(name, switch (name) {
                    case "payload" -> rawPayload(line, p, value);
                    case "actor_roles" -> roles(p, value);
                    default -> value.isScalarValue() && value != JsonToken.VALUE_NULL ? p.getText() : skip(p, value);
                });
            }
            if (p.nextToken() != null) throw new IllegalArgumentException("more than one JSON value on the line");
            return event(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AuditEvent event(Map<String, Object> f) {
        long seq;
        Instant at;
        try {
            seq = Long.parseLong(required(f, "seq"));
            at = Instant.parse(required(f, "occurred_at"));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("seq or occurred_at is malformed: " + e.getMessage(), e);
        }
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) f.getOrDefault("actor_roles", List.of());
        AuditRecord record = new AuditRecord(seq, at, (String) f.get("actor"), roles, (String) f.get("subject_type"),
                (String) f.get("subject_id"), (String) f.get("type"), (String) f.get("trace_id"), (String) f.get("payload"),
                required(f, "prev_hash"));
        return new AuditEvent(record, required(f, "hash"));
    }

    private static String required(Map<String, Object> fields, String name) {
        if (!(fields.get(name) instanceof String value)) throw new IllegalArgumentException("no " + name);
        return value;
    }

    /** The payload's text as it stands on the line (a string payload: its content, as the export wrote it). */
    private static String rawPayload(String line, JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) return null;
        if (value == JsonToken.VALUE_STRING) return p.getText();
        int start = (int) p.currentTokenLocation().getCharOffset();
        p.skipChildren();
        int end = (int) p.currentLocation().getCharOffset();
        return line.substring(start, end);
    }

    private static List<String> roles(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) throw new IllegalArgumentException("actor_roles is not an array");
        List<String> roles = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_STRING) throw new IllegalArgumentException("actor_roles holds a non-string");
            roles.add(p.getText());
        }
        return roles;
    }

    private static Object skip(JsonParser p, JsonToken value) throws IOException {
        p.skipChildren();
        return null;
    }

    /**
     * The verification result, as the API answers and as AuditVerified records it: the chain's verdict, and for a valid
     * chain how far checkpoints anchor it: {@code "status":"intact"|"not_yet_anchored"|"empty"}, {@code "anchored_seq"}
     * (the newest row a trusted checkpoint vouches for) and {@code "unanchored"} (how many rows come after it).
     */
    public static ObjectNode verdict(TrailVerification verdict) {
        ObjectNode json = verdict(verdict.chain());
        if (verdict.valid()) {
            json.put("status", verdict.status().json()).put("anchored_seq", verdict.anchoredSeq()).put("unanchored", verdict.unanchored());
        }
        return json;
    }

    /** The chain's own verdict: {@code {"valid":true,"events":..,"head":..}} or {@code {"valid":false,"first_bad_seq":..,"reason":..}}. */
    public static ObjectNode verdict(ChainVerification verdict) {
        ObjectNode json = JSON.createObjectNode().put("valid", verdict.valid());
        if (verdict instanceof ChainVerification.Intact intact) {
            json.put("events", intact.events()).put("head", intact.head());
        } else if (verdict instanceof ChainVerification.Broken broken) {
            json.put("first_bad_seq", broken.firstBadSeq()).put("reason", broken.reason());
        }
        return json;
    }

    /**
     * The stored payload verbatim: it is canonical JSON, exactly what the hash covers. A payload that is not one JSON
     * value on one line (only a tampered row could hold one) is written as a string, so the document stays valid
     * and the tampering visible.
     */
    private static void writePayload(String payload, JsonGenerator g) throws IOException {
        if (payload == null) g.writeNull();
        else if (isOneLineJson(payload)) g.writeRawValue(payload);
        else g.writeString(payload);
    }

    static boolean isOneLineJson(String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) return false;
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) return false;
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
