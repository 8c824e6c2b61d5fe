package studio.governance;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a milestone's trigger fires on an event Studio received about it: its event matches and its condition holds.
 * The one condition is {@value #ALL_STREAMS_READY}: every stream of the milestone's parallelStreams has reported
 * {@code pass} in its newest GateSignal of that name. A trigger without a condition fires on every such event; one with
 * a condition fires once, when the condition first holds as its event arrives.
 */
public final class TriggerFiring {

    public static final String ALL_STREAMS_READY = "allStreamsReady";

    private TriggerFiring() {}

    /** A trigger as its definition wrote it ({@code next} may be null). */
    public record Rule(String event, String next, String condition) {

        /** Fires at most once per milestone. */
        public boolean once() {
            return condition != null;
        }

        /** What identifies it among the milestone's triggers, for "fired once". */
        public String key() {
            return event + "|" + (condition == null ? "" : condition) + "|" + (next == null ? "" : next);
        }
    }

    /**
     * @param newestStatus each stream's newest reported status (absent: never reported; null value: a report without one)
     * @param fired        the keys of the once-triggers that already fired
     */
    public static List<Rule> due(List<Rule> rules, String eventType, List<String> streams, Map<String, String> newestStatus,
                                 Set<String> fired) {
        return rules.stream().filter(r -> r.event().equals(eventType))
                .filter(r -> !r.once() || !fired.contains(r.key()))
                .filter(r -> r.condition() == null || ALL_STREAMS_READY.equals(r.condition()) && waitingFor(streams, newestStatus).isEmpty())
                .toList();
    }

    /** The streams not yet ready (their newest report is not {@code pass}, or there is none), in the definition's order. */
    public static List<String> waitingFor(List<String> streams, Map<String, String> newestStatus) {
        return streams.stream().filter(s -> !"pass".equals(newestStatus.get(s))).toList();
    }
}
