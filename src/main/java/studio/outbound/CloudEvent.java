package studio.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import studio.audit.CanonicalJson;

/**
 * A milestone or release event as webhook subscribers receive it: a CloudEvents 1.0 JSON envelope (structured
 * mode) with {@code specversion} 1.0, {@code id}, {@code source} "/studio", {@code type} "dev.studio.&lt;EventName&gt;",
 * {@code subject} ("milestones/mvp-ready", "releases/mvp-v1"), {@code time}, {@code datacontenttype}
 * application/json and the event's {@code data}. Serialised canonically, so the bytes a subscriber verifies the
 * signature over are the same on every delivery.
 *
 * @param id the outbox entry's id: the same on every redelivery, so subscribers can drop duplicates
 */
public record CloudEvent(String id, String type, String subject, Instant time, JsonNode data) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String SPEC_VERSION = "1.0";
    public static final String SOURCE = "/studio";
    public static final String CONTENT_TYPE = "application/json";
    public static final String TYPE_PREFIX = "dev.studio.";

    private static final Pattern EVENT_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,99}");

    public CloudEvent {
        require(id != null && !id.isBlank(), "a CloudEvent needs an id");
        require(type != null && type.startsWith(TYPE_PREFIX) && EVENT_NAME.matcher(type.substring(TYPE_PREFIX.length())).matches(),
                "a Studio event type is dev.studio.<EventName>, not " + type);
        require(subject != null && !subject.isBlank(), "a CloudEvent needs a subject");
        require(time != null, "a CloudEvent needs a time");
        data = data == null ? JSON.createObjectNode() : data.deepCopy();
    }

    /** @param eventName as the spec writes it: "ReleaseCompleted", "MilestoneReached" */
    public static CloudEvent of(String id, String eventName, String subject, Instant time, JsonNode data) {
        return new CloudEvent(id, TYPE_PREFIX + eventName, subject, time, data);
    }

    public static String milestoneSubject(String milestoneId) {
        return "milestones/" + milestoneId;
    }

    public static String releaseSubject(String versionTag) {
        return "releases/" + versionTag;
    }

    /** "ReleaseCompleted". */
    public String eventName() {
        return type.substring(TYPE_PREFIX.length());
    }

    /** The canonical JSON text: the HTTP body a subscriber receives. */
    public String toJson() {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", SPEC_VERSION);
        e.put("id", id);
        e.put("source", SOURCE);
        e.put("type", type);
        e.put("subject", subject);
        e.put("time", time.toString());
        e.put("datacontenttype", CONTENT_TYPE);
        e.set("data", data);
        return CanonicalJson.canonicalize(e.toString());
    }

    public byte[] body() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a Studio CloudEvent back (a subscriber's view, and the outbox's stored body).
     *
     * @throws IllegalArgumentException when it is not JSON, not CloudEvents 1.0 from Studio, or misses a field
     */
    public static CloudEvent parse(String json) {
        JsonNode e;
        try {
            e = JSON.readTree(json);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("not JSON: " + ex.getOriginalMessage(), ex);
        }
        require(e != null && e.isObject(), "a CloudEvent is a JSON object");
        require(SPEC_VERSION.equals(e.path("specversion").asText()), "not a CloudEvents 1.0 event");
        require(SOURCE.equals(e.path("source").asText()), "not an event from " + SOURCE);
        try {
            return new CloudEvent(e.path("id").asText(null), e.path("type").asText(null), e.path("subject").asText(null),
                    Instant.parse(e.path("time").asText("")), e.get("data"));
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("time is not an RFC 3339 instant: " + e.path("time").asText(), ex);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
