package studio.sprint;

import java.time.Instant;

/**
 * A piece of evidence as it was received (a trace matrix, a QA report, execution metadata, an event), listed with
 * enough to find it; its body is read only when someone views or downloads it.
 *
 * @param size the body's length in characters
 */
public record EvidenceDocument(long id, String kind, String eventType, String contentType, Instant occurredAt,
                               Instant receivedAt, String actor, String traceId, long size) {

    /** "Trace matrix", "QA report", "Execution metadata", "Event SprintClosed". */
    public String label() {
        return switch (kind) {
            case "trace-matrix" -> "Trace matrix";
            case "qa-report" -> "QA report";
            case "execution" -> "Execution metadata";
            case "event" -> "Event " + (eventType == null ? "" : eventType);
            default -> kind;
        };
    }

    public boolean markdown() {
        return contentType != null && contentType.startsWith("text/markdown");
    }

    /** What a download is served as: the type it arrived with for JSON and markdown, else plain text. */
    public String downloadType() {
        if (markdown()) return "text/markdown; charset=UTF-8";
        if (contentType != null && contentType.startsWith("application/json")) return "application/json";
        return "text/plain; charset=UTF-8";
    }

    /** "sprint-3-trace-matrix-42.json": names the sprint, the kind and the evidence row. */
    public String fileName(String sprintId) {
        String extension = markdown() ? "md" : contentType != null && contentType.startsWith("application/json") ? "json" : "txt";
        return sprintId + "-" + kind + "-" + id + "." + extension;
    }

    public String href(String sprintId) {
        return "/sprints/" + sprintId + "/evidence/" + id;
    }
}
