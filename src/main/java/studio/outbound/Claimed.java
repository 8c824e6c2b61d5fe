package studio.outbound;

/**
 * A delivery taken by this instance for one attempt: what to send where, signed with which secrets.
 *
 * @param failedBefore attempts of this delivery that failed before this one
 * @param eventId      the CloudEvent id (also sent as the ce-id header), the same on every redelivery
 */
public record Claimed(long deliveryId, long webhookId, long outboxId, String url, SigningSecrets secrets, String event,
                      String eventId, int failedBefore) {}
