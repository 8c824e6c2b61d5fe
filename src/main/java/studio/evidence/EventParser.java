package studio.evidence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import studio.definition.GateCatalog;
import studio.evidence.IngestEvent.FeatureDeferred;
import studio.evidence.IngestEvent.MilestonePlanCreated;
import studio.evidence.IngestEvent.SprintReadiness;
import studio.evidence.IngestEvent.DeploymentSignal;
import studio.evidence.IngestEvent.GateSignal;
import studio.evidence.IngestEvent.MilestonePlanned;
import studio.evidence.IngestEvent.PlanningResumed;
import studio.evidence.IngestEvent.ReleaseCompleted;
import studio.evidence.IngestEvent.ReleaseFailed;
import studio.evidence.IngestEvent.SprintBlocked;
import studio.evidence.IngestEvent.SprintCheckpoint;
import studio.evidence.IngestEvent.SprintClosed;
import studio.evidence.IngestEvent.SprintPlanned;
import studio.evidence.IngestEvent.SprintStarted;
import studio.input.Fields;
import studio.definition.TriggerEvents;
import studio.input.Format;
import studio.input.KeySet;
import studio.input.Node;
import studio.input.Problems;
import studio.input.Spelling;
import studio.input.TreeReader;

/**
 * Reads one event in the documents' shape ({@code {"event":"SprintClosed","sprintId":..,"traceId":..}}), camelCase or
 * snake_case. Fields an event type does not use are ignored (CI payloads carry more than Studio reads); a required
 * field missing, a wrong type or an unknown event type are problems.
 */
public final class EventParser {

