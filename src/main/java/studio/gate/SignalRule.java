package studio.gate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import studio.format.Percent;
import studio.gate.MilestoneEvidence.SignalFact;

/**
 * Signal gates ({@code securityValidated}, {@code resilienceScoreAbove: 85}, ...): decided by the newest
 * GateSignal for the milestone and gate name. A "fail" status fails; with a threshold the signal's value must be at
 * least the threshold (no value: pending); with an expected status the status must equal it; otherwise "pass"
 * passes. The signal's own detail is carried along.
 */
final class SignalRule {

    private SignalRule() {}

    static GateResult evaluate(GateCondition.Signal gate, MilestoneEvidence ev) {
        SignalFact signal = ev.signals().get(gate.name());
        if (signal == null) return Results.of(gate, GateStatus.PENDING, gate.threshold(), null, "no " + gate.name() + " signal yet", List.of());
        String status = signal.status() == null ? "" : signal.status().toLowerCase(Locale.ROOT);
        Verdict verdict = verdict(gate, signal, status);
        String detail = signal.detail() == null || signal.detail().isBlank() ? verdict.text : verdict.text + ": " + signal.detail();
        return Results.of(gate, verdict.status, gate.threshold(), signal.value(), detail, List.of(signal.source()));
    }

    private record Verdict(GateStatus status, String text) {}

    private static Verdict verdict(GateCondition.Signal gate, SignalFact signal, String status) {
        if (status.equals("fail")) return new Verdict(GateStatus.FAILED, "signal failed");
        if (!status.equals("pass")) return new Verdict(GateStatus.PENDING, "signal status '" + signal.status() + "' is neither pass nor fail");
        if (gate.threshold() != null) return compare(gate.threshold(), signal.value());
        if (gate.expected() != null && !gate.expected().equalsIgnoreCase(status)) {
            return new Verdict(GateStatus.FAILED, "signal status " + status + ", expected " + gate.expected());
        }
        return new Verdict(GateStatus.PASSED, "signal passed");
    }

    private static Verdict compare(double threshold, Double value) {
        String t = Percent.plain(threshold);
        if (value == null) return new Verdict(GateStatus.PENDING, "signal has no value to compare with " + t);
        BigDecimal v = Percent.exact(value);
        if (v.compareTo(Percent.exact(threshold)) >= 0) return new Verdict(GateStatus.PASSED, "value " + Percent.plain(v) + " is at least " + t);
        return new Verdict(GateStatus.FAILED, "value " + Percent.plain(v) + " is below " + t);
    }
}
