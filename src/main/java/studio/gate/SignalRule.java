package studio.gate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import studio.format.Percent;
import studio.gate.MilestoneEvidence.SignalFact;

/**
 * Signal gates ({@code securityValidated}, {@code resilienceScoreAbove: 85}, ...): decided by the newest
 * GateSignal for the milestone and gate name. With a threshold the signal's value decides: at least the threshold
 * passes, below fails; a status sent beside the value that disagrees is noted, and the value still decides (docs/API.md);
 * without a value a "fail" status fails and anything else waits. Without a threshold the status decides: "fail"
 * fails, an expected status must be matched, "pass" passes. The signal's own detail is carried along.
 */
public final class SignalRule {

    private SignalRule() {}

    static GateResult evaluate(GateCondition.Signal gate, MilestoneEvidence ev) {
        SignalFact signal = ev.signals().get(gate.name());
        if (signal == null) return Results.of(gate, GateStatus.PENDING, gate.threshold(), null, "no " + gate.name() + " signal yet", List.of());
        String status = signal.status() == null ? "" : signal.status().toLowerCase(Locale.ROOT);
        Verdict verdict = gate.threshold() != null ? byValue(gate.threshold(), signal.value(), status) : byStatus(gate, signal, status);
        String detail = signal.detail() == null || signal.detail().isBlank() ? verdict.text : verdict.text + ": " + signal.detail();
        return Results.of(gate, verdict.status, gate.threshold(), signal.value(), detail, List.of(signal.source()));
    }

    /** Why a signal carrying only {@code status} and {@code value} can never decide {@code gate}, or null when it can. */
    public static String whyUnusable(GateCondition.Signal gate, String status, Double value) {
        if (gate.threshold() == null && status == null) {
            return "gate " + gate.name() + " is decided by a status (pass or fail); this signal carries only a value";
        }
        return null;
    }

    private record Verdict(GateStatus status, String text) {}

    private static Verdict byStatus(GateCondition.Signal gate, SignalFact signal, String status) {
        if (status.equals("fail")) return new Verdict(GateStatus.FAILED, "signal failed");
        if (!status.equals("pass")) return new Verdict(GateStatus.PENDING, "signal status '" + signal.status() + "' is neither pass nor fail");
        if (gate.expected() != null && !gate.expected().equalsIgnoreCase(status)) {
            return new Verdict(GateStatus.FAILED, "signal status " + status + ", expected " + gate.expected());
        }
        return new Verdict(GateStatus.PASSED, "signal passed");
    }

    private static Verdict byValue(double threshold, Double value, String status) {
        String t = Percent.plain(threshold);
        if (value == null) {
            return status.equals("fail") ? new Verdict(GateStatus.FAILED, "signal failed")
                    : new Verdict(GateStatus.PENDING, "signal has no value to compare with " + t);
        }
        BigDecimal v = Percent.exact(value);
        boolean atLeast = v.compareTo(Percent.exact(threshold)) >= 0;
        String text = "value " + Percent.plain(v) + (atLeast ? " is at least " : " is below ") + t;
        boolean disagrees = (atLeast && status.equals("fail")) || (!atLeast && status.equals("pass"));
        if (disagrees) text += " (the signal's status '" + status + "' disagrees; the value decides)";
        return new Verdict(atLeast ? GateStatus.PASSED : GateStatus.FAILED, text);
    }
}
