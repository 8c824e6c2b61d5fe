package studio.gate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import studio.format.Percent;
import studio.gate.MilestoneEvidence.CoverageFact;

/**
 * {@code qaCoverageAbove: N} and its aliases: the aggregate coverage of the in-scope features is at least N. The
 * aggregate is weighted by test count when every in-scope feature has a positive test count, else the plain mean;
 * the comparison is exact (sum of value x weight against N x total weight, in decimals), so 90 against 90 passes
 * and 89.95 against 90 fails whatever binary floating point would say.
 */
final class CoverageRule {

    private CoverageRule() {}

    /** The aggregate over the in-scope features that have coverage data. */
    record Aggregate(List<CoverageFact> facts, List<String> missing, boolean weighted, BigDecimal sum, BigDecimal weight) {

        static Aggregate of(MilestoneScope scope, MilestoneEvidence ev) {
            List<CoverageFact> facts = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String feature : scope.features()) {
                CoverageFact fact = ev.coverage().get(feature);
                if (fact == null) missing.add(feature);
                else facts.add(fact);
            }
            boolean weighted = missing.isEmpty() && !facts.isEmpty() && facts.stream().allMatch(f -> f.tests() > 0);
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal weight = BigDecimal.ZERO;
            for (CoverageFact f : facts) {
                BigDecimal w = weighted ? BigDecimal.valueOf(f.tests()) : BigDecimal.ONE;
                sum = sum.add(Percent.exact(f.percent()).multiply(w));
                weight = weight.add(w);
            }
            return new Aggregate(List.copyOf(facts), List.copyOf(missing), weighted, sum, weight);
        }

        /** Null when no in-scope feature has data. */
        BigDecimal value() {
            return facts.isEmpty() ? null : sum.divide(weight, MathContext.DECIMAL128);
        }

        boolean atLeast(BigDecimal threshold) {
            return !facts.isEmpty() && sum.compareTo(threshold.multiply(weight)) >= 0;
        }
    }

    static GateResult evaluate(GateCondition.Coverage gate, MilestoneScope scope, MilestoneEvidence ev) {
        if (scope.features().isEmpty()) {
            return Results.of(gate, GateStatus.PENDING, gate.threshold(), null, "no required features in scope", List.of());
        }
        Aggregate agg = Aggregate.of(scope, ev);
        BigDecimal threshold = Percent.exact(gate.threshold());
        List<EvidenceRef> evidence = agg.facts().stream().map(CoverageFact::source).toList();
        Double actual = Percent.oneDecimal(agg.value());
        if (!agg.missing().isEmpty()) {
            return Results.of(gate, GateStatus.FAILED, gate.threshold(), actual, missingDetail(agg), evidence);
        }
        boolean passed = agg.atLeast(threshold);
        String detail = passed ? passedDetail(agg, threshold) : failedDetail(agg, threshold);
        return Results.of(gate, passed ? GateStatus.PASSED : GateStatus.FAILED, gate.threshold(), actual, detail, evidence);
    }

    /** "BookingFlow 93.1%, Notification.Email.Send 89.6%; aggregate 91.3% (weighted by test count) is at least 90". */
    private static String passedDetail(Aggregate agg, BigDecimal threshold) {
        String method = agg.weighted() ? "weighted by test count" : "plain mean";
        return listing(agg.facts()) + "; aggregate " + Percent.shown(agg.value()) + " (" + method + ") is at least " + Percent.plain(threshold);
    }

    /** "Notification.Email.Send 89.6% is below 90; aggregate 88.0% is below 90". */
    private static String failedDetail(Aggregate agg, BigDecimal threshold) {
        String t = Percent.plain(threshold);
        String below = agg.facts().stream()
                .filter(f -> Percent.exact(f.percent()).compareTo(threshold) < 0)
                .map(f -> f.feature() + " " + Percent.shownBelow(Percent.exact(f.percent()), threshold) + " is below " + t)
                .collect(Collectors.joining(", "));
        return below + "; aggregate " + Percent.shownBelow(agg.value(), threshold) + " is below " + t;
    }

    /** "no coverage data for Auth.Login; BookingFlow 93.1%". */
    private static String missingDetail(Aggregate agg) {
        String detail = "no coverage data for " + String.join(", ", agg.missing());
        return agg.facts().isEmpty() ? detail : detail + "; " + listing(agg.facts());
    }

    private static String listing(List<CoverageFact> facts) {
        return facts.stream().map(f -> f.feature() + " " + Percent.shown(Percent.exact(f.percent()))).collect(Collectors.joining(", "));
    }
}
