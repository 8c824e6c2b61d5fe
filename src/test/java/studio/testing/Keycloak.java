package studio.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/** Real tokens from the Keycloak that ./studio test started (demo realm, password "demo"). */
public final class Keycloak {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Keycloak() {
    }

    public static String realmUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    /** An access token for a demo user, or for the CI service account when {@code user} is "ci". */
    public static String token(String user) {
        Map<String, String> form = "ci".equals(user)
                ? Map.of("grant_type", "client_credentials", "client_id", "studio-ci", "client_secret", "studio-ci-secret")
                : Map.of("grant_type", "password", "client_id", "studio-cli", "username", user, "password", "demo",
                        "scope", "openid");
        String body = post(realmUrl() + "/protocol/openid-connect/token", form);
        Matcher m = ACCESS_TOKEN.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("Keycloak gave no token for " + user + ": " + body);
        }
        return m.group(1);
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
