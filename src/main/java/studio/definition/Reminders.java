package studio.definition;

import java.time.Duration;

/**
 * A milestone's own reminder times ({@code reminders: {after: 2h, overdueAfter: 8h}}): how long a decision on it may
 * wait before its deciders are reminded, and before its governors are told it is overdue. Null: the installation's
 * (studio.notifications.remind-after / overdue-after).
 */
public record Reminders(Duration after, Duration overdueAfter) {}
