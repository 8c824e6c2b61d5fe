package studio.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import studio.inbox.InboxItem;
import studio.release.approval.ReleaseInbox;

/**
 * What Studio tells whom, as pure functions of the governance state the inbox computes: every pending decision to the
 * people who may take it (never the requester: the inbox's own policies decide who that is), a reminder to them once
 * it has waited {@code remindAfter}, and an overdue notice to the milestone's governors after {@code overdueAfter};
 * every decision on a request to the person who made it.
 */
public final class NoticeRules {

    private NoticeRules() {}

    /** The topic of an inbox item: one per decision; a gate or stuck milestone that comes back is a new topic. */
    public static String topic(InboxItem item) {
        return switch (item.kind()) {
            case MANUAL_GATE, STUCK_MILESTONE -> item.key() + "@" + (item.waitingSince() == null ? 0 : item.waitingSince().getEpochSecond());
            default -> item.key();
        };
    }

    public static String topic(ReleaseInbox.Item item) {
        return "release-" + item.versionTag() + "@" + (item.waitingSince() == null ? 0 : item.waitingSince().getEpochSecond());
    }

    /** Each person's pending decisions, and reminders for those that waited long; overdue ones also to {@code governorsOf}. */
    public static List<Notice> pending(Map<String, List<InboxItem>> byPerson, Map<String, List<ReleaseInbox.Item>> releasesByPerson,
                                       Map<String, Collection<String>> governorsOf, Instant now, Duration remindAfter, Duration overdueAfter) {
        return pending(byPerson, releasesByPerson, governorsOf, now, new Timing(remindAfter, overdueAfter), Map.of());
    }

    /** When to remind and when a decision is overdue: the installation's, or a milestone's own ({@code reminders:}). */
    public record Timing(Duration remindAfter, Duration overdueAfter) {
        /** This milestone's times where it sets them, else these. */
        public Timing with(studio.definition.Reminders own) {
            if (own == null) return this;
            return new Timing(own.after() != null ? own.after() : remindAfter, own.overdueAfter() != null ? own.overdueAfter() : overdueAfter);
        }
    }

    /** As above, with each milestone's own reminder times ({@code byMilestone}) over the installation's ({@code defaults}). */
    public static List<Notice> pending(Map<String, List<InboxItem>> byPerson, Map<String, List<ReleaseInbox.Item>> releasesByPerson,
                                       Map<String, Collection<String>> governorsOf, Instant now, Timing defaults, Map<String, Timing> byMilestone) {
        Duration remindAfter = defaults.remindAfter();
        List<Notice> out = new ArrayList<>();
        byPerson.forEach((person, items) -> {
            for (InboxItem item : items) {
                out.add(decision(person, item));
                if (waited(item.waitingSince(), now, byMilestone.getOrDefault(item.milestoneId(), defaults).remindAfter())) {
                    out.add(reminder(person, item, now));
                }
            }
        });
        releasesByPerson.forEach((person, items) -> {
            for (ReleaseInbox.Item r : items) {
                out.add(release(person, r, Notice.DECISION_NEEDED));
                if (waited(r.waitingSince(), now, remindAfter)) out.add(release(person, r, Notice.REMINDER));
                if (timesOutSoon(r, now)) out.add(timeoutWarning(person, r, now));
            }
        });
        // Overdue: once per decision, to each governor of its milestone, whether or not they may decide it themselves.
        Map<String, InboxItem> overdue = byPerson.values().stream().flatMap(List::stream)
                .filter(i -> i.kind() != InboxItem.Kind.STUCK_MILESTONE
                        && waited(i.waitingSince(), now, byMilestone.getOrDefault(i.milestoneId(), defaults).overdueAfter()))
                .collect(Collectors.toMap(NoticeRules::topic, i -> i, (a, b) -> a, java.util.LinkedHashMap::new));
        overdue.forEach((topic, item) -> {
            for (String governor : governorsOf.getOrDefault(item.milestoneId(), List.of())) out.add(overdue(governor, item, now));
        });
        // Mandatory: a decision only its recipient can take (one person may decide it), and the reminders of it.
        Map<String, Long> deciders = out.stream().filter(n -> n.event().equals(Notice.DECISION_NEEDED))
                .collect(Collectors.groupingBy(Notice::topic, Collectors.counting()));
        return out.stream().map(n -> n.event().equals(Notice.OVERDUE) ? n : n.withMandatory(deciders.getOrDefault(n.topic(), 0L) == 1)).toList();
    }

