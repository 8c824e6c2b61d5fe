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
        PlanningMode planningMode) {

    public DefinitionDefaults {
        if (!(qaCoverageThreshold >= 0 && qaCoverageThreshold <= 100)) {
            throw new IllegalArgumentException("default QA coverage threshold " + qaCoverageThreshold + " is not between 0 and 100");
        }
        if (gateTimeoutSeconds < 0) throw new IllegalArgumentException("default gate timeout is negative");
        if (planningMode == null) planningMode = PlanningMode.AUTONOMOUS;
    }

    /** The same defaults under another installation planning mode. */
    public DefinitionDefaults withPlanningMode(PlanningMode mode) {
        return new DefinitionDefaults(qaCoverageThreshold, allowManualOverrides, autoPromotion, traceValidationRequired,
                gateTimeoutSeconds, retryOnFailure, mode);
    }

    /** With the default planning mode, autonomous. */
    public DefinitionDefaults(double qaCoverageThreshold, boolean allowManualOverrides, boolean autoPromotion,
                              boolean traceValidationRequired, int gateTimeoutSeconds, boolean retryOnFailure) {
        this(qaCoverageThreshold, allowManualOverrides, autoPromotion, traceValidationRequired, gateTimeoutSeconds, retryOnFailure,
                PlanningMode.AUTONOMOUS);
    }
}
