package studio.gate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.format.Percent;
import studio.gate.MilestoneEvidence.CoverageFact;
import studio.gate.MilestoneEvidence.OverrideFact;

/**
 * Evaluates a milestone's gates against its evidence, with the exact meanings of docs/API.md "Gate conditions". Pure:
 * the same inputs (including {@code ev.now()}) always give the same report.
 */
public final class GateEngine {

    private GateEngine() {}

    /**
     * @param requiredFeatures the milestone's requiredFeatures (deferred ones in {@code ev.deferred()} are out of scope)
     * @param gates            its resolved gate conditions, in definition order (the report keeps that order)
     */
    public static GateReport evaluate(List<String> requiredFeatures, List<GateCondition> gates, MilestoneEvidence ev) {
        MilestoneScope scope = MilestoneScope.of(requiredFeatures, ev);
        List<OverrideFact> active = OverrideRule.active(ev);
        List<GateResult> results = new ArrayList<>();
        for (GateCondition gate : gates) {
            results.add(OverrideRule.apply(gate, evaluate(gate, scope, ev), active, gates));
        }
        CoverageRule.Aggregate coverage = CoverageRule.Aggregate.of(scope, ev);
        return new GateReport(List.copyOf(results), Percent.oneDecimal(coverage.value()), featureCoverage(scope, ev),
                scope.contributingIds(), scope.featuresDeliveredByClosedSprints());
    }

    static GateResult evaluate(GateCondition gate, MilestoneScope scope, MilestoneEvidence ev) {
        if (gate instanceof GateCondition.AllSprintsClosed) return SprintClosureRule.evaluate(gate, scope);
        if (gate instanceof GateCondition.Coverage c) return CoverageRule.evaluate(c, scope, ev);
        if (gate instanceof GateCondition.TraceMatrixComplete) return TraceRule.evaluate(gate, scope, ev);
        if (gate instanceof GateCondition.NoManualOverridesActive) return OverrideRule.evaluateNoneActive(gate, ev);
        if (gate instanceof GateCondition.AllTestsPass) return TestsRule.evaluate(gate, scope, ev);
        if (gate instanceof GateCondition.SprintScopesApproved) return ScopeApprovalRule.evaluate(gate, ev);
        if (gate instanceof GateCondition.ManualApproval m) return ManualApprovalRule.evaluate(m, ev);
        if (gate instanceof GateCondition.Signal s) return SignalRule.evaluate(s, ev);
        throw new IllegalArgumentException("unknown gate kind " + gate);
    }

    /** Per in-scope feature its coverage as reported, or null when it has none (a map that allows nulls). */
    private static Map<String, Double> featureCoverage(MilestoneScope scope, MilestoneEvidence ev) {
        Map<String, Double> byFeature = new LinkedHashMap<>();
        for (String feature : scope.features()) {
            CoverageFact fact = ev.coverage().get(feature);
            byFeature.put(feature, fact == null ? null : fact.percent());
        }
        return Collections.unmodifiableMap(byFeature);
    }
}
