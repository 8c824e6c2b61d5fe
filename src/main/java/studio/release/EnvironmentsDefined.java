package studio.release;

import java.util.ArrayList;
import java.util.List;
import studio.definition.EnvironmentDefinition;
import studio.governance.Actor;

/**
 * A definitions import's {@code environments:} entries, handed (synchronously, inside the import's transaction) to
 * the release side, which applies them and says here what became of each: a refusal there refuses the whole import.
 */
public record EnvironmentsDefined(List<EnvironmentDefinition> environments, Actor actor, List<Outcome> outcomes) {

    public EnvironmentsDefined(List<EnvironmentDefinition> environments, Actor actor) {
        this(List.copyOf(environments), actor, new ArrayList<>());
    }

    /**
     * What became of one environment's entry.
     *
     * @param status     defined (in force now), unchanged, or held (it loosens the environment: a second person decides)
     * @param changeId   the held change (null unless held)
     * @param weakenings what a held change loosens, one sentence each
     * @param windowsAdded freeze windows the entry added
     */
    public record Outcome(String environment, String status, Long changeId, List<String> weakenings, List<String> windowsAdded) {}
}
