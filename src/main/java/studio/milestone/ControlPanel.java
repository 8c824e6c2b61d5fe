package studio.milestone;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.gate.GateCondition;
import studio.gate.GateReport;
import studio.gate.GateResult;
import studio.gate.GateStatus;
import studio.governance.Actor;
import studio.governance.GovernancePolicy;
import studio.governance.GovernedMilestone;
import studio.governance.ManualDecisionPolicy;
import studio.governance.MilestoneState;
import studio.governance.OverridePolicy;
import studio.governance.OverrideRequestForm;
import studio.governance.OverrideTicket;
import studio.governance.Roles;

/**
 * Which controls of the milestone page one person may use now: each is shown only when the policy that the server
 * enforces would let this person act in this state. Read-only roles (auditor, service accounts) get none.
 *
 * @param overridableGates gates this person may ask to override (failed or pending, not yet covered)
 * @param decidableGates   manual gates whose role this person holds and that are not yet passed
 * @param promote          may this person promote the milestone to a release (POST /releases)
 * @param overrides        per override request: may this person approve, reject or revoke it
 */
public record ControlPanel(boolean evaluate, boolean resume, boolean escalate, boolean forceClose, boolean terminate,
                           List<String> overridableGates, List<String> decidableGates, boolean markCriteria,
                           boolean promote, Map<Long, OverrideControls> overrides) {

    /** Who may re-evaluate or resume a milestone (API.md "evaluate now / resume"; ci never uses the browser). */
    public static final List<String> EVALUATORS = List.of(Roles.PRODUCT_OWNER, Roles.QA_LEAD, Roles.PLATFORM_ADMIN);

    /** Who may promote a milestone to a release (the roles Releases' POST /releases allows). */
    public static final List<String> PROMOTERS = List.of(Roles.PRODUCT_OWNER, Roles.PLATFORM_ADMIN);

    /**
     * The policies refuse a missing reason last, after who and when. Asking them with a reason filled in answers
     * "would this person be allowed once they write why?", which is when a form is worth showing.
     */
    public static final String REASON_TO_BE_GIVEN = "(reason to be given)";

    public record OverrideControls(boolean approve, boolean reject, boolean revoke) {
        static final OverrideControls NONE = new OverrideControls(false, false, false);

        public boolean any() {
            return approve || reject || revoke;
        }
    }

    public static final ControlPanel NONE = new ControlPanel(false, false, false, false, false, List.of(), List.of(), false, false, Map.of());

    public ControlPanel {
        overridableGates = List.copyOf(overridableGates);
        decidableGates = List.copyOf(decidableGates);
        overrides = Map.copyOf(overrides);
    }

    public static ControlPanel of(Actor actor, GovernedMilestone m, GateReport report, List<OverrideTicket> tickets, Instant now) {
        if (!actor.holdsAny(Roles.ACTING_HUMANS)) return NONE;
        MilestoneState state = m.state();
        boolean evaluator = actor.holdsAny(EVALUATORS);
        return new ControlPanel(
                evaluator && !state.terminal(),
                evaluator && state == MilestoneState.BLOCKED,
                state == MilestoneState.BLOCKED && GovernancePolicy.escalate(actor, m, REASON_TO_BE_GIVEN).allowed(),
                state == MilestoneState.ESCALATED && GovernancePolicy.forceClose(actor, m, REASON_TO_BE_GIVEN).allowed(),
                (state == MilestoneState.BLOCKED || state == MilestoneState.ESCALATED)
                        && GovernancePolicy.terminate(actor, m, REASON_TO_BE_GIVEN).allowed(),
                overridable(actor, m, report, now),
                decidable(actor, m, report),
                !state.terminal(),
                state.releasable() && actor.holdsAny(PROMOTERS),
                decisions(actor, m, tickets, now));
    }

    /** Anything at all to show. */
    public boolean any() {
        return evaluate || resume || escalate || forceClose || terminate || !overridableGates.isEmpty()
                || !decidableGates.isEmpty() || markCriteria || overrides.values().stream().anyMatch(OverrideControls::any);
    }

    /** The milestone's lifecycle commands (not overrides or decisions). */
    public boolean lifecycle() {
        return evaluate || resume || escalate || forceClose || terminate;
    }

    public OverrideControls on(Long overrideId) {
        return overrides.getOrDefault(overrideId, OverrideControls.NONE);
    }

    private static List<String> overridable(Actor actor, GovernedMilestone m, GateReport report, Instant now) {
        return report.gates().stream().map(GateResult::condition)
                .filter(gate -> OverridePolicy.request(actor, m, report,
                        new OverrideRequestForm(List.of(gate), REASON_TO_BE_GIVEN, null), now).allowed())
                .toList();
    }

    private static List<String> decidable(Actor actor, GovernedMilestone m, GateReport report) {
        return m.gates().stream().filter(GateCondition.ManualApproval.class::isInstance).map(GateCondition::name)
                .filter(gate -> statusOf(report, gate) != GateStatus.PASSED)
                .filter(gate -> ManualDecisionPolicy.decide(actor, m, gate, "approved", REASON_TO_BE_GIVEN).allowed())
                .toList();
    }

    private static GateStatus statusOf(GateReport report, String gate) {
        return report.gates().stream().filter(g -> g.condition().equals(gate)).map(GateResult::status)
                .findFirst().orElse(GateStatus.PENDING);
    }

    private static Map<Long, OverrideControls> decisions(Actor actor, GovernedMilestone m, List<OverrideTicket> tickets, Instant now) {
        Map<Long, OverrideControls> out = new LinkedHashMap<>();
        for (OverrideTicket t : tickets) {
            out.put(t.id(), new OverrideControls(
                    OverridePolicy.approve(actor, m, t, REASON_TO_BE_GIVEN, now).allowed(),
                    OverridePolicy.reject(actor, m, t, REASON_TO_BE_GIVEN).allowed(),
                    OverridePolicy.revoke(actor, m, t, REASON_TO_BE_GIVEN).allowed()));
        }
        return out;
    }
}
