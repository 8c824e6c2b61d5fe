package studio.definition;

import java.util.List;
import java.util.Map;

/**
 * One entry of an {@code environments:} document (docs/API.md "Environments and promotions"): an environment of the
 * lifecycle and what it asks of a release, in release-policy.yaml's terms.
 *
 * @param name          staging, qa or production
 * @param required      whether a version must complete here before it is promoted further (null: as it is now)
 * @param policy        the approval policy settings written (approvals, distinctApprovers, approvalTtl, approvalTimeout,
 *                      protected), as plain values; absent keys keep what is in force
 * @param freezeWindows freeze windows to add (a document adds windows; it never removes one)
 * @param line          where the entry starts, for problems found when it is applied
 */
public record EnvironmentDefinition(String name, Boolean required, Map<String, Object> policy, List<FreezeWindowSpec> freezeWindows,
                                    int line) {

    public EnvironmentDefinition {
        policy = Map.copyOf(policy);
        freezeWindows = List.copyOf(freezeWindows);
    }

    /** A freeze window as a document writes it: one-off (from, until) or weekly (weeklyFrom, weeklyUntil) in a time zone. */
    public record FreezeWindowSpec(String name, String from, String until, String weeklyFrom, String weeklyUntil, String timeZone, String reason,
                                   int line) {}
}
