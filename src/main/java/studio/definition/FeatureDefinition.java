package studio.definition;

import java.util.List;

/**
 * A backlog item of features.yaml.
 *
 * @param priority  {@code P0}..{@code P9}
 * @param requiredBy milestone ids ({@code milestone:mvp-ready} is read as {@code mvp-ready})
 * @param estimatedEffort also written {@code effortEstimate}; at least 0
 */
public record FeatureDefinition(
        String id,
        String title,
        String priority,
        List<String> requiredBy,
        List<String> dependsOn,
        Double estimatedEffort,
        List<String> agentRoles,
        FeatureStatus status,
        String deferralReason) {

    public FeatureDefinition {
        requiredBy = List.copyOf(requiredBy);
        dependsOn = List.copyOf(dependsOn);
        agentRoles = List.copyOf(agentRoles);
    }
}
