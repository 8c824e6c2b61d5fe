package studio.sprint;

import java.time.Instant;
import java.util.Locale;

/**
 * One lifecycle event on a sprint's timeline.
 *
 * @param at         when it happened, per the event (what the state follows)
 * @param receivedAt when Studio received it; later than {@code at} for events CI sent late or out of order
 */
public record SprintEventRow(String type, Instant at, String reason, Instant receivedAt, String actor, long evidenceId) {

    /** The state the event puts the sprint in ("closed"), for its chip; empty for a type Studio does not know. */
    public String stateAfter() {
        return SprintEventType.fromEventName(type).map(t -> t.target().name().toLowerCase(Locale.ROOT)).orElse("");
    }

    /** Received more than a minute after it happened: worth saying, since the timeline follows {@code at}. */
    public boolean arrivedLate() {
        return receivedAt != null && receivedAt.isAfter(at.plusSeconds(60));
    }
}
