package studio.sprint;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored sprint lifecycle event.
 *
 * @param timestamp  when it happened, per the event itself (what the state follows)
 * @param arrivalSeq when Studio received it (the stored event's id): only breaks ties between identical keys
 */
public record SprintEventFact(String sprintId, SprintEventType type, Instant timestamp, long arrivalSeq) {

    public SprintEventFact {
        Objects.requireNonNull(sprintId, "sprintId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** The same event sent again: same sprint, same type, same timestamp (a retry CI may make at any time). */
    public boolean duplicates(SprintEventFact other) {
        return sprintId.equals(other.sprintId) && type == other.type && timestamp.equals(other.timestamp);
    }
}
