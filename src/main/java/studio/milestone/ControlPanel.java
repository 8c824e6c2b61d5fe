package studio.milestone;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import studio.gate.GateCondition;
import studio.gate.GateReport;
import studio.gate.GateResult;
import studio.gate.GateStatus;
import studio.governance.Actor;
import studio.governance.Bypass;
import studio.governance.BypassPolicy;
import studio.governance.GovernancePolicy;
import studio.governance.GovernedMilestone;
import studio.governance.Hold;
import studio.governance.HoldPolicy;
import studio.governance.ManualDecisionPolicy;
import studio.governance.MilestoneState;
import studio.governance.OverridePolicy;
import studio.governance.OverrideTicket;
import studio.governance.Roles;
import studio.governance.SignOffs;

/**
 * Which controls of the milestone page one person may use now: each is shown only when the policy that the server
 * enforces would let this person act in this state. Read-only roles (auditor, service accounts) get none.
 *
 * @param overridableGates gates this person may ask to override (failed or pending, not yet covered, or
 *                         noManualOverridesActive)
 * @param mustCover        what a request must cover to be able to reach the milestone (every failing gate, and
 *                         noManualOverridesActive where the milestone has it), each with why
 * @param forceClose       may this person request a force close (a second governor approves it)
 * @param terminate        may this person request a termination (a second governor approves it)
 * @param decidableGates   manual gates whose role this person holds and that are not yet passed, as people name them
 * @param promote          may this person promote the milestone to a release (POST /releases)
 * @param overrides        per override request: may this person approve, reject or revoke it
 * @param holds            may this person pause or resume it, reject its promotion or lift the rejection
 */
