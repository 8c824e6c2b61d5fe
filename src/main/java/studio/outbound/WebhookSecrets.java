package studio.outbound;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Shared secrets for signing deliveries. Studio generates them (256 random bits), so no subscriber ends up with a
 * guessable one, and shows a secret in full only once, right after it was made; pages show it masked.
 */
public final class WebhookSecrets {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {}

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * "https://hooks.slack.com/…x9Qa": the scheme, host and port of a URL that is itself a credential (a chat service's
     * incoming webhook), and its last four characters: enough to tell two apart, too little to post with.
     */
    public static String maskUrl(String url) {
        try {
            java.net.URI u = new java.net.URI(url);
            if (u.getScheme() == null || u.getHost() == null) return "…";
            String tail = url.length() < 12 ? "" : url.substring(url.length() - 4);
            return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()) + "/…" + tail;
        } catch (java.net.URISyntaxException e) {
            return "…";
        }
    }

    /** "whsec_…x9Qa": enough to tell two secrets apart, too little to sign with. */
    public static String mask(String secret) {
        if (secret == null || secret.length() < 12) return "…";
        String start = secret.startsWith(PREFIX) ? PREFIX : "";
        return start + "…" + secret.substring(secret.length() - 4);
    }
}
