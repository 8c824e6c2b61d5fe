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

    default DefinitionDefaults asDefinitionDefaults() {
        return new DefinitionDefaults(qaCoverageThreshold(), allowManualOverrides(), autoPromotion(),
                traceValidationRequired(), gateTimeoutSeconds(), retryOnFailure());
    }
}
