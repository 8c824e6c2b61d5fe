package studio.milestone;

import java.util.List;
import java.util.Set;
import studio.format.Percent;
import studio.gate.EvidenceRef;
import studio.gate.GateCondition;
import studio.gate.GateResult;
import studio.milestone.MilestonePage.EvidenceLink;
import studio.milestone.MilestonePage.GateRow;

/** How a person reads a gate result: what it asks for, what was found, and where its evidence is. */
public final class GateReadings {

    /** Evidence kinds whose id is a row of the evidence table (the rest are override requests and decisions). */
    static final Set<String> STORED_EVIDENCE = Set.of("event", "trace-matrix", "qa-report", "execution", "signal");

    private GateReadings() {
    }

    /** @param condition the gate as the current definition resolves it, or null when it no longer has this gate */
    public static GateRow row(GateResult g, GateCondition condition, String milestoneId) {
        return row(g, condition, milestoneId, g.condition());
    }

    /** @param label the gate as the milestone names it (see {@link GateRow#label()}) */
    public static GateRow row(GateResult g, GateCondition condition, String milestoneId, String label) {
        return new GateRow(g.condition(), g.status().json(), expected(g, condition), found(g, condition), g.detail(),
                links(g.evidence(), milestoneId), g.overrideId(), g.overriddenBy(), label);
    }

    static String expected(GateResult g, GateCondition condition) {
        if (condition instanceof GateCondition.Coverage c) return "at least " + percent(c.threshold());
        if (condition instanceof GateCondition.Signal s) {
            if (s.threshold() != null) return "at least " + number(s.threshold());
            return s.expected() != null ? "signal " + s.expected() : "passing signal";
        }
        if (condition instanceof GateCondition.ManualApproval m) return "approval by " + m.role();
        if (condition instanceof GateCondition.AllSprintsClosed) return "required features in closed sprints";
        if (condition instanceof GateCondition.TraceMatrixComplete) return "every required feature traced";
        if (condition instanceof GateCondition.NoManualOverridesActive) return "no active override";
        if (condition instanceof GateCondition.AllTestsPass) return "no failed tests";
        if (g.role() != null) return "approval by " + g.role();
        return g.threshold() == null ? null : "at least " + number(g.threshold());
    }

    static String found(GateResult g, GateCondition condition) {
        if (g.actual() == null) return null;
        return condition instanceof GateCondition.Coverage ? percent(g.actual()) : number(g.actual());
    }

    static List<EvidenceLink> links(List<EvidenceRef> evidence, String milestoneId) {
        return evidence.stream().map(e -> new EvidenceLink(e.kind(), e.id(), href(e, milestoneId))).toList();
    }

    private static String href(EvidenceRef e, String milestoneId) {
        if (STORED_EVIDENCE.contains(e.kind())) return "/milestones/" + MilestonePaths.segment(milestoneId) + "/evidence/" + e.id();
        return "override".equals(e.kind()) ? "#override-" + e.id() : null;
    }

    /** 90 -> "90.0%", 91.35 -> "91.4%": coverage is shown with one decimal (docs/API.md). */
    static String percent(double value) {
        return Percent.shown(value, null);
    }

    /** 85.0 -> "85", 7.25 -> "7.25". */
    static String number(double value) {
        return Percent.plain(value);
    }
}