    /**
     * A release whose approval timeout will abort it is close to it: within a quarter of its timeout, at most an hour
     * (a 10-minute timeout warns at 7.5 minutes; a day-long one an hour before).
     */
    static boolean timesOutSoon(ReleaseInbox.Item r, Instant now) {
        if (r.abortsAt() == null || r.waitingSince() == null || !now.isBefore(r.abortsAt())) return false;
        Duration timeout = Duration.between(r.waitingSince(), r.abortsAt());
        Duration warnBefore = timeout.dividedBy(4).compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : timeout.dividedBy(4);
        return !now.isBefore(r.abortsAt().minus(warnBefore));
    }

    static Notice timeoutWarning(String person, ReleaseInbox.Item r, Instant now) {
        return new Notice(person, topic(r), Notice.TIMEOUT_WARNING, false, "Release " + r.versionTag() + " will be aborted in "
                + Durations.words(Duration.between(now, r.abortsAt())) + " unless approved",
                "Its approval timeout ends at " + r.abortsAt() + "; then the release for " + r.environment() + " is aborted and must be "
                        + "requested again. " + r.approvals(), r.path(), r.milestoneId(), r.versionTag());
    }

    static boolean waited(Instant since, Instant now, Duration after) {
        return since != null && !after.isZero() && !after.isNegative() && !since.plus(after).isAfter(now);
    }

    static Notice decision(String person, InboxItem item) {
        return new Notice(person, topic(item), Notice.DECISION_NEEDED, false, subject(item), body(item), link(item), item.milestoneId(), null);
    }

    static Notice reminder(String person, InboxItem item, Instant now) {
        return new Notice(person, topic(item), Notice.REMINDER, false, "Reminder: " + subject(item),
                "Still waiting for your decision after " + Durations.words(Duration.between(item.waitingSince(), now)) + ".\n\n" + body(item),
                link(item), item.milestoneId(), null);
    }

    static Notice overdue(String governor, InboxItem item, Instant now) {
        return new Notice(governor, topic(item), Notice.OVERDUE, false, "Overdue: " + subject(item),
                "Nobody has decided this for " + Durations.words(Duration.between(item.waitingSince(), now))
                        + ". You govern " + item.milestoneTitle() + ", so you are told.\n\n" + body(item),
                item.isSprintScope() ? item.sprintPath() : item.milestonePath(), item.milestoneId(), null);
    }

    static Notice release(String person, ReleaseInbox.Item r, String event) {
        String subject = "Release " + r.versionTag() + " waits for approval for " + r.environment();
        String body = r.requestedBy() + " asked to release " + r.versionTag() + " (milestone " + r.milestoneId() + ") to "
                + r.environment() + ". " + r.approvals();
        return new Notice(person, topic(r), event, false, event.equals(Notice.REMINDER) ? "Reminder: " + subject : subject, body, r.path(),
                r.milestoneId(), r.versionTag());
    }

    /** "Override requested on mvp-ready: traceMatrixComplete", as a mail subject and the centre's heading say it. */
    static String subject(InboxItem item) {
        String on = " on " + item.milestoneId();
        return switch (item.kind()) {
            case OVERRIDE -> "Override requested" + on + ": " + String.join(", ", item.gates());
            case MANUAL_GATE -> "Manual approval needed" + on + ": " + item.gate();
            case BYPASS -> item.bypassLabel() + " requested" + on;
            case DEFINITION_CHANGE -> "Definition change" + on + " waits for approval";
            case STUCK_MILESTONE -> Character.toUpperCase(item.milestoneState().charAt(0)) + item.milestoneState().substring(1)
                    + on + ": nobody has been asked to decide";
            case SPRINT_SCOPE -> "Scope of sprint " + item.sprintId() + " waits for approval";
        };
    }

    static String body(InboxItem item) {
        StringBuilder b = new StringBuilder();
        switch (item.kind()) {
            case OVERRIDE -> b.append(item.requestedBy()).append(" asks to override ").append(String.join(", ", item.gates()))
                    .append(" on ").append(item.milestoneTitle()).append(" (").append(item.milestoneState()).append(").\nWhy: ")
                    .append(item.justification()).append('\n');
            case MANUAL_GATE -> b.append(item.milestoneTitle()).append(" (").append(item.milestoneState()).append(") waits for a ")
                    .append(item.role()).append(" to decide its gate ").append(item.gate()).append(".\n");
            case BYPASS -> b.append(item.requestedBy()).append(" asks for a ").append(item.bypass()).append(" of ")
                    .append(item.milestoneTitle()).append(" (").append(item.milestoneState()).append(").\nWhy: ")
                    .append(item.justification()).append('\n');
            case DEFINITION_CHANGE -> {
                b.append(item.requestedBy()).append(" changed the definition of ").append(item.milestoneTitle())
                        .append(" in a way that loosens it; it applies once someone else approves.\n");
                item.loosens().forEach(l -> b.append("- ").append(l).append('\n'));
            }
            case STUCK_MILESTONE -> b.append(item.milestoneTitle()).append(" is ").append(item.milestoneState()).append(". ")
                    .append(item.justification()).append('\n');
            case SPRINT_SCOPE -> b.append(item.requestedBy() == null ? "An import" : item.requestedBy()).append(" imported the scope of sprint ")
                    .append(item.sprintId()).append(" (").append(item.justification())
                    .append("); it must be approved by someone else before the sprint starts.\n");
        }
        if (!item.details().isEmpty()) {
            b.append("\nGates:\n");
            for (InboxItem.GateDetail d : item.details()) {
                b.append("- ").append(d.condition()).append(": ").append(d.status());
                if (d.detail() != null) b.append(" (").append(d.detail()).append(')');
                b.append('\n');
            }
        }
        if (item.stillNeeded() != null) b.append("\nApprovals still needed: ").append(item.stillNeeded()).append('\n');
        return b.toString().strip();
    }

