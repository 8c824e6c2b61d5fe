package studio.evidence;

import java.util.Arrays;
import java.util.Optional;

/**
 * The steps of a sprint's readiness before execution (docs/spec/timing-milestones-and-sprints.md, "Planning Flow"
 * and its FSM: Planning, ValidatingScope, ValidatingInfra, Ready), each reported by its event, in the spec's order.
 */
public enum ReadinessStep {
    SCOPE_DEFINED("FeatureScopeDefined", "Scope defined"),
    TEST_PLAN_READY("SprintTestPlanReady", "Test plan ready"),
    INFRA_READY("SprintInfraReady", "Infrastructure ready"),
    READY_TO_START("SprintReadyToStart", "Ready to start");

    private final String eventName;
    private final String label;

    ReadinessStep(String eventName, String label) {
        this.eventName = eventName;
        this.label = label;
    }

    public String eventName() {
        return eventName;
    }

    public String label() {
        return label;
    }

    /** The stored name ("scope_defined"). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<ReadinessStep> fromEventName(String name) {
        return Arrays.stream(values()).filter(s -> s.eventName.equals(name)).findFirst();
    }

    /** The stored keys among {@code keys}, in the spec's order. */
    public static java.util.List<String> ordered(java.util.Collection<String> keys) {
        return Arrays.stream(values()).map(ReadinessStep::key).filter(keys::contains).toList();
    }

    public static Optional<ReadinessStep> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }
}
