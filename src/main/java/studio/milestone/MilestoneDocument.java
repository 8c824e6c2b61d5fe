package studio.milestone;

import studio.web.DocumentFile;

/** The coordinator's documents of one milestone, by the file names the spec gives them. */
public enum MilestoneDocument implements DocumentFile {
    VALIDATION_REPORT("validation-report.md", "Validation report", "text/markdown; charset=UTF-8"),
    PROMOTION_TRIGGER("promotion-trigger.yaml", "Promotion trigger", "application/yaml; charset=UTF-8"),
    INTERVENTION_EVENTS("intervention-events.json", "Intervention events", "application/json; charset=UTF-8"),
    SPRINT_MAP("milestone-sprint-map.json", "Milestone sprint map", "application/json; charset=UTF-8"),
    GATE_STATUS("milestone-gate-status.json", "Milestone gate status", "application/json; charset=UTF-8"),
    SUMMARY("milestone-summary.json", "Milestone summary", "application/json; charset=UTF-8"),
    RETRY_HISTORY("retry-history.json", "Retry history", "application/json; charset=UTF-8");

    /** The documents of the coordinator's steps (sprint map, gate status, summary, retry history). */
    public static final java.util.List<MilestoneDocument> STEPS = java.util.List.of(SPRINT_MAP, GATE_STATUS, SUMMARY, RETRY_HISTORY);

    private final Spec spec;

    MilestoneDocument(String file, String title, String mediaType) {
        this.spec = new Spec(file, title, mediaType);
    }

    /** @throws studio.web.ApiException 404 naming the documents there are */
    public static MilestoneDocument named(String file) {
        return DocumentFile.named(values(), "a milestone", file);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    /** Only the validation report can be read as of a past moment (it is built from the gate report). */
    public boolean historic() {
        return this == VALIDATION_REPORT;
    }
}
