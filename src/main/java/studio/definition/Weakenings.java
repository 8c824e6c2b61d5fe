package studio.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import studio.format.Percent;
import studio.gate.GateCondition;

/**
 * What a new definition of a milestone would loosen compared with the one in force: a gate removed, a threshold
 * lowered, different people allowed to approve or govern, overrides or deferrals newly allowed, a required feature
 * dropped, more timer retries of a blocked milestone (fewer retries, or none, is stricter), sprint scopes no longer needing approval (planningMode assisted or manual-only to autonomous). A milestone already past Planned takes such a change only once someone other than its author approves it;
 * anything else (names, dates, new gates, higher thresholds) applies at once. Both sides are read with the same
 * installation defaults, so a change of defaults is not mistaken for a change of the milestone.
 */
public final class Weakenings {

    private Weakenings() {}

    /** One sentence per loosening, in a stable order; empty when the change only keeps or tightens the rules. */
    public static List<String> of(MilestoneDefinition before, MilestoneDefinition after, DefinitionDefaults defaults) {
        List<String> out = new ArrayList<>();
        gates(GateCatalog.resolveGates(before, defaults), GateCatalog.resolveGates(after, defaults), out);
        if (!before.effectiveApprovalRoles().equals(after.effectiveApprovalRoles())) {
            out.add("changes who approves overrides from " + before.effectiveApprovalRoles() + " to " + after.effectiveApprovalRoles());
        }
        if (!before.effectiveGovernedBy().equals(after.effectiveGovernedBy())) {
            out.add("changes who governs it from " + before.effectiveGovernedBy() + " to " + after.effectiveGovernedBy());
        }
        if (!before.effectiveManualOverrideAllowed(defaults) && after.effectiveManualOverrideAllowed(defaults)) {
            out.add("turns on manualOverrideAllowed");
        }
        if (before.effectivePlanningMode(defaults).requiresScopeApproval() && !after.effectivePlanningMode(defaults).requiresScopeApproval()) {
            out.add("changes planningMode from " + before.effectivePlanningMode(defaults).json() + " to "
                    + after.effectivePlanningMode(defaults).json() + " (sprint scopes no longer need approval)");
        }
        int retriesBefore = before.effectiveTimerRetries(defaults);
        int retriesAfter = after.effectiveTimerRetries(defaults);
        // More timer retries are more chances for gates to pass on a re-run; fewer (or none) end it sooner: stricter.
        if (retriesAfter > retriesBefore) {
            out.add("raises the timer's retries of a blocked milestone from " + retriesBefore + " to " + retriesAfter);
        }
        approvals("overrideApprovals", before.overrideApprovals(), after.overrideApprovals(), out);
        approvals("bypassApprovals", before.bypassApprovals(), after.bypassApprovals(), out);
        if (!before.allowsDeferral() && after.allowsDeferral()) out.add("allows required features to be deferred out of its gates");
        before.requiredFeatures().stream().filter(f -> !after.requiredFeatures().contains(f))
                .forEach(f -> out.add("no longer requires feature " + f));
        return List.copyOf(out);
    }

    private static void gates(List<GateCondition> before, List<GateCondition> after, List<String> out) {
        Map<String, GateCondition> now = new LinkedHashMap<>();
        after.forEach(g -> now.put(g.key(), g));
        for (GateCondition old : before) {
            GateCondition next = now.get(old.key());
            if (next == null) out.add("removes gate " + shown(old));
            else if (old instanceof GateCondition.Coverage c && next instanceof GateCondition.Coverage n && n.threshold() < c.threshold()) {
                out.add("lowers " + old.name() + " from " + Percent.plain(c.threshold()) + " to " + Percent.plain(n.threshold()));
            } else if (old instanceof GateCondition.Signal s && next instanceof GateCondition.Signal n) {
                if (s.threshold() != null && (n.threshold() == null || n.threshold() < s.threshold())) {
                    out.add("lowers " + old.name() + " from " + Percent.plain(s.threshold()) + " to "
                            + (n.threshold() == null ? "no threshold" : Percent.plain(n.threshold())));
                } else if (!Objects.equals(s.expected(), n.expected())) {
                    out.add("changes what " + old.name() + " expects from " + s.expected() + " to " + n.expected());
                }
            }
        }
    }

    /** Any change but "more people of the same kind" (a higher count, or more roles named) may loosen who approves. */
    private static void approvals(String key, Approvals before, Approvals after, List<String> out) {
        if (Objects.equals(before, after)) return;
        int from = before == null ? 1 : before.count() != null ? before.count() : 0;
        boolean moreOfTheSame = after != null && (after.count() != null ? (before == null || before.count() != null) && after.count() > from
                : before != null && before.count() == null && after.roles().containsAll(before.roles()));
        if (!moreOfTheSame) out.add("changes " + key + " from " + written(before) + " to " + written(after));
    }

    private static String written(Approvals a) {
        return a == null ? "the default" : String.valueOf(a.written());
    }

    private static String shown(GateCondition g) {
        return g instanceof GateCondition.ManualApproval m ? m.name() + ": " + m.role() : g.name();
    }
}
