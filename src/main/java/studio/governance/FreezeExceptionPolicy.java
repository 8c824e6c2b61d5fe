package studio.governance;

import java.time.Instant;
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

    /**
     * An exception as stored, what a decision on it depends on.
     *
     * @param status     requested, granted or rejected
     * @param approvedBy the people who approved it so far
     */
    public record Asked(long id, String environment, String requestedBy, String status, Instant expiresAt, List<String> approvedBy) {}

    /**
     * Whether {@code actor} may decide {@code exception} at {@code now}: 403 for who they are (a CI token, its asker, a
     * role the environment does not name), 409 for where it stands (decided, expired, or approved by them already).
     */
    public static Verdict decide(Actor actor, Asked exception, List<String> deciders, Instant now) {
        long id = exception.id();
        if (!actor.holdsAny(Roles.ACTING_HUMANS)) return Verdict.forbidden("a CI token never decides a freeze exception");
        if (actor.name() != null && actor.name().equals(exception.requestedBy())) {
            return Verdict.forbidden("you asked for freeze exception " + id + "; two other people decide it");
        }
        if (!actor.holdsAny(deciders)) {
            return Verdict.forbidden("deciding a freeze exception for " + exception.environment() + " needs " + String.join(" or ", deciders));
        }
        if (!exception.status().equals("requested")) return Verdict.conflict("freeze exception " + id + " was already " + exception.status());
        if (!exception.expiresAt().isAfter(now)) return Verdict.conflict("freeze exception " + id + " expired at " + exception.expiresAt());
        if (exception.approvedBy().contains(actor.name())) {
            return Verdict.conflict(actor.name() + " already decided freeze exception " + id + "; another person decides next");
        }
        return Verdict.ALLOWED;
    }

    /** The exception's status after a decision, given how many people have approved it (this one included). */
    public static String statusAfter(boolean approve, int approvals) {
        return !approve ? "rejected" : approvals >= APPROVALS ? "granted" : "requested";
    }
}
