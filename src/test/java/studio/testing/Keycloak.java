package studio.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/** Real tokens from the Keycloak that ./studio test started (demo realm, password "demo"). */
public final class Keycloak {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Keycloak() {
    }

    public static String realmUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    /**
     * An access token for a demo user, or for the CI service account when {@code user} is "ci". A person's token comes
     * from signing in on Keycloak's login page (authorization code flow with PKCE, Studio's web client), as a person's
     * does: it carries {@code auth_time}, which decisions require to be recent. (The password grant {@link #passwordToken}
     * uses carries none.)
     */
    public static String token(String user) {
        if ("ci".equals(user)) {
            return accessToken(user, post(realmUrl() + "/protocol/openid-connect/token",
                    Map.of("grant_type", "client_credentials", "client_id", "studio-ci", "client_secret", "studio-ci-secret")));
        }
        String verifier = randomUrlSafe(48);
        String redirect = "http://localhost:1/token-callback";
        URI authorize = URI.create(realmUrl() + "/protocol/openid-connect/auth?" + HttpBrowser.form(Map.of(
                "client_id", "studio-web", "response_type", "code", "scope", "openid", "redirect_uri", redirect,
                "state", randomUrlSafe(16), "code_challenge", challenge(verifier), "code_challenge_method", "S256")));
        HttpBrowser browser = new HttpBrowser();
        var login = browser.get(authorize, next -> next.toString().startsWith(redirect));
        var callback = browser.signIn(login, user, next -> next.toString().startsWith(redirect));
        String location = callback.headers().firstValue("location").orElse("");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (!code.find()) throw new IllegalStateException("Keycloak gave no code for " + user + ": " + callback.statusCode() + " " + location);
        return accessToken(user, post(realmUrl() + "/protocol/openid-connect/token", Map.of("grant_type", "authorization_code",
                "client_id", "studio-web", "client_secret", webClientSecret(), "redirect_uri", redirect,
                "code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "code_verifier", verifier)));
    }

    /** A demo user's token from the password grant ({@code ./studio token}'s way): no {@code auth_time} in it. */
    public static String passwordToken(String user) {
        return accessToken(user, post(realmUrl() + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "studio-cli", "username", user, "password", "demo", "scope", "openid")));
    }

    private static String accessToken(String user, String body) {
        Matcher m = ACCESS_TOKEN.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("Keycloak gave no token for " + user + ": " + body);
        }
        return m.group(1);
    }

    private static String webClientSecret() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.credentials.secret", String.class);
    }

    private static String randomUrlSafe(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String post(String url, Map<String, String> form) {
        String encoded = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encoded)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException("Keycloak is not reachable at " + url, e);
        }
    }
}
