package studio.definition;

import java.util.List;

/**
 * A sprint as its definition wrote it. The spec's {@code includes} list ({@code - Milestone: x},
 * {@code - Features: [..]}, {@code - Agents: [..]}) and the flat {@code milestone}/{@code milestones}/
 * {@code features}/{@code agents} keys are read into the same lists.
 *
 * @param concurrencyPolicy {@code isolated} or {@code shared} (null: shared)
 * @param approvalRequired  {@code governance.approvalRequired}
 * @param gates             sprint gate names ({@code traceValidated}, {@code testsPassed}), judged on the sprint's own
 *                          evidence before SprintClosed closes it
 */
public record SprintDefinition(
        String id,
        String name,
        String goal,
        List<String> milestones,
        List<String> features,
        List<String> agents,
        String trigger,
        String module,
        String phase,
        String concurrencyPolicy,
        List<String> gates,
        Boolean approvalRequired,
        Traceability traceability,
        List<String> labels) {

    public static final String ISOLATED = "isolated";
    public static final List<String> CONCURRENCY_POLICIES = List.of(ISOLATED, "shared");

    public boolean isolated() {
        return ISOLATED.equals(concurrencyPolicy);
    }

    public SprintDefinition {
        milestones = List.copyOf(milestones);
        features = List.copyOf(features);
        agents = List.copyOf(agents);
        gates = List.copyOf(gates);
        labels = List.copyOf(labels);
    }
}
