package studio.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static studio.outbound.WebhookSignature.Verification.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {

    static final String SECRET = "whsec_test_0123456789abcdef";
    static final Instant SENT = Instant.ofEpochSecond(1715706720);
    static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    static final Duration TOLERANCE = WebhookSignature.DEFAULT_TOLERANCE;
    /** hmac.new(SECRET, b"1715706720." + BODY, sha256).hexdigest(), computed with Python's hmac module. */
    static final String EXPECTED = "3cec96db776515575b98d52d129c5b7ed5f9f19872f3e6893b2df24fb193ee01";

    @Test
    void signsTimestampAndBodyWithHmacSha256() {
        assertEquals("t=1715706720,v1=" + EXPECTED, WebhookSignature.sign(SECRET, SENT, BODY));
        assertEquals("t=1715706720,v1=" + EXPECTED, WebhookSignature.sign(SECRET, SENT.plusMillis(999), BODY), "whole seconds");
    }

    @Test
    void aSubscriberVerifiesWhatStudioSigned() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);
        assertEquals(VALID, WebhookSignature.verify(SECRET, header, BODY, SENT.plusSeconds(3), TOLERANCE));
    }

    @Test
    void theToleranceHoldsBothWaysAndIncludesItsLimit() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);
        assertEquals(VALID, WebhookSignature.verify(SECRET, header, BODY, SENT.plusSeconds(300), TOLERANCE));
        assertEquals(OUTSIDE_TOLERANCE, WebhookSignature.verify(SECRET, header, BODY, SENT.plusSeconds(301), TOLERANCE));
        assertEquals(VALID, WebhookSignature.verify(SECRET, header, BODY, SENT.minusSeconds(300), TOLERANCE));
        assertEquals(OUTSIDE_TOLERANCE, WebhookSignature.verify(SECRET, header, BODY, SENT.minusSeconds(301), TOLERANCE));
    }

    @Test
    void anyChangeToBodySecretOrTimestampIsAMismatch() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);
        assertEquals(MISMATCH, WebhookSignature.verify(SECRET, header, "{\"a\":2}".getBytes(StandardCharsets.UTF_8), SENT, TOLERANCE));
        assertEquals(MISMATCH, WebhookSignature.verify(SECRET + "x", header, BODY, SENT, TOLERANCE));
        assertEquals(MISMATCH, WebhookSignature.verify(SECRET, header.replace("t=1715706720", "t=1715706721"), BODY, SENT, TOLERANCE));
        String flipped = header.substring(0, header.length() - 1) + (header.endsWith("1") ? "0" : "1");
        assertEquals(MISMATCH, WebhookSignature.verify(SECRET, flipped, BODY, SENT, TOLERANCE));
    }

    @Test
    void duringSecretRotationOneMatchingSignatureIsEnough() {
        String old = WebhookSignature.sign("an-older-secret-of-ours", SENT, BODY);
        String header = "t=1715706720,v1=" + old.substring(old.indexOf("v1=") + 3) + ",v1=" + EXPECTED;
        assertEquals(VALID, WebhookSignature.verify(SECRET, header, BODY, SENT, TOLERANCE));
        assertEquals(VALID, WebhookSignature.verify(SECRET, "t=1715706720, v0=abc, v1=" + EXPECTED.toUpperCase(), BODY, SENT, TOLERANCE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v1=" + EXPECTED, "t=1715706720", "t=1715706720,v1=abc", "t=soon,v1=" + EXPECTED, "t=-5,v1=" + EXPECTED,
            "t=1715706720,t=1715706720,v1=" + EXPECTED, "t=1715706720;v1=" + EXPECTED, "t=1715706720,v1", "t=99999999999999999999,v1=" + EXPECTED})
    void malformedHeadersAreRefused(String header) {
        assertEquals(MALFORMED, WebhookSignature.verify(SECRET, header, BODY, SENT, TOLERANCE));
    }

    @Test
    void nothingVerifiesWithoutHeaderOrSecret() {
        assertEquals(MALFORMED, WebhookSignature.verify(SECRET, null, BODY, SENT, TOLERANCE));
        assertEquals(MALFORMED, WebhookSignature.verify("", "t=1715706720,v1=" + EXPECTED, BODY, SENT, TOLERANCE));
    }

    @Test
    void shortSecretsAreRefused() {
        assertEquals(Optional.of("a webhook secret needs at least 16 characters"), WebhookSignature.secretProblem("short"));
        assertEquals(Optional.of("a webhook secret needs at least 16 characters"), WebhookSignature.secretProblem(null));
        assertEquals(Optional.empty(), WebhookSignature.secretProblem("x".repeat(16)));
        assertEquals("a webhook secret needs at least 16 characters",
                assertThrows(IllegalArgumentException.class, () -> WebhookSignature.sign("x".repeat(15), SENT, BODY)).getMessage());
    }

    @Test
    void signsTheCloudEventBodyAsSent() {
        CloudEvent e = CloudEvent.of("1", "ReleaseCompleted", "releases/mvp-v1", SENT, null);
        String header = WebhookSignature.sign(SECRET, SENT, e.body());
        assertEquals(VALID, WebhookSignature.verify(SECRET, header, e.toJson().getBytes(StandardCharsets.UTF_8), SENT, TOLERANCE));
    }
}
