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
 * {@value WebhookSignature#HEADER} header, with the event id also in {@code ce-id}; to a chat channel, the message
 * rendered from the event for its service ({@link DeliveryFormat#body}, {@code application/json}, no signature: chat
 * services verify none, and links in it start with {@code studio.public-url}). Redirects are not followed: a
 * subscriber's URL is what an admin configured, and a 3xx is not a delivery. Before each attempt the URL's host is
 * resolved and checked again ({@link WebhookDestinations}): an address that turned private since the subscription is
 * not contacted, and the attempt is recorded as not sent.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String CONTENT_TYPE = "application/cloudevents+json";

    @ConfigProperty(name = "studio.webhooks.timeout", defaultValue = "5s")
    Duration timeout;

    @ConfigProperty(name = "studio.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    WebhookDestinations destinations;

    private volatile HttpClient http;

    public CompletableFuture<AttemptResult> send(Claimed c) {
        Optional<String> refused = destinations.refusal(c.url());
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(new AttemptResult.Unreachable("not sent: " + refused.get(), Duration.ZERO));
        }
        byte[] body;
        try {
            body = c.format().body(c.event(), publicUrl).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) { // recorded as a failed attempt, never a failed run that would try it again at once
            String why = "not sent: the message could not be written: " + e;
            return CompletableFuture.completedFuture(new AttemptResult.Unreachable(why, Duration.ZERO));
        }
        HttpRequest request;
        try {
            request = request(c, body);
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

    /** @throws IllegalArgumentException for a URL the client cannot use */
    private HttpRequest request(Claimed c, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(c.url())).timeout(timeout)
                .header("Content-Type", c.format().contentType())
                .header("User-Agent", "Studio-Webhooks/1");
        if (!c.format().chat()) {
            request.header(WebhookSignature.HEADER, c.secrets().sign(Instant.now(), body)).header("ce-id", c.eventId());
        }
        return request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
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
