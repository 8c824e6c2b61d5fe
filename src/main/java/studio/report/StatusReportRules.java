package studio.report;

import java.util.ArrayList;
import java.util.List;
import studio.definition.Blocker;
import studio.definition.Risk;

/**
 * How a status report words a milestone's situation: its summary status, its progress, its risks, blockers and next
 * steps. Pure: the report's facts in, sentences out.
 */
public final class StatusReportRules {

    /** How many next steps a report lists: the first things to do, not a backlog. */
    static final int NEXT_STEPS = 6;

    private StatusReportRules() {
    }

    /** The spec's summary status (IN PROGRESS / COMPLETE / BLOCKED), and TERMINATED for a milestone given up. */
    public static String summary(String state) {
        return switch (state) {
            case "reached", "closed" -> "COMPLETE";
            case "blocked", "escalated" -> "BLOCKED";
            case "terminated" -> "TERMINATED";
            default -> "IN PROGRESS";
        };
    }

    /** Criteria met, deliverables completed and gates satisfied over all of them; 100 once reached, 0 with nothing to count. */
    public static int percent(String state, int done, int total) {
        if ("reached".equals(state) || "closed".equals(state)) return 100;
        return total == 0 ? 0 : (int) Math.floor(done * 100.0 / total);
    }

    public static List<String> risks(List<Risk> declared, boolean pastTarget, String targetDate, List<String> pendingGates) {
        List<String> out = new ArrayList<>();
        if (pastTarget) out.add("Past its target date (" + targetDate + ") and not reached");
        for (Risk r : declared) {
            StringBuilder s = new StringBuilder(r.risk());
            List<String> facts = new ArrayList<>();
            if (r.likelihood() != null) facts.add("likelihood " + r.likelihood());
            if (r.impact() != null) facts.add("impact " + r.impact());
            if (r.mitigation() != null) facts.add("mitigation: " + r.mitigation());
            if (!facts.isEmpty()) s.append(" (").append(String.join("; ", facts)).append(')');
            out.add(s.toString());
        }
        if (!pendingGates.isEmpty()) out.add("Gates still without a decision: " + String.join(", ", pendingGates));
        return out;
    }

    /** Failing gates first (what Studio measured), then blocked or held sprints, then the blockers the definition declares. */
    public static List<String> blockers(List<StatusReport.Line> failingGates, List<String> sprintHolds, List<Blocker> declared) {
        List<String> out = new ArrayList<>();
        for (StatusReport.Line g : failingGates) {
            String detail = g.note().startsWith("failed: ") ? g.note().substring("failed: ".length()) : "";
            out.add("Gate " + g.text() + " failed" + (detail.isBlank() ? "" : ": " + detail));
        }
        out.addAll(sprintHolds);
        for (Blocker b : declared) {
            String who = b.owner() == null ? "" : " (owner " + b.owner() + (b.priority() == null ? "" : ", " + b.priority() + " priority") + ")";
            out.add(b.issue() + who);
        }
        return out;
    }

    /**
     * What to do next, in the order that unblocks most: fix failing gates, supply missing evidence, obtain approvals,
     * meet criteria, complete deliverables; promote once reached.
     */
    public static List<String> nextSteps(String state, List<StatusReport.Line> gates, List<StatusReport.Line> criteria,
                                         List<StatusReport.Line> deliverables) {
        List<String> out = new ArrayList<>();
        if ("reached".equals(state)) out.add("Promote the milestone to a release");
        if ("closed".equals(state) || "terminated".equals(state)) return out;
        for (StatusReport.Line g : gates) {
            if (g.done()) continue;
            if (g.note().startsWith("failed")) out.add("Fix " + g.text() + " or request an override of it");
        }
        for (StatusReport.Line g : gates) {
            if (g.done() || g.note().startsWith("failed")) continue;
            out.add(g.text().startsWith("manualApproval") ? "Request approval (" + g.text() + ")" : "Provide evidence for " + g.text());
        }
        criteria.stream().filter(c -> !c.done()).forEach(c -> out.add("Meet criterion: " + c.text()));
        deliverables.stream().filter(d -> !d.done()).forEach(d -> out.add("Complete deliverable " + d.text()));
        if ("blocked".equals(state)) out.add("Resume evaluation once fixed");
        return out.size() > NEXT_STEPS ? List.copyOf(out.subList(0, NEXT_STEPS)) : List.copyOf(out);
    }
}
