package studio.security;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether the identity provider answers its discovery document, reported at /q/health/well and never gating
 * readiness: while it is down, bearer tokens keep verifying with the keys Studio already holds and signed-in
 * sessions keep working, so taking every instance out of the load balancer would only make things worse. Readiness
 * (/q/health/ready) depends on the database alone.
 */
@Wellness
@ApplicationScoped
public class IdentityProviderHealth implements HealthCheck {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServer;

    @Override
    public HealthCheckResponse call() {
        URI discovery = URI.create(authServer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        var response = HealthCheckResponse.named("Identity provider").withData("url", authServer);
        try {
            int status = HTTP.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return response.status(status == 200).withData("status", status).build();
        } catch (java.io.IOException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        }
    }
}
