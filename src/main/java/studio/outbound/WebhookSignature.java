package studio.outbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on a webhook delivery, in the header {@value #HEADER}: {@code t=<unix seconds>,v1=<hex>} where
 * the hex is HMAC-SHA256, keyed with the subscriber's shared secret (its UTF-8 bytes), over
 * {@code <t> "." <body bytes>}. Signing the timestamp with the body lets a subscriber refuse replays of old
 * deliveries. A subscriber checks it in a few lines of any language:
 * {@code hex(hmac_sha256(secret, t + "." + body)) == v1} and {@code |now - t| <= tolerance}.
 *
 * <p>A header may carry several {@code v1} values (one per secret while a secret is being rotated); one match is
 * enough. Other schemes ({@code v0=}, {@code v2=}) are ignored, so a later scheme can be added beside v1.
 */
public final class WebhookSignature {

    public static final String HEADER = "Studio-Signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    public static final int MIN_SECRET_LENGTH = 16;

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

    public enum Verification { VALID, MALFORMED, OUTSIDE_TOLERANCE, MISMATCH }

    private WebhookSignature() {}

    /** Why {@code secret} cannot sign webhooks, or empty; the configuration screen answers 400 with it. */
    public static Optional<String> secretProblem(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            return Optional.of("a webhook secret needs at least " + MIN_SECRET_LENGTH + " characters");
        }
        return Optional.empty();
    }

    /** @throws IllegalArgumentException for a secret {@link #secretProblem} refuses */
    public static String sign(String secret, Instant timestamp, byte[] body) {
        secretProblem(secret).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        long t = timestamp.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(secret, t, body));
    }

    /** Checks a received header; {@code tolerance} bounds the clock difference both ways (inclusive). */
    public static Verification verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        if (secret == null || secret.isEmpty()) return Verification.MALFORMED;
        Optional<Signed> signed = Signed.parse(header);
        if (signed.isEmpty()) return Verification.MALFORMED;
        long t = signed.get().timestamp();
        if (Math.abs(now.getEpochSecond() - t) > tolerance.getSeconds()) return Verification.OUTSIDE_TOLERANCE;
        byte[] expected = mac(secret, t, body);
        // MessageDigest.isEqual takes the same time wherever the bytes differ: no timing oracle for forgers.
        return signed.get().signatures().stream().anyMatch(s -> MessageDigest.isEqual(s, expected)) ? Verification.VALID : Verification.MISMATCH;
    }

    /** A header's timestamp and v1 signatures. */
    private record Signed(long timestamp, List<byte[]> signatures) {

        /** Empty unless the header has exactly one numeric t, at least one v1, and every v1 is 64 hex digits. */
        static Optional<Signed> parse(String header) {
            if (header == null) return Optional.empty();
            Long t = null;
            List<byte[]> signatures = new ArrayList<>();
            for (String part : header.split(",")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length != 2) return Optional.empty();
                if (kv[0].equals("t")) {
                    if (t != null || !DIGITS.matcher(kv[1]).matches()) return Optional.empty();
                    t = Long.parseLong(kv[1]);
                } else if (kv[0].equals("v1")) {
                    if (!HEX64.matcher(kv[1]).matches()) return Optional.empty();
                    signatures.add(HexFormat.of().parseHex(kv[1]));
                }
            }
            return t == null || signatures.isEmpty() ? Optional.empty() : Optional.of(new Signed(t, signatures));
        }
    }

    private static byte[] mac(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
