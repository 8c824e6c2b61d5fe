package studio.milestone;

import java.util.Arrays;
import studio.web.ApiException;

/** The coordinator's documents of one milestone, by the file names the spec gives them. */
public enum MilestoneDocument {
    VALIDATION_REPORT("validation-report.md", "Validation report", "text/markdown; charset=UTF-8"),
    PROMOTION_TRIGGER("promotion-trigger.yaml", "Promotion trigger", "application/yaml; charset=UTF-8"),
    INTERVENTION_EVENTS("intervention-events.json", "Intervention events", "application/json; charset=UTF-8"),
    SPRINT_MAP("milestone-sprint-map.json", "Milestone sprint map", "application/json; charset=UTF-8"),
    GATE_STATUS("milestone-gate-status.json", "Milestone gate status", "application/json; charset=UTF-8"),
    SUMMARY("milestone-summary.json", "Milestone summary", "application/json; charset=UTF-8"),
    RETRY_HISTORY("retry-history.json", "Retry history", "application/json; charset=UTF-8");

    /** The documents of the coordinator's steps (sprint map, gate status, summary, retry history). */
    public static final java.util.List<MilestoneDocument> STEPS = java.util.List.of(SPRINT_MAP, GATE_STATUS, SUMMARY, RETRY_HISTORY);

    private final String file;
    private final String title;
    private final String mediaType;

    MilestoneDocument(String file, String title, String mediaType) {
        this.file = file;
        this.title = title;
        this.mediaType = mediaType;
    }

    public static MilestoneDocument named(String file) {
        return Arrays.stream(values()).filter(d -> d.file.equals(file)).findFirst()
                .orElseThrow(() -> ApiException.notFound("a milestone has no document " + file
                        + " (its documents: " + String.join(", ", Arrays.stream(values()).map(MilestoneDocument::file).toList()) + ")"));
    }

    public String file() {
        return file;
    }

    public String title() {
        return title;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Only the validation report can be read as of a past moment (it is built from the gate report). */
    public boolean historic() {
        return this == VALIDATION_REPORT;
    }
}
