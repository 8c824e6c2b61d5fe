package studio.release.document;

import studio.gate.GateResult;

/**
 * A milestone gate's result as a release records it (the milestone read-out's gate shape).
 *
 * @param status     passed, failed, pending or overridden
 * @param overrideId the approved override covering the gate, else null
 */
public record GateOutcome(String condition, String status, Double threshold, String role, Double actual, String detail, Long overrideId) {

    public static GateOutcome of(GateResult r) {
        return new GateOutcome(r.condition(), r.status().json(), r.threshold(), r.role(), r.actual(), r.detail(), r.overrideId());
    }
}
