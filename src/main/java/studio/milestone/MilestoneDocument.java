package studio.milestone;

import studio.web.DocumentFile;

/** The coordinator's documents of one milestone, by the file names the spec gives them. */
public enum MilestoneDocument implements DocumentFile {
    VALIDATION_REPORT("validation-report.md", "Validation report", "text/markdown; charset=UTF-8"),
    PROMOTION_TRIGGER("promotion-trigger.yaml", "Promotion trigger", "application/yaml; charset=UTF-8"),
    INTERVENTION_EVENTS("intervention-events.json", "Intervention events", "application/json; charset=UTF-8");

    private final String file;
    private final String title;
    private final String mediaType;

    MilestoneDocument(String file, String title, String mediaType) {
        this.file = file;
        this.title = title;
        this.mediaType = mediaType;
    }

    /** @throws studio.web.ApiException 404 naming the documents there are */
    public static MilestoneDocument named(String file) {
        return DocumentFile.named(values(), "a milestone", file);
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String mediaType() {
        return mediaType;
    }

    /** Only the validation report can be read as of a past moment (it is built from the gate report). */
    public boolean historic() {
        return this == VALIDATION_REPORT;
    }
}