public record ControlPanel(boolean evaluate, boolean resume, boolean escalate, boolean forceClose, boolean terminate,
                           List<String> overridableGates, List<String> mustCover, List<String> decidableGates, boolean markCriteria,
                           boolean promote, Map<Long, OverrideControls> overrides, Map<Long, BypassControls> bypasses, HoldControls holds) {

    /** Who may re-evaluate or resume a milestone (docs/API.md "evaluate now / resume"; ci never uses the browser). */
    public static final List<String> EVALUATORS = List.of(Roles.PRODUCT_OWNER, Roles.QA_LEAD, Roles.PLATFORM_ADMIN);

    /** Who may promote a milestone to a release (the roles Releases' POST /releases allows). */
    public static final List<String> PROMOTERS = HoldPolicy.PROMOTERS;

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

    /** Pause and resume, reject promotion and lift the rejection ({@link HoldPolicy}). */
    public record HoldControls(boolean pause, boolean unpause, boolean rejectPromotion, boolean liftRejection) {
        static final HoldControls NONE = new HoldControls(false, false, false, false);

        public boolean any() {
            return pause || unpause || rejectPromotion || liftRejection;
        }
    }

    /** May this person approve or reject a waiting bypass request. */
    public record BypassControls(boolean approve, boolean reject) {
        static final BypassControls NONE = new BypassControls(false, false);

        public boolean any() {
            return approve || reject;
        }
    }

    public static final ControlPanel NONE = new ControlPanel(false, false, false, false, false, List.of(), List.of(), List.of(), false, false,
            Map.of(), Map.of(), HoldControls.NONE);

    public ControlPanel {
        overridableGates = List.copyOf(overridableGates);
        mustCover = List.copyOf(mustCover);
        decidableGates = List.copyOf(decidableGates);
        overrides = Map.copyOf(overrides);
        bypasses = Map.copyOf(bypasses);
    }

    /**
     * @param signOffs    who signed off on the milestone already (each sign-off comes from a different person)
     * @param bypasses    its force close and termination requests, any status
     * @param escalatedBy who escalated it (never the one to approve its bypass)
     */
    public static ControlPanel of(Actor actor, GovernedMilestone m, GateReport report, List<OverrideTicket> tickets, SignOffs signOffs,
                                  List<Bypass> bypasses, String escalatedBy, Instant now) {
        if (!actor.holdsAny(Roles.ACTING_HUMANS)) return NONE;
        MilestoneState state = m.state();
        boolean evaluator = actor.holdsAny(EVALUATORS);
        return new ControlPanel(
                evaluator && !state.terminal(),
                evaluator && state == MilestoneState.BLOCKED,
                state == MilestoneState.BLOCKED && GovernancePolicy.escalate(actor, m, REASON_TO_BE_GIVEN).allowed(),
                mayRequest(actor, m, Bypass.Kind.FORCE_CLOSE, bypasses),
                mayRequest(actor, m, Bypass.Kind.TERMINATE, bypasses),
                overridable(actor, m, report, now),
                OverridePolicy.mustCover(m, report),
                decidable(actor, m, report, signOffs),
                !state.terminal(),
                state.releasable() && actor.holdsAny(PROMOTERS),
                decisions(actor, m, tickets, signOffs, now),
                bypassDecisions(actor, m, bypasses, escalatedBy, now), HoldControls.NONE);
    }

    /**
     * This panel for a milestone that may be paused or have its promotion rejected: while paused nothing that would
     * move it is offered (only resuming, and marking criteria, which moves nothing); a rejected promotion takes promoting away.
     */
    public ControlPanel holding(Actor actor, GovernedMilestone m, Hold paused, Hold rejected) {
        if (this == NONE && !actor.holdsAny(Roles.ACTING_HUMANS)) return this;
        HoldControls h = new HoldControls(HoldPolicy.pause(actor, m, paused, REASON_TO_BE_GIVEN).allowed(),
                HoldPolicy.resume(actor, m, paused, REASON_TO_BE_GIVEN).allowed(),
                HoldPolicy.rejectPromotion(actor, m, paused, rejected, REASON_TO_BE_GIVEN).allowed(),
                HoldPolicy.liftRejection(actor, m, rejected, REASON_TO_BE_GIVEN).allowed());
        boolean still = paused == null;
        return new ControlPanel(evaluate && still, resume && still, escalate && still, forceClose && still, terminate && still,
                still ? overridableGates : List.of(), mustCover, still ? decidableGates : List.of(), markCriteria,
                promote && still && rejected == null, still ? overrides : Map.of(), still ? bypasses : Map.of(), h);
    }

    /** Anything at all to show. */
    public boolean any() {
        return evaluate || resume || escalate || forceClose || terminate || holds.any() || !overridableGates.isEmpty()
                || !decidableGates.isEmpty() || markCriteria || overrides.values().stream().anyMatch(OverrideControls::any)
                || bypasses.values().stream().anyMatch(BypassControls::any);
    }

    /** The milestone's lifecycle commands (not overrides or decisions). */
    public boolean lifecycle() {
        return evaluate || resume || escalate || forceClose || terminate || holds.any();
    }

    public OverrideControls on(Long overrideId) {
        return overrides.getOrDefault(overrideId, OverrideControls.NONE);
    }

    public BypassControls onBypass(Long bypassId) {
        return bypasses.getOrDefault(bypassId, BypassControls.NONE);
    }

    private static boolean mayRequest(Actor actor, GovernedMilestone m, Bypass.Kind kind, List<Bypass> bypasses) {
        return BypassPolicy.request(actor, m, kind, open(bypasses, kind), REASON_TO_BE_GIVEN).allowed();
    }

    /** The request of {@code kind} still waiting for approval, if any. */
    public static Optional<Bypass> open(List<Bypass> bypasses, Bypass.Kind kind) {
        return bypasses.stream().filter(b -> b.kind() == kind && b.status() == Bypass.Status.REQUESTED).findFirst();
    }

    private static Map<Long, BypassControls> bypassDecisions(Actor actor, GovernedMilestone m, List<Bypass> bypasses, String escalatedBy,
                                                           Instant now) {
        Map<Long, BypassControls> out = new LinkedHashMap<>();
        for (Bypass b : bypasses) {
            out.put(b.id(), new BypassControls(BypassPolicy.approve(actor, m, b, escalatedBy, REASON_TO_BE_GIVEN, now).allowed(),
                    BypassPolicy.reject(actor, m, b, escalatedBy, REASON_TO_BE_GIVEN).allowed()));
        }
        return out;
    }

    private static List<String> overridable(Actor actor, GovernedMilestone m, GateReport report, Instant now) {
        return m.gates().stream().map(m::label).filter(gate -> OverridePolicy.mayName(actor, m, report, gate)).toList();
    }

    private static List<String> decidable(Actor actor, GovernedMilestone m, GateReport report, SignOffs signOffs) {
        return m.gates().stream().filter(GateCondition.ManualApproval.class::isInstance)
                .filter(gate -> statusOf(report, gate.key()) != GateStatus.PASSED).map(m::label)
                .filter(gate -> ManualDecisionPolicy.decide(actor, m, gate, "approved", REASON_TO_BE_GIVEN, signOffs).allowed())
                .toList();
    }

    private static GateStatus statusOf(GateReport report, String key) {
        return report.gates().stream().filter(g -> g.key().equals(key)).map(GateResult::status)
                .findFirst().orElse(GateStatus.PENDING);
    }

    private static Map<Long, OverrideControls> decisions(Actor actor, GovernedMilestone m, List<OverrideTicket> tickets, SignOffs signOffs,
                                                         Instant now) {
        Map<Long, OverrideControls> out = new LinkedHashMap<>();
        for (OverrideTicket t : tickets) {
            out.put(t.id(), new OverrideControls(
                    OverridePolicy.approve(actor, m, t, signOffs, REASON_TO_BE_GIVEN, now).allowed(),
                    OverridePolicy.reject(actor, m, t, REASON_TO_BE_GIVEN).allowed(),
                    OverridePolicy.revoke(actor, m, t, REASON_TO_BE_GIVEN).allowed()));
        }
        return out;
    }
}
