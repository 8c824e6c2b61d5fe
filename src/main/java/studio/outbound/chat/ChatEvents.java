package studio.outbound.chat;

import java.util.List;
import java.util.stream.Stream;

/**
 * The events a chat channel can be told of, as the add form offers them, and the ones it is told of when an admin
 * does not choose: those people act on (an override to decide, a blocked or escalated milestone, a release to approve)
 * and the outcomes they wait for.
 */
public final class ChatEvents {

    public static final List<String> DEFAULT = List.of("MilestoneOverrideRequested", "MilestoneOverrideApproved",
            "MilestoneOverrideRejected", "MilestoneBlocked", "MilestoneEscalated", "MilestoneReached", "MilestoneTerminated",
            "ReleaseApprovalRequested", "ReleaseCompleted", "ReleaseFailed", "ReleaseRolledBack");

    static final List<String> MORE = List.of("MilestoneOverrideRevoked", "MilestoneBypassRequested", "MilestoneBypassApproved",
            "MilestoneBypassRejected", "MilestoneForceClosed", "MilestoneResumed", "MilestonePromotionTriggered", "MilestoneClosed",
            "MilestoneDefined", "MilestoneRedefined", "MilestoneDefinitionChangeProposed", "MilestoneDefinitionChangeApproved",
            "MilestoneDefinitionChangeRejected", "ReleaseRequested", "ReleasePromoted", "ReleaseTriggered", "ReleaseRejected", "ReleaseAborted");

    /** One checkbox: the event name, what it means in words, and whether it is among the defaults. */
    public record Choice(String name, String words, boolean byDefault) {}

    private ChatEvents() {}

    /** Milestone events first, then release events; the defaults first within each. */
    public static List<Choice> offered() {
        return Stream.of("Milestone", "Release").flatMap(kind -> Stream.concat(DEFAULT.stream(), MORE.stream())
                .filter(name -> name.startsWith(kind))
                .map(name -> new Choice(name, EventSentences.words(name, kind), DEFAULT.contains(name)))).toList();
    }
}
