package studio.outbound;

/**
 * A delivery taken by this instance for one attempt: what to send where, in which format, signed with which secrets
 * (a chat channel's are none).
 *
 * @param event        the CloudEvent as stored in the outbox; chat formats are rendered from it when sent
 * @param failedBefore attempts of this delivery that failed before this one
 * @param eventId      the CloudEvent id (also sent as the ce-id header), the same on every redelivery
 */
public record Claimed(long deliveryId, long webhookId, long outboxId, String url, DeliveryFormat format, SigningSecrets secrets, String event,
                      String eventId, int failedBefore) {}
