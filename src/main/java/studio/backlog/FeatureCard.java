package studio.backlog;

import java.time.Instant;
import java.util.List;

/**
 * A backlog feature as a card shows it. {@code status} is derived from evidence (see {@link BacklogQuery}); the
 * definition's own fields come from features.yaml.
 *
 * @param closedSprint the Closed sprint that delivered it, else null
 * @param activeSprint the Active or Verifying sprint working on it, else null
 * @param effort       estimatedEffort, null when not given
 */
public record FeatureCard(String id, String title, String priority, String status, String plannedStatus, boolean defined,
                          String deferralReason, Instant deferredAt, String deferredBy, String closedSprint,
                          String activeSprint, List<Dependency> dependencies, Double effort, List<String> agentRoles) {

    public FeatureCard {
        dependencies = List.copyOf(dependencies);
        agentRoles = List.copyOf(agentRoles);
    }

    /** The status is the one features.yaml wrote, no evidence having said otherwise. */
    public boolean asPlanned() {
        return closedSprint == null && activeSprint == null && deferredAt == null;
    }

    public boolean deferred() {
        return "deferred".equals(status);
    }

    public boolean waitsOnDependencies() {
        return dependencies.stream().anyMatch(Dependency::outstanding);
    }

    /** "2" rather than "2.0". */
    public String effortText() {
        if (effort == null) return null;
        return effort == Math.rint(effort) ? Long.toString(effort.longValue()) : effort.toString();
    }

    public CardCursor cursor() {
        return new CardCursor(priority, id);
    }
}
