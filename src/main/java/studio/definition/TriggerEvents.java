package studio.definition;

import java.util.ArrayList;
import java.util.List;

/**
 * The events a milestone's {@code triggers} may name, and the conditions Studio evaluates for them. On
 * {@link #PROMOTION} events a trigger's {@code next} is a promotion target (the milestone's promotion-trigger.yaml); on
 * an event Studio receives about the milestone ({@link #RECEIVED}, the accepted values of {@code event} in
 * {@code POST /api/events}) Studio sends MilestoneTriggerFired naming {@code next} when the trigger's condition holds.
 * A trigger may also name an orchestration event of the team's own ({@code SecurityPolicyPublished}): CI may then post
 * that event about this milestone, and it fires the trigger the same way. Studio's own event names (Milestone...,
 * Release..., Deployment...) are never received, so no trigger or posted event may use them.
 */
public final class TriggerEvents {

    public static final List<String> PROMOTION = List.of("MilestoneReached", "MilestoneCompleted");

    /** The same names, in the same order, as the event parser accepts (a test holds them equal). */
    public static final List<String> RECEIVED = List.of("MilestonePlanCreated", "MilestonePlanned", "SprintPlanned",
            "FeatureScopeDefined", "SprintTestPlanReady", "SprintInfraReady", "SprintReadyToStart", "SprintStarted",
            "SprintCheckpoint", "SprintClosed", "SprintBlocked", "PlanningResumed", "FeatureDeferred", "GateSignal",
            "ReleaseCompleted", "ReleaseFailed");

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Z][A-Za-z0-9]{0,99}");
    private static final List<String> STUDIOS_OWN = List.of("Milestone", "Release", "Deployment");

    private TriggerEvents() {}

    /** Why a trigger cannot name this event, or null when it can. */
    public static String whyNot(String event) {
        if (PROMOTION.contains(event) || RECEIVED.contains(event)) return null;
        if (!NAME.matcher(event).matches()) {
            return "a trigger's event is an event name (a capital letter, then letters and digits, such as SprintClosed), not '" + event + "'";
        }
        if (!isOrchestration(event)) {
            return "'" + event + "' is a name of Studio's own events, which it sends and never receives; a trigger names "
                    + String.join(" / ", PROMOTION) + ", an event Studio receives (" + String.join(", ", RECEIVED)
                    + ") or an orchestration event of your own (such as SecurityPolicyPublished)";
        }
        return null;
    }

    /** An event name of the team's own: neither one Studio receives as evidence nor one of Studio's own events. */
    public static boolean isOrchestration(String event) {
        return event != null && NAME.matcher(event).matches() && !RECEIVED.contains(event)
                && STUDIOS_OWN.stream().noneMatch(event::startsWith);
    }

    public static List<String> all() {
        List<String> all = new ArrayList<>(RECEIVED);
        all.addAll(PROMOTION);
        return all;
    }
}
