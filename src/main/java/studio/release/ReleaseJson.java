package studio.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import studio.governance.ApprovalRequirement;
import studio.governance.ReleaseEnvironment;
import studio.governance.ReleasePolicy;
import studio.release.document.ReleaseContent;
import studio.signing.DsseEnvelope;

/** How a release's JSON columns are written and read back: content, policy, string lists, the manifest envelope. */
public final class ReleaseJson {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReleaseJson() {}

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("release JSON does not serialise", e);
        }
    }

    static ReleaseContent content(String text) {
        return read(text, new TypeReference<>() {});
    }

    static List<String> strings(String text) {
        return text == null ? List.of() : read(text, new TypeReference<List<String>>() {});
    }

    public static DsseEnvelope envelope(String text) {
        return text == null ? null : read(text, new TypeReference<>() {});
    }

    /** The policy bound to a release: requirements, distinct approvers, TTL and timeout in seconds (null: none). */
    static String policy(ReleasePolicy p) {
        ObjectNode n = JSON.createObjectNode().put("environment", p.environment().json());
        var requirements = n.putArray("requirements");
        p.requirements().forEach(r -> {
            ObjectNode o = requirements.addObject().put("count", r.count());
            r.roles().forEach(o.putArray("roles")::add);
        });
        n.put("distinct_approvers", p.distinctApprovers());
        n.put("approval_ttl_seconds", p.approvalTtl() == null ? null : p.approvalTtl().getSeconds());
        n.put("approval_timeout_seconds", p.approvalTimeout() == null ? null : p.approvalTimeout().getSeconds());
        return n.toString();
    }

    static ReleasePolicy policy(String text) {
        JsonNode n = read(text, new TypeReference<JsonNode>() {});
        List<ApprovalRequirement> requirements = new ArrayList<>();
        for (JsonNode r : n.path("requirements")) {
            List<String> roles = new ArrayList<>();
            r.path("roles").forEach(role -> roles.add(role.asText()));
            requirements.add(new ApprovalRequirement(roles, r.path("count").asInt()));
        }
        return new ReleasePolicy(ReleaseEnvironment.parse(n.path("environment").asText()), requirements,
                n.path("distinct_approvers").asBoolean(true), seconds(n.path("approval_ttl_seconds")),
                seconds(n.path("approval_timeout_seconds")));
    }

    private static Duration seconds(JsonNode n) {
        return n.isNumber() ? Duration.ofSeconds(n.asLong()) : null;
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored release JSON is unreadable", e);
        }
    }
}
