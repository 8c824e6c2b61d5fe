package studio.milestone;

import io.smallrye.config.ConfigMapping;
import studio.definition.DefinitionDefaults;

/**
 * The installation-wide defaults of the spec's orchestration-config.yaml (MilestoneLifecycleCoordinator block),
 * from configuration ({@code studio.defaults.*}); a milestone's own settings override them.
 */
@ConfigMapping(prefix = "studio.defaults")
public interface GovernanceDefaults {

    double qaCoverageThreshold();

    boolean allowManualOverrides();

    boolean autoPromotion();

    boolean traceValidationRequired();

    int gateTimeoutSeconds();

    boolean retryOnFailure();

    /** How many times the timer retries a Blocked milestone under retryOnFailure (0: never; the gate timeout escalates it). */
    @io.smallrye.config.WithDefault("0")
    int maxRetries();

    /** How long a milestone stays Blocked before the timer retries it. */
    @io.smallrye.config.WithDefault("60")
    int retryCooldownSeconds();

    default DefinitionDefaults asDefinitionDefaults() {
        return new DefinitionDefaults(qaCoverageThreshold(), allowManualOverrides(), autoPromotion(),
                traceValidationRequired(), gateTimeoutSeconds(), retryOnFailure(), studio.gate.PlanningMode.AUTONOMOUS,
                maxRetries(), retryCooldownSeconds());
    }
}
