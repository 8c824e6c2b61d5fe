package studio.milestone;

import io.quarkus.qute.RawString;
import java.time.Instant;
import java.util.List;
import studio.definition.GateCatalog;

/**
 * A milestone's card on the board: what a product owner scans for at a glance. Built from the row and its stored
 * report only (no further reads), so a board of a hundred cards costs no more queries than a board of five.
 *
 * @param coverage  aggregate QA coverage of the required features, null without data
 * @param threshold the coverage gate's threshold, null when the milestone has no coverage gate (then no bar)
 * @param html      the card rendered, as the board shows it ({@link BoardCards}); null until rendered
 */
public record BoardCard(String id, String title, String state, Instant stateSince, String versionTag, String governedBy,
                        Double coverage, Double threshold, List<FeatureMark> features, List<String> sprints,
                        List<OverrideMark> overrides, int gatesSatisfied, int gatesTotal, List<String> failingGates, String paused,
                        RawString html) {

    /** A required feature, delivered when a closed contributing sprint delivered it. */
    public record FeatureMark(String id, boolean delivered) {}

    /** A gate passed by an approved override, and who approved it. */
    public record OverrideMark(String gate, String by) {}

    public static BoardCard of(BoardRow row) {
        List<BoardRow.Gate> gates = row.gates();
        List<String> covered = row.featuresCovered();
        return new BoardCard(row.id(), row.title(), row.state(), row.stateSince(), row.versionTag(), row.governedBy(),
                row.coverage(), coverageThreshold(gates),
                row.requiredFeatures().stream().map(f -> new FeatureMark(f, covered.contains(f))).toList(),
                row.sprintsContributing(),
                gates.stream().filter(g -> "overridden".equals(g.status())).map(g -> new OverrideMark(g.condition(), g.overriddenBy())).toList(),
                (int) gates.stream().filter(g -> "passed".equals(g.status()) || "overridden".equals(g.status())).count(),
                gates.size(),
                gates.stream().filter(g -> "failed".equals(g.status())).map(BoardRow.Gate::condition).toList(), row.paused(), null);
    }

    /** This card with its rendered HTML. */
    BoardCard rendered(String markup) {
        return new BoardCard(id, title, state, stateSince, versionTag, governedBy, coverage, threshold, features, sprints,
                overrides, gatesSatisfied, gatesTotal, failingGates, paused, new RawString(markup));
    }

    private static Double coverageThreshold(List<BoardRow.Gate> gates) {
        return gates.stream().filter(g -> GateCatalog.kindOf(g.condition()) == GateCatalog.Kind.COVERAGE)
                .map(BoardRow.Gate::threshold).filter(t -> t != null).findFirst().orElse(null);
    }

    public boolean hasCoverageGate() {
        return threshold != null;
    }

    /** The id of the element holding the card in its lane (ids use only letters, digits and . _ : -: valid HTML ids). */
    public String slotId() {
        return slotId(id);
    }

    public static String slotId(String milestoneId) {
        return "slot-" + milestoneId;
    }
}
