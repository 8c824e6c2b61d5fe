package studio.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One HTTP POST of a CloudEvent (structured mode, {@code application/cloudevents+json}), signed in the
 * {@value WebhookSignature#HEADER} header, with the event id also in {@code ce-id}. Redirects are not followed: a
 * subscriber's URL is what an admin configured, and a 3xx is not a delivery. Before each attempt the URL's host is
 * resolved and checked again ({@link WebhookDestinations}): an address that turned private since the subscription is
 * not contacted, and the attempt is recorded as not sent.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String CONTENT_TYPE = "application/cloudevents+json";

    @ConfigProperty(name = "studio.webhooks.timeout", defaultValue = "5s")
    Duration timeout;

    @Inject
    WebhookDestinations destinations;

    private volatile HttpClient http;

    public CompletableFuture<AttemptResult> send(Claimed c) {
        Optional<String> refused = destinations.refusal(c.url());
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(new AttemptResult.Unreachable("not sent: " + refused.get(), Duration.ZERO));
        }
        byte[] body = c.event().getBytes(StandardCharsets.UTF_8);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(c.url())).timeout(timeout)
                    .header("Content-Type", CONTENT_TYPE)
                    .header(WebhookSignature.HEADER, c.secrets().sign(Instant.now(), body))
                    .header("ce-id", c.eventId())
                    .header("User-Agent", "Studio-Webhooks/1")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new AttemptResult.Unreachable("invalid URL: " + e.getMessage(), Duration.ZERO));
        }
        long start = System.nanoTime();
        return client().sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return response != null ? new AttemptResult.Answered(response.statusCode(), took)
                    : new AttemptResult.Unreachable(describe(error), took);
        });
    }

    private HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) return "timed out";
        String message = cause.getMessage();
        String kind = cause.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
