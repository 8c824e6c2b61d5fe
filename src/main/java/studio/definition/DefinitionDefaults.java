package studio.definition;

import studio.gate.PlanningMode;

/**
 * Installation-wide defaults (orchestration-config.yaml's {@code MilestoneLifecycleCoordinator} block) that a
 * milestone's own settings override. Definitions keep what was written; these fill the gaps when a value is needed.
 */
public record DefinitionDefaults(
        double qaCoverageThreshold,
        boolean allowManualOverrides,
        boolean autoPromotion,
        boolean traceValidationRequired,
        int gateTimeoutSeconds,
        boolean retryOnFailure,
        PlanningMode planningMode,
        int maxRetries,
        int retryCooldownSeconds) {

    /** Without a setting: the timer never retries a Blocked milestone (the gate timeout escalates it). */
    public static final int MAX_RETRIES = 0;
    /** Without a setting: a minute between a block and the timer's retry. */
    public static final int RETRY_COOLDOWN_SECONDS = 60;

    public DefinitionDefaults {
        if (maxRetries < 0) throw new IllegalArgumentException("default maxRetries is negative");
        if (retryCooldownSeconds < 0) throw new IllegalArgumentException("default retry cool-down is negative");
        if (!(qaCoverageThreshold >= 0 && qaCoverageThreshold <= 100)) {
            throw new IllegalArgumentException("default QA coverage threshold " + qaCoverageThreshold + " is not between 0 and 100");
        }
        if (gateTimeoutSeconds < 0) throw new IllegalArgumentException("default gate timeout is negative");
        if (planningMode == null) planningMode = PlanningMode.AUTONOMOUS;
    }

    /** The same defaults under another installation planning mode. */
    public DefinitionDefaults withPlanningMode(PlanningMode mode) {
        return new DefinitionDefaults(qaCoverageThreshold, allowManualOverrides, autoPromotion, traceValidationRequired,
                gateTimeoutSeconds, retryOnFailure, mode, maxRetries, retryCooldownSeconds);
    }

    /** With the built-in retry defaults. */
    public DefinitionDefaults(double qaCoverageThreshold, boolean allowManualOverrides, boolean autoPromotion,
                              boolean traceValidationRequired, int gateTimeoutSeconds, boolean retryOnFailure, PlanningMode planningMode) {
        this(qaCoverageThreshold, allowManualOverrides, autoPromotion, traceValidationRequired, gateTimeoutSeconds, retryOnFailure,
                planningMode, MAX_RETRIES, RETRY_COOLDOWN_SECONDS);
    }

    /** With the default planning mode, autonomous. */
    public DefinitionDefaults(double qaCoverageThreshold, boolean allowManualOverrides, boolean autoPromotion,
                              boolean traceValidationRequired, int gateTimeoutSeconds, boolean retryOnFailure) {
        this(qaCoverageThreshold, allowManualOverrides, autoPromotion, traceValidationRequired, gateTimeoutSeconds, retryOnFailure,
                PlanningMode.AUTONOMOUS);
    }
}
