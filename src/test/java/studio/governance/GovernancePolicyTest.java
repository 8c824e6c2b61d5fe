package studio.governance;

import static studio.governance.PolicyAssertions.assertVerdict;
import static studio.governance.PolicyFixture.*;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GovernancePolicyTest {

    private interface Action {
        Verdict apply(Actor actor, GovernedMilestone milestone, String reason);
    }

    static Stream<Arguments> rows() {
        GovernedMilestone qaGoverned = new GovernedMilestone("auth-preview", GATES, false, List.of(), "qa-lead", MilestoneState.BLOCKED);
        Stream.Builder<Arguments> rows = Stream.builder();
        for (var entry : List.<Object[]>of(new Object[] {"escalating", (Action) GovernancePolicy::escalate})) {
            String verb = (String) entry[0];
            Action action = (Action) entry[1];
            rows.add(row(verb + " by the governedBy role", 0, null, call(action, PO, blocked(), "scope dropped")));
            rows.add(row(verb + " by platform-admin", 0, null, call(action, ADMIN, blocked(), "policy")));
            rows.add(row(verb + " by a qa-lead", 403, verb + " milestone mvp-ready needs one of the roles product-owner, platform-admin",
                    call(action, QA, blocked(), "x")));
            rows.add(row(verb + " by an auditor", 403, null, call(action, AUDITOR, blocked(), "x")));
            rows.add(row(verb + " by ci", 403, null, call(action, CI, blocked(), "x")));
            rows.add(row(verb + " a qa-lead governed milestone by its qa-lead", 0, null, call(action, QA, qaGoverned, "x")));
            rows.add(row(verb + " a qa-lead governed milestone by a product-owner", 403,
                    verb + " milestone auth-preview needs one of the roles qa-lead, platform-admin", call(action, PO, qaGoverned, "x")));
            rows.add(row(verb + " without reason", 400, "a reason is required", call(action, PO, blocked(), null)));
            rows.add(row(verb + " with a blank reason", 400, "a reason is required", call(action, PO, blocked(), "   ")));
            rows.add(row(verb + " by the wrong role without reason", 403, null, call(action, QA, blocked(), null)));
        }
        return rows.build();
    }

    private static Supplier<Verdict> call(Action action, Actor actor, GovernedMilestone m, String reason) {
        return () -> action.apply(actor, m, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void governingAMilestone(String name, int status, String message, Supplier<Verdict> verdict) {
        assertVerdict(status, message, verdict);
    }
}
