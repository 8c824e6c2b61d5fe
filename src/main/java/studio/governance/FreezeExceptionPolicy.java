package studio.governance;

import java.util.List;

/**
 * Who asks for and who decides an exception to a deploy freeze, and what a decision makes of it. A person asks (never
 * a CI token); people holding the roles the environment's approval policy names (product-owner where it names none)
 * decide, never the one who asked; the second approval by a different person grants it, one rejection ends it. Pure.
 */
public final class FreezeExceptionPolicy {

    /** Approvals an exception needs, from different people. */
    public static final int APPROVALS = 2;

    private FreezeExceptionPolicy() {}

    /** The roles that decide, from the environment's approver roles. */
    public static List<String> deciders(List<String> environmentApprovers) {
        return environmentApprovers.isEmpty() ? List.of(Roles.PRODUCT_OWNER) : List.copyOf(environmentApprovers);
    }

    public static Verdict ask(Actor actor) {
        return actor.holdsAny(Roles.ACTING_HUMANS) ? Verdict.ALLOWED : Verdict.forbidden("a person asks for a freeze exception, never a CI token");
    }

    public static Verdict decide(Actor actor, long id, String requestedBy, String environment, List<String> deciders) {
        if (!actor.holdsAny(Roles.ACTING_HUMANS)) return Verdict.forbidden("a CI token never decides a freeze exception");
        if (actor.name() != null && actor.name().equals(requestedBy)) {
            return Verdict.forbidden("you asked for freeze exception " + id + "; two other people decide it");
        }
        if (!actor.holdsAny(deciders)) return Verdict.forbidden("deciding a freeze exception for " + environment + " needs " + String.join(" or ", deciders));
        return Verdict.ALLOWED;
    }

    /** The exception's status after a decision, given how many people have approved it (this one included). */
    public static String statusAfter(boolean approve, int approvals) {
        return !approve ? "rejected" : approvals >= APPROVALS ? "granted" : "requested";
    }
}
