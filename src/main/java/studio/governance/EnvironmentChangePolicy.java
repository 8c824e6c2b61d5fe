package studio.governance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a change to an environment's definition loosens, and who decides a change that does. A change that only
 * tightens (more or stricter approvers, shorter approval lifetimes, a required environment) applies at once; one that
 * loosens waits for a second person: a platform-admin or compliance-officer other than its author, with a reason. A CI
 * token never decides. Pure.
 */
public final class EnvironmentChangePolicy {

    /** Who decides a change that loosens an environment. */
    public static final List<String> DECIDERS = List.of(Roles.PLATFORM_ADMIN, Roles.COMPLIANCE_OFFICER);

    private EnvironmentChangePolicy() {}

    /** What going from {@code before} to {@code after} loosens, one sentence each; empty when nothing does. */
    public static List<String> weakenings(ReleasePolicy before, boolean requiredBefore, ReleasePolicy after, boolean requiredAfter) {
        String env = before.environment().json();
        List<String> out = new ArrayList<>();
        for (ApprovalRequirement r : before.requirements()) {
            boolean kept = after.requirements().stream().anyMatch(a -> r.roles().containsAll(a.roles()) && a.count() >= r.count());
            if (!kept) out.add(env + " no longer needs " + r.count() + " approval" + (r.count() == 1 ? "" : "s") + " by " + String.join(" or ", r.roles()));
        }
        if (before.distinctApprovers() && !after.distinctApprovers()) out.add(env + " lets one person give several of its approvals");
        if (before.protectedEnvironment() && !after.protectedEnvironment()) out.add(env + " is no longer protected");
        if (longer(before.approvalTtl(), after.approvalTtl())) {
            out.add(env + " approvals last " + (after.approvalTtl() == null ? "for ever" : after.approvalTtl().toString()) + " instead of "
                    + before.approvalTtl());
        }
        if (requiredBefore && !requiredAfter) out.add(env + " may be skipped on the way to later environments");
        return List.copyOf(out);
    }

    private static boolean longer(Duration before, Duration after) {
        if (before == null) return false;
        return after == null || after.compareTo(before) > 0;
    }

    public static Verdict decide(Actor actor, String environment, String author, boolean pending, String reason) {
        if (!actor.holdsAny(Roles.ACTING_HUMANS)) return Verdict.forbidden("a CI token never decides a change to an environment");
        if (actor.name() != null && actor.name().equals(author)) {
            return Verdict.forbidden("you wrote this change to " + environment + "; another person must decide it");
        }
        if (!actor.holdsAny(DECIDERS)) return Verdict.forbidden("deciding a change that loosens " + environment + " needs " + Reasons.roles(DECIDERS));
        if (!pending) return Verdict.conflict("this change to " + environment + " was already decided");
        return Reasons.required(reason).orElse(Verdict.ALLOWED);
    }
}
