package studio.audit;

import java.time.Instant;

/**
 * Which audit events a reader wants. Every criterion is optional (null matches everything) and they combine with
 * AND. {@code milestone}, {@code release} and {@code sprint} match an event about that subject, directly or as a
 * related subject (a sprint event also concerns the milestones it touched); {@code role} matches events whose actor
 * held that role when acting; {@code from} is inclusive and {@code to} exclusive on {@code occurred_at}.
 */
public record AuditFilter(String milestone, String release, String sprint, String actor, String role, String type,
                          Instant from, Instant to) {

    public static final AuditFilter EVERYTHING = new AuditFilter(null, null, null, null, null, null, null, null);
}