    private static final KeySet KEYS = KeySet.of("event", "eventId", "traceId", "timestamp", "agentId", "executionId",
            "durationMs", "sprintId", "milestoneId|milestone|milestoneRef", "milestones", "features",
            "agents|agentRoles", "completedArtifacts", "versionTag", "reason|deferralReason", "featureId", "gate",
            "status", "value", "detail", "environment", "sprints", "images|dockerImages");
    private static final Map<String, BiFunction<Fields, EventMeta, IngestEvent>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("MilestonePlanCreated", (f, m) -> new MilestonePlanCreated(m, f.requiredId("milestoneId"), f.ids("sprints")));
        TYPES.put("MilestonePlanned", (f, m) -> new MilestonePlanned(m, f.requiredId("milestoneId")));
        TYPES.put("SprintPlanned", (f, m) -> new SprintPlanned(m, f.requiredId("sprintId"), milestoneIds(f),
                f.ids("features"), f.strings("agents")));
        for (ReadinessStep step : ReadinessStep.values()) {
            TYPES.put(step.eventName(), (f, m) -> new SprintReadiness(m, step, f.requiredId("sprintId"),
                    step == ReadinessStep.SCOPE_DEFINED ? f.ids("features") : noFeatures(f, step)));
        }
        TYPES.put("SprintStarted", (f, m) -> new SprintStarted(m, f.requiredId("sprintId")));
        TYPES.put("SprintCheckpoint", (f, m) -> new SprintCheckpoint(m, f.requiredId("sprintId")));
        TYPES.put("SprintClosed", (f, m) -> new SprintClosed(m, f.requiredId("sprintId"), f.strings("completedArtifacts"),
                f.string("versionTag")));
        TYPES.put("SprintBlocked", (f, m) -> new SprintBlocked(m, f.requiredId("sprintId"), f.string("reason")));
        TYPES.put("PlanningResumed", (f, m) -> new PlanningResumed(m, oneOf(f, "sprintId", "milestoneId"),
                f.id("milestoneId"), f.string("reason")));
        TYPES.put("FeatureDeferred", (f, m) -> new FeatureDeferred(m, f.requiredId("featureId"),
                f.requiredString("reason"), f.id("sprintId"), f.id("milestoneId")));
        TYPES.put("GateSignal", (f, m) -> f.has("versionTag") ? deploymentSignal(f, m)
                : new GateSignal(m, f.requiredId("milestoneId"), gate(f), signalStatus(f), signalValue(f), f.string("detail")));
        TYPES.put("ReleaseCompleted", (f, m) -> new ReleaseCompleted(m, versionOrMilestone(f), f.id("milestoneId"),
                f.string("environment"), f.string("reason"), images(f)));
        TYPES.put("ReleaseFailed", (f, m) -> {
            if (f.has("images")) f.problems().add(f.get("images"), "images are what CI deployed: ReleaseCompleted reports them, not ReleaseFailed");
            return new ReleaseFailed(m, versionOrMilestone(f), f.id("milestoneId"), f.string("environment"), f.string("reason"));
        });
    }

    private EventParser() {}

    /** Only FeatureScopeDefined names features: elsewhere they would be dropped, so they are refused. */
    private static List<String> noFeatures(Fields f, ReadinessStep step) {
        if (f.has("features")) f.problems().add(f.get("features"), step.eventName() + " takes no features; FeatureScopeDefined names a sprint's scope");
        return List.of();
    }

    /** The accepted values of {@code event}, in the contract's order. */
    public static List<String> eventTypes() {
        return List.copyOf(TYPES.keySet());
    }

    public static IngestEvent parse(String json) {
        Node root = TreeReader.read(json, Format.JSON);
        Problems problems = new Problems();
        Fields f = Fields.of(root, KEYS, "an event", false, problems);
        problems.throwIfAny();
        String type = f.requiredString("event");
        BiFunction<Fields, EventMeta, IngestEvent> reader = type == null ? null : TYPES.get(type);
        if (reader == null && TriggerEvents.isOrchestration(type) && f.has("milestoneId")) {
            // an orchestration event of the team's own: accepted when the milestone's triggers name it (checked on intake)
            reader = (fields, m) -> new IngestEvent.OrchestrationEvent(m, type, fields.requiredId("milestoneId"));
        }
        if (type != null && reader == null) {
            problems.add(f.get("event"), "unknown event type '" + type + "'"
                    + Spelling.didYouMean(type, TYPES.keySet()) + "; accepted: " + String.join(", ", TYPES.keySet()));
        }
        EventMeta meta = meta(f);
        IngestEvent event = reader == null ? null : reader.apply(f, meta);
        problems.throwIfAny();
        return event;
    }

    private static EventMeta meta(Fields f) {
        return new EventMeta(f.string("eventId"), f.string("traceId"), timestamp(f), f.string("agentId"),
                f.string("executionId"), f.integer("durationMs", 0, Long.MAX_VALUE));
    }

    /** An ISO-8601 instant ("2025-05-12T10:00:00Z") or offset date-time ("2025-05-12T12:00:00+02:00"). */
    static Instant timestamp(Fields f) {
        String text = f.string("timestamp");
        if (text == null) return null;
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            f.problems().add(f.get("timestamp"), "timestamp '" + text
                    + "' is not an ISO-8601 date-time with offset, e.g. 2025-05-12T10:00:00Z");
            return null;
        }
    }

    private static List<String> milestoneIds(Fields f) {
        Set<String> ids = new LinkedHashSet<>();
        String single = f.id("milestoneId");
        if (single != null) ids.add(single);
        ids.addAll(f.ids("milestones"));
        return List.copyOf(ids);
    }

    /** The first id; a problem when neither is given. */
    private static String oneOf(Fields f, String first, String second) {
        if (!f.has(first) && !f.has(second)) {
            f.problems().add(f.node(), "'" + first + "' or '" + second + "' is required");
        }
        return f.id(first);
    }

    /** An image as deployed: a name, an optional tag, and its digest ("booking-service:1.0.0-mvp-v1@sha256:<64 hex>"). */
    static final java.util.regex.Pattern IMAGE = java.util.regex.Pattern.compile(
            "[a-z0-9][a-z0-9._/-]*(:[0-9]+)?(/[a-z0-9._-]+)*(:[A-Za-z0-9_][A-Za-z0-9._-]{0,127})?@sha256:[0-9a-f]{64}");

    /** The images CI deployed, each with its digest: a running image is traced to its release by digest, never by tag. */
    private static List<String> images(Fields f) {
        List<String> out = new ArrayList<>();
        for (Node item : f.items("images")) {
            String image = f.text(item, f.spelling("images") + " entry");
            if (image == null) continue;
            if (IMAGE.matcher(image).matches()) out.add(image);
            else f.problems().add(item, "image '" + image + "' has no digest: write it as name[:tag]@sha256:<64 hex digits>, the digest CI deployed");
        }
        return out;
    }

    /**
     * A GateSignal naming a version: one of the signals its deployment waits for (its environment's requiredSignals, a
     * canary's canaryValidationPassed), passed or failed, with no value. Whether the deployment waits for it is the
     * release side's to say.
     */
    private static DeploymentSignal deploymentSignal(Fields f, EventMeta m) {
        if (f.has("milestoneId")) {
            f.problems().add(f.get("milestoneId"), "a gate signal names a milestone (for its gates) or a versionTag (for a signal its "
                    + "deployment waits for, such as canaryValidationPassed), not both");
        }
        String gate = f.requiredString("gate");
        if (gate != null && !SIGNAL_NAME.matcher(gate).matches()) {
            f.problems().add(f.get("gate"), "a deployment's signal is one word (smokeTestsPassed, canaryValidationPassed), found '" + gate + "'");
        }
        if (f.has("value")) f.problems().add(f.get("value"), "a deployment's signal passes or fails ('status'); it takes no value");
        String status = f.has("status") ? signalStatus(f) : null;
        if (!f.has("status")) f.problems().add(f.node(), "'status' (pass or fail) is required for a deployment's signal");
        return new DeploymentSignal(m, f.string("versionTag"), f.string("environment"), gate, status, f.string("detail"));
    }

    private static final java.util.regex.Pattern SIGNAL_NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]{0,79}");

    private static String versionOrMilestone(Fields f) {
        if (!f.has("versionTag") && !f.has("milestoneId")) {
            f.problems().add(f.node(), "'versionTag' or 'milestoneId' is required");
        }
        return f.string("versionTag");
    }

    private static Double signalValue(Fields f) {
        return f.number("value", -Double.MAX_VALUE, Double.MAX_VALUE);
    }

    private static String gate(Fields f) {
        String gate = f.requiredString("gate");
        if (gate == null) return null;
        String why = GateCatalog.whyBadName(gate);
        if (why == null) return gate;
        f.problems().add(f.get("gate"), why);
        return null;
    }

    /** 'status', 'value' or both: a numeric gate (resilienceScoreAbove: 85) is decided by a value alone. */
    private static String signalStatus(Fields f) {
        if (!f.has("status")) {
            if (!f.has("value")) f.problems().add(f.node(), "a gate signal needs 'status' (pass or fail), 'value' (a number), or both");
            return null;
        }
        String status = f.string("status");
        if (status == null) return null;
        String folded = status.strip().toLowerCase(Locale.ROOT);
        if (folded.equals("pass") || folded.equals("fail")) return folded;
        f.problems().add(f.get("status"), "a gate signal's status is 'pass' or 'fail', found '" + status + "'");
        return null;
    }
}
