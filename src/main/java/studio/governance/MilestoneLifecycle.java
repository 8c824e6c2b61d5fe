package studio.governance;

import static studio.governance.MilestoneState.*;

import java.util.List;
import java.util.function.Predicate;
import studio.gate.GateReport.Outcome;
import studio.format.Steps;
import studio.governance.MilestoneStimulus.*;

/**
 * Decides what a stimulus does to a milestone: the ordered transitions to apply (a stimulus may chain, e.g.
 * Pending to Verifying to Reached), or an {@link IllegalTransitionException} for a person's command the state does
 * not allow. Evidence and timer ticks never throw; when nothing applies they yield no transition. Pure: the caller
 * passes the current state and the gates' {@link Readiness} after the stimulus was stored.
 *
 * <p>Judging gates: Verifying moves on as soon as the outcome is decided (passed: Reached; failed: Blocked) and
 * stays while gates are pending, until the gate timeout blocks it. Pending moves to Verifying when the contributing
 * sprints have settled, when every gate already passes (a milestone whose gates do not wait on sprints), or when
 * someone asks for an evaluation.
 */
public final class MilestoneLifecycle {

    private final LifecyclePolicy policy;

    public MilestoneLifecycle(LifecyclePolicy policy) {
        this.policy = policy;
    }

    public List<Transition> react(MilestoneState state, MilestoneStimulus stimulus, Readiness readiness) {
        return react(state, false, stimulus, readiness);
    }

    /**
     * As {@link #react(MilestoneState, MilestoneStimulus, Readiness)} for a milestone that may be paused: a paused
     * milestone does not move. Machines' news (evidence, ticks) yields nothing (the evidence itself is kept by the
     * caller); people's commands are refused until the pause is lifted.
     */
    public List<Transition> react(MilestoneState state, boolean paused, MilestoneStimulus stimulus, Readiness readiness) {
        if (paused) {
            if (stimulus.fromMachine()) return List.of();
            throw new IllegalTransitionException(state, stimulus, stimulus.label() + " needs the milestone not paused; it is paused");
        }
        Path path = new Path(state);
        if (stimulus instanceof EvidenceArrived e) onEvidence(path, readiness, "new evidence: " + e.kind());
        else if (stimulus instanceof EvaluationRequested e) onEvaluation(path, e, readiness);
        else if (stimulus instanceof Resume r) onResume(path, r, readiness);
        else if (stimulus instanceof PauseLifted p) onPauseLifted(path, p, readiness);
        else if (stimulus instanceof EscalationRequested e) onEscalation(path, e);
        else if (stimulus instanceof OverrideRequested o) onOverrideRequested(path, o);
        else if (stimulus instanceof OverrideDecided o) onOverrideDecided(path, o, readiness);
        else if (stimulus instanceof ForceClose f) onForceClose(path, f);
        else if (stimulus instanceof Terminate t) onTerminate(path, t);
        else if (stimulus instanceof PromotionCompleted p) onPromotionCompleted(path, p);
        else if (stimulus instanceof TimerTick t) onTick(path, t, readiness);
        return path.taken();
    }

    private void onEvidence(Path path, Readiness r, String why) {
        if (path.state() == PLANNED) path.take(MilestoneTrigger.READY, why);
        if (path.state() == BLOCKED && policy.retryOnFailure() && r.outcome() != Outcome.FAILED) {
            path.take(MilestoneTrigger.RESUME, why);
        }
        judge(path, r, false);
    }

    private void onEvaluation(Path path, EvaluationRequested e, Readiness r) {
        requireOpen(path.state(), e);
        String why = "evaluation requested by " + e.actor();
        if (path.state() == PLANNED) path.take(MilestoneTrigger.READY, why);
        if (path.state() == BLOCKED) path.take(MilestoneTrigger.RESUME, why);
        judge(path, r, true);
    }

    private void onResume(Path path, Resume resume, Readiness r) {
        require(path.state(), resume, s -> s == BLOCKED, "the milestone Blocked");
        path.take(MilestoneTrigger.RESUME, Steps.said("resumed by ", resume.actor(), resume.reason()));
        judge(path, r, false);
    }

    private void onPauseLifted(Path path, PauseLifted p, Readiness r) {
        requireOpen(path.state(), p);
        onEvidence(path, r, Steps.said("pause lifted by ", p.actor(), p.reason()));
    }

    private void onEscalation(Path path, EscalationRequested e) {
        require(path.state(), e, s -> s == BLOCKED, "the milestone Blocked");
        path.take(MilestoneTrigger.ESCALATE, Steps.said("escalated by ", e.actor(), e.reason()));
    }

    private void onOverrideRequested(Path path, OverrideRequested o) {
        require(path.state(), o, MilestoneState::beforeReached, "a milestone not yet Reached");
        if (path.state() == BLOCKED) path.take(MilestoneTrigger.ESCALATE, "override " + o.overrideId() + " requested by " + o.actor());
    }

    private void onOverrideDecided(Path path, OverrideDecided o, Readiness r) {
        requireOpen(path.state(), o);
        if (!o.approved()) return;
        String why = "override " + o.overrideId() + " approved by " + o.actor();
        if (path.state() == PLANNED) path.take(MilestoneTrigger.READY, why);
        if (path.state() == BLOCKED && r.outcome() != Outcome.FAILED) path.take(MilestoneTrigger.RESUME, why);
        judge(path, r, false);
    }

