package studio.notify;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one-click unsubscribe link in digests: the person's name and an HMAC of it under
 * {@code studio.notifications.link-key}, so the link works without signing in and cannot be forged for someone else.
 */
@ApplicationScoped
public class UnsubscribeLinks {

    /** The demo key; a production start refuses it (ProductionChecks). */
    public static final String DEMO_KEY = "studio-demo-link-key-change-me";

    @ConfigProperty(name = "studio.notifications.link-key", defaultValue = DEMO_KEY)
    String key;

    public String token(String person) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(person.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(mac(person));
    }

    /** The person a token names, when its signature holds. */
    public Optional<String> person(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) return Optional.empty();
        try {
            String person = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            return MessageDigest.isEqual(given, mac(person)) ? Optional.of(person) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String person) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(("unsubscribe:" + person).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
