package studio.outbound;

import java.time.Instant;

/**
 * A subscriber's signing secrets at a moment: the current one, and during a rotation the previous one until its
 * grace period ends. The signature header then carries one v1 value per secret, so a receiver still configured with
 * the old secret keeps accepting deliveries until it is switched (WebhookSignature accepts any matching v1).
 */
public record SigningSecrets(String current, String previous, Instant previousUntil) {

    /** The {@value WebhookSignature#HEADER} value for {@code body} sent at {@code now}. */
    public String sign(Instant now, byte[] body) {
        String header = WebhookSignature.sign(current, now, body);
        if (previous == null || previousUntil == null || !now.isBefore(previousUntil)) return header;
        String old = WebhookSignature.sign(previous, now, body);
        return header + old.substring(old.indexOf(",v1="));
    }
}