    private void onForceClose(Path path, ForceClose f) {
        require(path.state(), f, s -> s == ESCALATED, "the milestone Escalated");
        path.take(MilestoneTrigger.FORCE_CLOSE, Steps.said("force closed by ", f.actor(), f.reason()));
    }

    private void onTerminate(Path path, Terminate t) {
        require(path.state(), t, s -> s == BLOCKED || s == ESCALATED, "the milestone Blocked or Escalated");
        path.take(MilestoneTrigger.TERMINATE, Steps.said("terminated by ", t.actor(), t.reason()));
    }

    private void onPromotionCompleted(Path path, PromotionCompleted p) {
        if (path.state() == CLOSED) return; // a further release of a closed milestone
        require(path.state(), p, s -> s == REACHED, "the milestone Reached");
        path.take(MilestoneTrigger.PROMOTION_COMPLETED, "promotion of " + p.versionTag() + " completed");
    }

    private void onTick(Path path, TimerTick tick, Readiness r) {
        if (path.state() == PENDING && !tick.overdueSprints().isEmpty()) {
            path.take(MilestoneTrigger.ESCALATE, "sprint timeout after " + tick.timeoutSeconds() + "s: "
                    + String.join(", ", tick.overdueSprints().stream().map(SprintTimeouts.OverdueSprint::describe).toList()));
        } else if (path.state() == BLOCKED && policy.timerRetries()) {
            onRetryTick(path, tick, r);
        } else if (path.state() == VERIFYING && r.outcome() == Outcome.PENDING && tick.expired()) {
            path.take(MilestoneTrigger.GATE_FAILED, "gate timeout: gates still pending after " + tick.timeoutSeconds() + "s");
        } else if (path.state() == BLOCKED && tick.expired()) {
            path.take(MilestoneTrigger.ESCALATE, "gate timeout: blocked for more than " + tick.timeoutSeconds() + "s");
        } else if (path.state() == VERIFYING || path.state() == ESCALATED) {
            judge(path, r, false); // overrides expire and signals age without any new evidence
        }
    }

    /** After the cool-down: retry (RetryTriggered) while retries remain, else give up (MaxRetriesExceeded). */
    private void onRetryTick(Path path, TimerTick tick, Readiness r) {
        if (!tick.waited(policy.retryCooldownSeconds())) return;
        if (tick.retriesDone() >= policy.maxRetries()) {
            path.take(MilestoneTrigger.MAX_RETRIES_EXCEEDED, "MaxRetriesExceeded: " + policy.maxRetries() + " retries failed");
            return;
        }
        path.take(MilestoneTrigger.RETRY, "RetryTriggered: retry " + (tick.retriesDone() + 1) + " of " + policy.maxRetries()
                + " after a cool-down of " + policy.retryCooldownSeconds() + "s");
        judge(path, r, false);
    }

    /** Moves as far as the gates allow: into verification if due, then to Reached or Blocked once decided. */
    private static void judge(Path path, Readiness r, boolean evaluationRequested) {
        if (path.state() == PENDING && (evaluationRequested || r.sprintsSettled() || r.outcome() == Outcome.PASSED)) {
            path.take(MilestoneTrigger.VERIFY, evaluationRequested ? "evaluation requested"
                    : r.sprintsSettled() ? "contributing sprints settled" : "every gate already satisfied");
        }
        if (path.state() == ESCALATED && r.outcome() == Outcome.PASSED) {
            // Escalated -> Reached through an approved override is the spec's MilestoneForceClosed.
            if (r.overridden()) path.take(MilestoneTrigger.FORCE_CLOSE, "every gate satisfied, some through an approved override");
            else path.take(MilestoneTrigger.GATES_SATISFIED, "every gate satisfied");
        }
        if (path.state() != VERIFYING) return;
        if (r.outcome() == Outcome.PASSED) path.take(MilestoneTrigger.GATES_SATISFIED, "every gate satisfied");
        else if (r.outcome() == Outcome.FAILED) path.take(MilestoneTrigger.GATE_FAILED, "gate failed: " + String.join(", ", r.failedGates()));
    }

    private static void requireOpen(MilestoneState state, MilestoneStimulus s) {
        require(state, s, st -> !st.terminal(), "an open milestone");
    }

    private static void require(MilestoneState state, MilestoneStimulus s, Predicate<MilestoneState> allowed, String needs) {
        if (!allowed.test(state)) {
            throw new IllegalTransitionException(state, s, s.label() + " needs " + needs + "; it is " + state.label());
        }
    }

    /** The transitions taken so far and the state they lead to; Reached goes on to promotion under autoPromotion. */
    private final class Path extends Steps<MilestoneState, MilestoneTrigger, Transition> {
        Path(MilestoneState start) {
            super(start, MilestoneState::next, (from, to, t, why) -> new Transition(from, to, t.event(), why, t));
        }

        @Override
        public void take(MilestoneTrigger trigger, String reason) {
            super.take(trigger, reason);
            if (trigger != MilestoneTrigger.PROMOTION_TRIGGERED && state() == REACHED && policy.autoPromotion()) {
                take(MilestoneTrigger.PROMOTION_TRIGGERED, "autoPromotion");
            }
        }
    }
}
