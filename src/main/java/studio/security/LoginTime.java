package studio.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonNumber;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * When the person behind a request last authenticated at the identity provider: the {@code auth_time} claim of the
 * token that signed them in (the ID token of a browser session, the access token of an API call). An identity that
 * came with no token at all carries it as the {@value #ATTRIBUTE} attribute; in production none does (every identity
 * comes from OIDC), so this only lets tests that build identities themselves say when "they" signed in.
 */
public final class LoginTime {

    public static final String ATTRIBUTE = "auth_time";

    private LoginTime() {
    }

    public static Optional<Instant> of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) return Optional.empty();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) return seconds(jwt.getClaim(ATTRIBUTE));
        return seconds(identity.getAttribute(ATTRIBUTE));
    }

    static Optional<Instant> seconds(Object value) {
        if (value instanceof JsonNumber n) return Optional.of(Instant.ofEpochSecond(n.longValue()));
        if (value instanceof Number n) return Optional.of(Instant.ofEpochSecond(n.longValue()));
        if (value instanceof String s && s.matches("\\d{1,12}")) return Optional.of(Instant.ofEpochSecond(Long.parseLong(s)));
        return Optional.empty();
    }
}
