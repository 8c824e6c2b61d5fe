package studio.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An audit entry of a people's decision, worded for a status report ("override of securityValidated approved"). */
final class Decisions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Decisions() {
    }

    static StatusReport.Decision of(long seq, Instant at, String milestoneId, String type, String actor, String payloadJson) {
        JsonNode p = parse(payloadJson);
        return new StatusReport.Decision(seq, at, milestoneId, kind(type), what(type, p), actor, p.path("reason").asText(null));
    }

    static String kind(String type) {
        if (type.startsWith("MilestoneOverride")) return "override";
        if (type.startsWith("MilestoneBypass")) return "bypass";
        if (type.startsWith("MilestoneDefinitionChange")) return "definition change";
        if (type.equals("ManualGateDecided")) return "manual decision";
        return "acceptance criterion";
    }

    static String what(String type, JsonNode p) {
        return switch (type) {
            case "MilestoneOverrideApproved" -> "override of " + gates(p) + " approved";
            case "MilestoneOverrideRejected" -> "override of " + gates(p) + " rejected";
            case "MilestoneOverrideRevoked" -> "override of " + gates(p) + " revoked";
            case "ManualGateDecided" -> p.path("gate").asText("manualApproval") + (p.hasNonNull("role") ? " (" + p.get("role").asText() + ")" : "")
                    + " " + p.path("decision").asText();
            case "MilestoneBypassApproved" -> p.path("kind").asText("bypass") + " approved";
            case "MilestoneBypassRejected" -> p.path("kind").asText("bypass") + " rejected";
            case "MilestoneDefinitionChangeApproved" -> "definition change approved";
            case "MilestoneDefinitionChangeRejected" -> "definition change rejected";
            default -> "criterion '" + p.path("criterion").asText() + "' marked " + (p.path("met").asBoolean() ? "met" : "not met");
        };
    }

    private static String gates(JsonNode p) {
        List<String> gates = new ArrayList<>();
        p.path("overridden_gates").forEach(g -> gates.add(g.asText()));
        return gates.isEmpty() ? "gates" : String.join(", ", gates);
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }
}
