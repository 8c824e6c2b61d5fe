package studio.governance;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may approve or reject a pending change that loosens a governed milestone's definition: a product owner or
 * the milestone's governor (its governedBy role, platform-admin), never the change's author, always with a reason. CI
 * service accounts can propose such a change through an import, never approve one. Checks run in a fixed order: who
 * (403), when (409), what (400).
 */
public final class DefinitionChangePolicy {

    private DefinitionChangePolicy() {}

    /** @param pending whether the change still waits for a decision */
    public static Verdict decide(Actor actor, GovernedMilestone milestone, String author, boolean pending, String reason) {
        List<String> roles = deciders(milestone);
        if (actor.name() != null && actor.name().equals(author)) {
            return Verdict.forbidden("you wrote this change to " + milestone.id() + "; another person must decide it");
        }
        if (!actor.holdsAny(roles)) return Verdict.forbidden("deciding a change to " + milestone.id() + " needs " + Reasons.roles(roles));
        if (!pending) return Verdict.conflict("this change to " + milestone.id() + " was already decided");
        return Reasons.required(reason).orElse(Verdict.ALLOWED);
    }

    /** product-owner, the milestone's governedBy role and platform-admin. */
    public static List<String> deciders(GovernedMilestone milestone) {
        List<String> roles = new ArrayList<>(List.of(Roles.PRODUCT_OWNER));
        milestone.governors().stream().filter(r -> !roles.contains(r)).forEach(roles::add);
        return List.copyOf(roles);
    }
}