    /** Where the decision is taken: the inbox entry, or the milestone page for what is decided there. */
    static String link(InboxItem item) {
        return switch (item.kind()) {
            case OVERRIDE, BYPASS, MANUAL_GATE -> "/approvals#" + item.key();
            case DEFINITION_CHANGE, STUCK_MILESTONE, SPRINT_SCOPE -> item.decidePath();
        };
    }

    /** The audit events that decide someone's request, and who made that request (from the event's own payload). */
    public static final List<String> OUTCOME_EVENTS = List.of("MilestoneOverrideApproved", "MilestoneOverrideRejected",
            "MilestoneBypassApproved", "MilestoneBypassRejected", "MilestoneDefinitionChangeApproved", "MilestoneDefinitionChangeRejected",
            "ReleaseCompleted", "ReleaseFailed", "ReleaseRejected", "ReleaseRolledBack", "ReleaseAborted");

    /** An audit event as the outcome tail reads it; {@code owner} is the requester (for releases, the release's). */
    public record Outcome(long seq, String type, String actor, List<String> actorRoles, String subjectType, String subjectId, JsonNode payload,
                          String owner) {}

    /** Tells the requester what became of their request; nothing when they decided it themselves or nobody is named. */
    public static java.util.Optional<Notice> outcome(Outcome e) {
        if (e.owner() == null || e.owner().equals(e.actor())) return java.util.Optional.empty();
        String reason = e.payload().path("reason").asText("");
        String by = e.actor() + (e.actorRoles().isEmpty() ? "" : " (" + String.join(", ", e.actorRoles()) + ")");
        String milestone = e.payload().path("milestone_id").asText(e.subjectType().equals("milestone") ? e.subjectId() : "");
        String topic;
        String subject;
        String link;
        String release = null;
        String verb = verb(e.type());
        switch (e.type()) {
            case "MilestoneOverrideApproved", "MilestoneOverrideRejected" -> {
                long id = e.payload().path("override_id").asLong();
                topic = "override-" + id;
                List<String> gates = new ArrayList<>();
                e.payload().path("overridden_gates").forEach(g -> gates.add(g.asText()));
                subject = "Override " + verb + " on " + milestone + ": " + String.join(", ", gates);
                link = studio.milestone.MilestonePaths.page(milestone);
            }
            case "MilestoneBypassApproved", "MilestoneBypassRejected" -> {
                String kind = e.payload().path("kind").asText("bypass").replace('-', ' ');
                topic = "bypass-" + e.payload().path("bypass_id").asLong();
                subject = Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " " + verb + " on " + milestone;
                link = studio.milestone.MilestonePaths.page(milestone);
            }
            case "MilestoneDefinitionChangeApproved", "MilestoneDefinitionChangeRejected" -> {
                topic = "definition-" + e.payload().path("change_id").asLong();
                subject = "Definition change " + verb + " on " + milestone;
                link = studio.milestone.MilestonePaths.page(milestone) + "#definition";
            }
            default -> {
                release = e.subjectId();
                topic = "release-" + release;
                subject = "Release " + release + " " + verb;
                link = "/releases/" + release;
                milestone = e.payload().path("milestone_id").asText(null);
            }
        }
        String body = subject + " by " + by + "." + (reason.isBlank() ? "" : "\nReason: " + reason);
        if (e.type().startsWith("Release")) body = "Your release " + release + " " + verb + "." + (reason.isBlank() ? "" : "\nReason: " + reason);
        return java.util.Optional.of(new Notice(e.owner(), topic, e.type(), false, subject, body, link,
                milestone == null || milestone.isBlank() ? null : milestone, release));
    }

    private static String verb(String type) {
        if (type.endsWith("Approved")) return "approved";
        if (type.endsWith("Rejected")) return "rejected";
        if (type.endsWith("Completed")) return "completed";
        if (type.endsWith("Failed")) return "failed";
        if (type.endsWith("RolledBack")) return "was rolled back";
        return "was aborted";
    }
}
