package studio.definition;

import java.util.Locale;

/** A backlog item's status: Planned -> InProgress -> Completed/Deferred. */
public enum FeatureStatus {
    PLANNED("planned"), IN_PROGRESS("in-progress"), COMPLETED("completed"), DEFERRED("deferred");

    private final String json;

    FeatureStatus(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** Reads "in-progress", "InProgress", "in_progress", "In Progress" alike; null when it is none of the four. */
    public static FeatureStatus parse(String written) {
        String folded = written.replaceAll("[-_\\s]", "").toLowerCase(Locale.ROOT);
        for (FeatureStatus s : values()) if (s.json.replace("-", "").equals(folded)) return s;
        return null;
    }
}
