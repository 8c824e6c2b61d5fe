package studio.gate;

import java.util.List;

/**
 * The verdict on one gate, with the reasons a person needs: what was expected ({@code threshold} or {@code role}),
 * what was found ({@code actual}), a sentence ({@code detail}) and the evidence used.
 * {@code overriddenBy} names the approved override that covers a failing gate, else null.
 */
public record GateResult(
        String condition,
        GateStatus status,
        Double threshold,
        String role,
        Double actual,
        String detail,
        List<EvidenceRef> evidence,
        Long overrideId,
        String overriddenBy) {

    /** The gate's {@link GateCondition#key()}: its condition, and for a manual gate its role too. */
    public String key() {
        return role == null ? condition : condition + ":" + role;
    }
}
