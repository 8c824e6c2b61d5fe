package studio.notify;

/**
 * One thing to tell one person. {@code (recipient, topic, event)} identifies it: the same notice computed twice (two
 * instances, a repeated sweep) is stored once. {@code mandatory}: a decision that waits for the recipient, which no
 * preference can silence entirely (it always shows in Studio).
 *
 * @param topic what it is about, stable for one decision ("override-12"): emails about one topic form one thread
 * @param event DecisionNeeded, Reminder, Overdue, or the audit event that decided it (MilestoneOverrideApproved, ...)
 * @param link  a path in Studio where the decision is taken or the outcome shown
 */
public record Notice(String recipient, String topic, String event, boolean mandatory, String subject, String body, String link,
                     String milestoneId, String releaseTag) {

    public static final String DECISION_NEEDED = "DecisionNeeded";
    public static final String REMINDER = "Reminder";
    public static final String OVERDUE = "Overdue";
    /** A release approval about to time out (it is aborted then). */
    public static final String TIMEOUT_WARNING = "TimeoutWarning";

    public Notice withMandatory(boolean m) {
        return m == mandatory ? this : new Notice(recipient, topic, event, m, subject, body, link, milestoneId, releaseTag);
    }

    /** The kind of event a preference is set for. */
    public Kind kind() {
        return switch (event) {
            case DECISION_NEEDED -> Kind.DECISIONS;
            case REMINDER, OVERDUE, TIMEOUT_WARNING -> Kind.REMINDERS;
            default -> Kind.OUTCOMES;
        };
    }

    /** What people choose a delivery for (preferences). */
    public enum Kind {
        DECISIONS("Decisions waiting for you", "An override, manual gate, force close, termination, definition change or release approval you may decide; a blocked or escalated milestone you govern."),
        REMINDERS("Reminders and overdue decisions", "A decision still waiting after the reminder time, and decisions overdue on milestones you govern."),
        OUTCOMES("Outcomes of your requests", "Your override, force close, termination, definition change or release approved, rejected, completed or failed.");

        public final String label;
        public final String description;

        Kind(String label, String description) {
            this.label = label;
            this.description = description;
        }

        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
