package studio.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;
import studio.audit.AuditRecord;

/**
 * Which audit events leave Studio, and in what shape: every milestone event (MilestoneReached, MilestoneBlocked,
 * MilestoneOverrideApproved, ...) and every release event (ReleaseTriggered, DeploymentStarted, ReleaseCompleted,
 * ReleaseSigned, ...) becomes one
 * CloudEvent. Its data carries the audit sequence number, the actor and the trace id beside the audit payload, so a
 * subscriber can find the event in an audit export.
 */
public final class OutboundEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutboundEvents() {}

    /**
     * What an event is about, for scoped subscribers and chat messages: its milestone (a release event's: the release's,
     * from its payload), the release's version tag and environment for a release event; null where it has none.
     */
    public record About(String milestoneId, String releaseTag, String environment) {}

    /** Release events whose names do not start with "Release" (the spec's names). */
    private static final Set<String> OTHER_RELEASE_EVENTS = Set.of("DeploymentStarted");

    /**
     * Sent about a milestone only when its definition asks for it: {@code onDeferEmit: FeatureDeferred} records one about
     * the milestone when one of its required features is deferred. The deferral itself (about the feature) stays inside.
     */
    private static final String DEFERRAL = "FeatureDeferred";

    /** True for the event names subscribers receive. */
    public static boolean exported(String eventName) {
        // What Studio told people (NotificationDispatched, ReleaseNotificationDispatched) is not itself sent on: a chat
        // channel listening to every release event would otherwise be told, without end, that it was told.
        return eventName != null && (eventName.startsWith("Milestone") || eventName.startsWith("Release") || OTHER_RELEASE_EVENTS.contains(eventName)
                || DEFERRAL.equals(eventName)) && !eventName.endsWith("NotificationDispatched");
    }

    /** The CloudEvent for an appended audit row, or empty when the row is not a milestone or release event. */
    public static Optional<CloudEvent> of(AuditRecord r, String id) {
        if (!exported(r.type()) || DEFERRAL.equals(r.type()) && !"milestone".equals(r.subjectType())) return Optional.empty();
        return Optional.of(CloudEvent.of(id, r.type(), subject(r.subjectType(), r.subjectId()), r.occurredAt(), data(r)));
    }

    /**
     * The CloudEvent subject, which is also the unit of ordering: "milestones/mvp-ready", "releases/v1.0.0"; an event
     * about Studio as a whole (a CI report naming no milestone) is "studio".
     */
    public static String subject(String subjectType, String subjectId) {
        if (subjectId == null || subjectType == null || "system".equals(subjectType)) return "studio";
        if ("milestone".equals(subjectType)) return CloudEvent.milestoneSubject(subjectId);
        if ("release".equals(subjectType)) return CloudEvent.releaseSubject(subjectId);
        return subjectType + "s/" + subjectId;
    }

    public static About about(CloudEvent e) {
        JsonNode details = e.data().path("details");
        String subject = e.subject();
        if (subject.startsWith("milestones/")) return new About(subject.substring("milestones/".length()), null, null);
        if (subject.startsWith("releases/")) {
            return new About(text(details, "milestone_id"), subject.substring("releases/".length()), text(details, "environment"));
        }
        return new About(text(details, "milestone_id"), null, null);
    }

    /** The event with its milestone's observabilityTags in {@code data.observability_tags}; unchanged when there are none. */
    public static CloudEvent tagged(CloudEvent e, java.util.List<String> observabilityTags) {
        if (observabilityTags.isEmpty()) return e;
        ObjectNode data = (ObjectNode) e.data().deepCopy();
        observabilityTags.forEach(data.putArray("observability_tags")::add);
        return new CloudEvent(e.id(), e.type(), e.subject(), e.time(), data);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static JsonNode data(AuditRecord r) {
        ObjectNode data = JSON.createObjectNode();
        data.put("audit_seq", r.seq());
        data.put("actor", r.actor());
        if (r.traceId() != null) data.put("trace_id", r.traceId());
        data.set("details", details(r.payloadJson()));
        return data;
    }

    private static JsonNode details(String payloadJson) {
        if (payloadJson == null) return JSON.createObjectNode();
        try {
            return JSON.readTree(payloadJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit payload is not JSON", e);
        }
    }
}
