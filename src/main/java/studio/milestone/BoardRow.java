package studio.milestone;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One milestone as the board and the gate matrix read it: the columns they show and the gate report stored on the row
 * by the last evaluation (null before the first). Everything a card needs comes from here, so a whole board is one
 * query. {@code paused}: "Paused by X: reason", or null.
 */
public record BoardRow(String id, String name, String description, String phase, String owner, String governedBy,
                       List<String> labels, String versionTag, String state, Instant stateSince, Instant updatedAt,
                       long changeSeq, List<String> requiredFeatures, Summary summary, String paused) {

    /** Not paused, the report already parsed. */
    public BoardRow(String id, String name, String description, String phase, String owner, String governedBy,
                    List<String> labels, String versionTag, String state, Instant stateSince, Instant updatedAt,
                    long changeSeq, List<String> requiredFeatures, JsonNode report) {
        this(id, name, description, phase, owner, governedBy, labels, versionTag, state, stateSince, updatedAt, changeSeq,
                requiredFeatures, Summary.of(report), null);
    }

    /**
     * The stored gate report as the row holds it: its JSON text, parsed the first time something reads it. A board
     * card whose HTML is cached ({@link BoardCards}) only compares the text, so a board of unchanged cards parses
     * nothing.
     */
    public static final class Summary {

        private final String text;
        private volatile JsonNode parsed;

        private Summary(String text, JsonNode parsed) {
            this.text = text;
            this.parsed = parsed;
        }

        /** As read from the database: null when the milestone was never evaluated. */
        public static Summary of(String text) {
            return new Summary(text, null);
        }

        public static Summary of(JsonNode report) {
            return new Summary(report == null ? null : report.toString(), report);
        }

        /** The JSON text, null before the first evaluation. */
        public String text() {
            return text;
        }

        /** Whether something read the report (for tests). */
        boolean parsed() {
            return parsed != null;
        }

        JsonNode node() {
            JsonNode node = parsed;
            if (node == null && text != null) parsed = node = MilestoneReadout.parse(text);
            return node;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Summary s && java.util.Objects.equals(text, s.text);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(text);
        }
    }

    /** The stored gate report, null before the first evaluation. */
    public JsonNode report() {
        return summary == null ? null : summary.node();
    }

    /** One gate as the stored report gives it (milestone-status.json's gates[]). */
    public record Gate(String condition, String status, Double threshold, String role, Double actual, String detail,
                       String overriddenBy) {}

    public BoardRow {
        summary = summary == null ? Summary.of((String) null) : summary;
        labels = labels == null ? List.of() : List.copyOf(labels);
        requiredFeatures = requiredFeatures == null ? List.of() : List.copyOf(requiredFeatures);
    }

    /** What people call the milestone: its name, else its id. */
    public String title() {
        return name == null || name.isBlank() ? id : name;
    }

    public List<Gate> gates() {
        List<Gate> gates = new ArrayList<>();
        JsonNode report = report();
        if (report == null) return gates;
        for (JsonNode g : report.path("gates")) {
            gates.add(new Gate(g.path("condition").asText(), g.path("status").asText(), number(g.get("threshold")),
                    text(g.get("role")), number(g.get("actual")), text(g.get("detail")), text(g.get("overridden_by"))));
        }
        return gates;
    }

    /** The aggregate QA coverage of the required features, null without data. */
    public Double coverage() {
        JsonNode report = report();
        return report == null ? null : number(report.get("qa_coverage_avg"));
    }

    public List<String> featuresCovered() {
        return strings("features_covered");
    }

    public List<String> sprintsContributing() {
        return strings("sprints_contributing");
    }

    private List<String> strings(String field) {
        List<String> out = new ArrayList<>();
        JsonNode report = report();
        if (report != null) report.path(field).forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Double number(JsonNode n) {
        return n == null || !n.isNumber() ? null : n.doubleValue();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
