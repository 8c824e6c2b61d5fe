package studio.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import studio.outbound.WebhookSignature.Verification;

/** Secrets, the signature header during a rotation, and what an attempt's result does to a delivery. */
class SigningAndRulesTest {

    static final Instant NOW = Instant.parse("2025-05-14T18:30:00Z");
    static final byte[] BODY = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
    static final String OLD = "whsec_old-secret-0123456789";
    static final String NEW = "whsec_new-secret-0123456789";

    static Verification verify(String secret, String header) {
        return WebhookSignature.verify(secret, header, BODY, NOW, WebhookSignature.DEFAULT_TOLERANCE);
    }

    @Test
    void generatedSecretsAreLongEnoughDistinctAndShownMasked() {
        String a = WebhookSecrets.generate();
        assertTrue(WebhookSignature.secretProblem(a).isEmpty());
        assertNotEquals(a, WebhookSecrets.generate());
        assertEquals("whsec_…" + a.substring(a.length() - 4), WebhookSecrets.mask(a));
        assertEquals("…", WebhookSecrets.mask("short"));
    }

    @Test
    void duringTheGracePeriodBothSecretsVerifyAfterItOnlyTheNewOne() {
        String during = new SigningSecrets(NEW, OLD, NOW.plusSeconds(1)).sign(NOW, BODY);
        assertEquals(Verification.VALID, verify(NEW, during));
        assertEquals(Verification.VALID, verify(OLD, during));
        String after = new SigningSecrets(NEW, OLD, NOW).sign(NOW, BODY);
        assertEquals(Verification.VALID, verify(NEW, after));
        assertEquals(Verification.MISMATCH, verify(OLD, after));
        assertEquals(Verification.MISMATCH, verify("whsec_someone-else-0123456", new SigningSecrets(NEW, null, null).sign(NOW, BODY)));
    }

    @Test
    void only2xxDeliversOtherAnswersAndErrorsAreRetriedThenDeadLettered() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(1), 3, 0);
        assertInstanceOf(DeliveryRule.Next.Delivered.class, DeliveryRule.after(answered(200), 0, backoff, NOW));
        assertInstanceOf(DeliveryRule.Next.Delivered.class, DeliveryRule.after(answered(299), 2, backoff, NOW));
        DeliveryRule.Next first = DeliveryRule.after(answered(500), 0, backoff, NOW);
        assertEquals(new DeliveryRule.Next.RetryAt(NOW.plusSeconds(10), "HTTP 500"), first);
        assertEquals(new DeliveryRule.Next.RetryAt(NOW.plusSeconds(20), "HTTP 302"), DeliveryRule.after(answered(302), 1, backoff, NOW));
        assertEquals(new DeliveryRule.Next.RetryAt(NOW.plusSeconds(10), "timed out"),
                DeliveryRule.after(new AttemptResult.Unreachable("timed out", Duration.ofSeconds(5)), 0, backoff, NOW));
        DeliveryRule.Next dead = DeliveryRule.after(answered(404), 2, backoff, NOW);
        assertEquals(new DeliveryRule.Next.DeadLetter("HTTP 404; gave up after 3 failed attempts"), dead);
    }

    private static AttemptResult answered(int status) {
        return new AttemptResult.Answered(status, Duration.ofMillis(12));
    }
}
