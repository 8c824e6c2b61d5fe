package studio.gate;

/**
 * One entry of a milestone's {@code gateConditions}, as the definition wrote it.
 * {@link #name()} is the condition exactly as written ({@code testCoverageAbove}, {@code testCoverageAbove90},
 * {@code manualApproval}); read-outs show that name, never a canonical alias.
 */
public sealed interface GateCondition {

    String name();

    /**
     * What tells this gate apart from the milestone's others: its name, and for a manual gate its name and role
     * ("manualApproval:security-officer"), since a milestone may ask several roles to sign off.
     */
    default String key() {
        return name();
    }

    /**
     * A person's reference to a gate from its name and, for a manual gate, the role written beside it (the API's
     * {@code "role"} field, the page's role field): "manualApproval" with "security-officer" is the key
     * "manualApproval:security-officer"; without a role the bare name, which {@link #namedBy} resolves.
     */
    static String reference(String name, String role) {
        return name == null || role == null || role.isBlank() ? name : name + ":" + role.strip();
    }

    /**
     * Whether a person's reference names this gate: its key, or its bare name ("manualApproval") when that is
     * unambiguous among {@code all} (the milestone's gates).
     */
    default boolean namedBy(String reference, java.util.List<GateCondition> all) {
        if (reference == null) return false;
        String ref = reference.replace(" ", "");
        if (ref.equals(key())) return true;
        return ref.equals(name()) && all.stream().filter(g -> g.name().equals(name())).count() == 1;
    }

    /** Every required feature delivered by a Closed sprint and no contributing sprint Blocked. */
    record AllSprintsClosed(String name) implements GateCondition {}

    /**
     * {@code qaCoverageAbove: N}, {@code testCoverageAbove: N}, {@code testCoverageAbove90}: aggregate coverage of
     * the required features is at least {@code threshold}. {@code explicit} is false when the threshold came from
     * the milestone's or the global default.
     */
    record Coverage(String name, double threshold, boolean explicit) implements GateCondition {}

    /** Every required feature in a contributing sprint's trace matrix with at least one test and one artifact. */
    record TraceMatrixComplete(String name) implements GateCondition {}

    /** No approved, unexpired, unrevoked override on the milestone. */
    record NoManualOverridesActive(String name) implements GateCondition {}

    /** {@code allTestsPass}, {@code allTestsPassed}, {@code testsPassed}: newest QA data of every contributing sprint has zero failures. */
    record AllTestsPass(String name) implements GateCondition {}

    /**
     * {@code sprintScopesApproved}: every sprint linked to the milestone whose scope needs approval has its current scope
     * approved, and none of them started before its scope was approved.
     */
    record SprintScopesApproved(String name) implements GateCondition {}

    /** {@code manualApproval: <role>}: pending until a person holding {@code role} approves. */
    record ManualApproval(String name, String role) implements GateCondition {
        @Override
        public String key() {
            return name + ":" + role;
        }
    }

    /**
     * Any other name: decided by the newest {@code GateSignal} for this milestone and name. With a numeric
     * {@code threshold} ({@code resilienceScoreAbove: 85}) the signal's value must be at least the threshold;
     * with {@code expected} ({@code traceSpanPolicyCheck: pass}) the signal's status must equal it.
     */
    record Signal(String name, Double threshold, String expected) implements GateCondition {}
}
