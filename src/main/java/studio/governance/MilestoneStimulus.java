package studio.governance;

import java.time.Instant;

/**
 * Something that happened to a milestone. Evidence and timer ticks come from machines and never fail; the rest
 * are people's commands, refused with {@link IllegalTransitionException} when the state does not allow them.
 */
public sealed interface MilestoneStimulus {

    /** How a person would name it in "force close needs the milestone Escalated". */
    String label();

    /** Evidence, timer ticks and completed promotions: machines' news, never refused; a paused milestone ignores them. */
    default boolean fromMachine() {
        return this instanceof EvidenceArrived || this instanceof TimerTick || this instanceof PromotionCompleted;
    }

    /** MilestonePlanned, a sprint event, a trace matrix, a QA report, a signal, a manual gate decision... */
    record EvidenceArrived(String kind) implements MilestoneStimulus {
        public String label() {
            return "evidence";
        }
    }

    /** "Evaluate now": re-judge the gates, starting verification if it has not started. */
    record EvaluationRequested(String actor) implements MilestoneStimulus {
        public String label() {
            return "evaluation";
        }
    }

    /** "Resume evaluation" of a blocked milestone. */
    record Resume(String actor, String reason) implements MilestoneStimulus {
        public String label() {
            return "resume";
        }
    }

    /** A governor lifts a pause: the milestone is judged again against the evidence recorded meanwhile. */
    record PauseLifted(String actor, String reason) implements MilestoneStimulus {
        public String label() {
            return "resume after pause";
        }
    }

    record EscalationRequested(String actor, String reason) implements MilestoneStimulus {
        public String label() {
            return "escalation";
        }
    }

    record OverrideRequested(long overrideId, String actor) implements MilestoneStimulus {
        public String label() {
            return "an override request";
        }
    }

    /** An override approved or rejected (the readiness passed along already reflects the decision). */
    record OverrideDecided(long overrideId, boolean approved, String actor) implements MilestoneStimulus {
        public String label() {
            return "an override decision";
        }
    }

    record ForceClose(String actor, String reason) implements MilestoneStimulus {
        public String label() {
            return "force close";
        }
    }

    record Terminate(String actor, String reason) implements MilestoneStimulus {
        public String label() {
            return "termination";
        }
    }

    /** The release side finished promoting a reached milestone (ReleaseCompleted). */
    record PromotionCompleted(String versionTag) implements MilestoneStimulus {
        public String label() {
            return "promotion completed";
        }
    }

    /**
     * The scheduler's periodic look at a milestone. {@code enteredAt} is when it entered its current state;
     * {@code timeoutSeconds} its effective gateTimeoutSeconds (0 or less: no timeout); {@code retriesDone} how many
     * times the timer has retried it since it was last judged anew; {@code overdueSprints} its contributing sprints
     * past their budget ({@link SprintTimeouts}), read for a Pending milestone only.
     */
    record TimerTick(Instant enteredAt, Instant now, long timeoutSeconds, int retriesDone,
                     java.util.List<SprintTimeouts.OverdueSprint> overdueSprints) implements MilestoneStimulus {
        public TimerTick {
            overdueSprints = overdueSprints == null ? java.util.List.of() : java.util.List.copyOf(overdueSprints);
        }

        public TimerTick(Instant enteredAt, Instant now, long timeoutSeconds) {
            this(enteredAt, now, timeoutSeconds, 0, java.util.List.of());
        }

        public String label() {
            return "timer";
        }

        /** Strictly longer than {@code seconds} in the current state (0: at the next tick). */
        public boolean waited(long seconds) {
            return now.isAfter(enteredAt.plusSeconds(Math.max(0, seconds)));
        }

        /** Strictly longer than the timeout: exactly at the limit is still in time. */
        public boolean expired() {
            return timeoutSeconds > 0 && now.isAfter(enteredAt.plusSeconds(timeoutSeconds));
        }
    }
}
