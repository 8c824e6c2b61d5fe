package studio.evidence;

import java.time.Instant;

/**
 * What every event carries besides its type's own fields.
 *
 * @param eventId   the sender's id for the event (an idempotency key), or null
 * @param timestamp when the event happened, or null when the sender did not say (the shell then uses receipt time)
 */
public record EventMeta(String eventId, String traceId, Instant timestamp, String agentId, String executionId, Long durationMs) {}
