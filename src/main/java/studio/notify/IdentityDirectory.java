package studio.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads who holds which Studio role, with their email addresses, from Keycloak's admin API with a service account
 * (client credentials; the account needs realm-management's view-users and view-realm), so the people a decision
 * waits for are notified even if they never signed in. One request per identity-provider role mapped to a Studio role
 * ({@code quarkus.http.auth.roles-mapping}). Without {@code studio.directory.client-id} it does nothing and people are
 * known from their sign-ins only. Safe with several instances: each writes the same snapshot.
 */
@ApplicationScoped
public class IdentityDirectory {

    private static final Logger LOG = Logger.getLogger(IdentityDirectory.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAPPING = "quarkus.http.auth.roles-mapping.";

    @Inject
    People people;
    @Inject
    Config config;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;
    @ConfigProperty(name = "studio.directory.client-id")
    Optional<String> clientId;
    @ConfigProperty(name = "studio.directory.client-secret")
    Optional<String> clientSecret;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String lastError;

    @Scheduled(identity = "identity-directory", every = "${studio.directory.sync-every:5m}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        if (clientId.isEmpty()) return;
        try {
            sync();
            lastError = null;
        } catch (IOException | RuntimeException e) {
            if (!String.valueOf(e.getMessage()).equals(lastError)) LOG.warnf("reading the identity provider's directory failed: %s", e.getMessage());
            lastError = String.valueOf(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the directory and stores it; answers how many people hold a Studio role. */
    public int sync() throws IOException, InterruptedException {
        String token = token();
        Map<String, Builder> found = new LinkedHashMap<>();
        for (Map.Entry<String, String> mapping : roleMapping().entrySet()) {
            int first = 0;
            while (true) {
                JsonNode users = get(token, "/roles/" + encode(mapping.getKey()) + "/users?briefRepresentation=false&first=" + first + "&max=500");
                for (JsonNode u : users) {
                    if (!u.path("enabled").asBoolean(true) || u.path("username").asText("").startsWith("service-account-")) continue;
                    found.computeIfAbsent(u.path("username").asText(), n -> new Builder(n, u)).roles.add(mapping.getValue());
                }
                if (users.size() < 500) break;
                first += 500;
            }
        }
        people.replaceDirectory(found.values().stream().map(Builder::person).toList());
        return found.size();
    }

    /** Identity-provider role name to Studio role, as configured. */
    Map<String, String> roleMapping() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith(MAPPING)) continue;
            String idpRole = name.substring(MAPPING.length()).replace("\"", "");
            config.getOptionalValue(name, String.class).ifPresent(role -> out.put(idpRole, role));
        }
        return out;
    }

    private String token() throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId.orElseThrow())
                + "&client_secret=" + encode(clientSecret.orElse(""));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("the directory client was refused a token (HTTP " + r.statusCode() + ")");
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private JsonNode get(String token, String path) throws IOException, InterruptedException {
        String admin = issuer.replaceFirst("/realms/", "/admin/realms/");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(admin + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 404) return JSON.createArrayNode(); // a mapped role the realm does not define
        if (r.statusCode() != 200) throw new IOException("the directory answered HTTP " + r.statusCode() + " for " + path);
        return JSON.readTree(r.body());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static final class Builder {
        final String name;
        final String email;
        final String display;
        final Set<String> roles = new HashSet<>();

        Builder(String name, JsonNode u) {
            this.name = name;
            this.email = u.path("email").asText(null);
            String full = (u.path("firstName").asText("") + " " + u.path("lastName").asText("")).strip();
            this.display = full.isEmpty() ? null : full;
        }

        Person person() {
            return new Person(name, email, display, roles);
        }
    }
}
