package studio.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import studio.testing.PackagedStudio;
import studio.testing.ScratchDatabases;

/**
 * Nothing is lost when Studio dies mid-delivery: the packaged app delivers to a slow subscriber, is killed with
 * SIGKILL while deliveries are in flight, and after a restart every recorded event still arrives (duplicates are
 * allowed: delivery is at least once; losses are not).
 */
class WebhookRestartIT {

    static final int MILESTONES = 20;
    static final Map<String, String> ENV = Map.of("STUDIO_WEBHOOKS_LEASE", "5s", "STUDIO_WEBHOOKS_RETRY_INITIAL_DELAY", "1s",
            "STUDIO_WEBHOOKS_RETRY_MAX_DELAY", "2s");

    @Test
    void everyEventArrivesAfterAKillDuringDelivery() throws Exception {
        String url = ScratchDatabases.fresh("studio_it_webhooks");
        try (Receiver receiver = Receiver.start().delay(Duration.ofMillis(300))) {
            PackagedStudio first = PackagedStudio.start(url, ENV);
            assertTrue(first.ready(), "Studio did not start:\n" + first.log());
            String secret = call(first, "POST", "/api/webhooks", "platform-admin", "application/json",
                    "{\"url\":\"" + receiver.url() + "\"}", 201).replaceAll("(?s).*\"secret\":\"([^\"]+)\".*", "$1");
            receiver.secret(secret);
            call(first, "POST", "/api/definitions", "ci", "application/yaml", Outbound.milestones("crash", MILESTONES, "First"), 200);
            call(first, "POST", "/api/definitions", "ci", "application/yaml", Outbound.milestones("crash", MILESTONES, "Second"), 200);
            assertTrue(Receiver.await(Duration.ofSeconds(30), () -> !receiver.arrivals().isEmpty()), "no delivery started");
            first.kill();
            int beforeKill = receiver.accepted().size();
            assertTrue(beforeKill < 2 * MILESTONES, "the kill came too late to test anything: " + beforeKill);

            List<String> recorded = ids(url);
            assertEquals(2 * MILESTONES, recorded.size(), "every definition recorded its event and outbox row");
            try (PackagedStudio second = PackagedStudio.start(url, ENV)) {
                assertTrue(second.ready(), "Studio did not restart:\n" + second.log());
                assertTrue(Receiver.await(Duration.ofSeconds(120),
                                () -> receiver.accepted().stream().map(CloudEvent::id).collect(Collectors.toSet()).containsAll(recorded)),
                        "lost: " + missing(recorded, receiver) + "\n" + second.log());
            }
            Set<String> subjects = new HashSet<>(receiver.accepted().stream().map(CloudEvent::subject).toList());
            assertEquals(MILESTONES, subjects.size());
        }
    }

    private static List<String> ids(String url) throws Exception {
        return IntStream.rangeClosed(1, (int) ScratchDatabases.count(url, "select count(*) from outbox")).mapToObj(i -> {
            try {
                return ScratchDatabases.text(url, "select event::jsonb ->> 'id' from outbox where id = " + i);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Set<String> missing(List<String> recorded, Receiver receiver) {
        Set<String> m = new HashSet<>(recorded);
        receiver.accepted().forEach(e -> m.remove(e.id()));
        return m;
    }

    /** A token from the test Keycloak the packaged app trusts (the IT runs without Quarkus' test config). */
    private static String token(String user) throws Exception {
        String form = "ci".equals(user) ? "grant_type=client_credentials&client_id=studio-ci&client_secret=studio-ci-secret"
                : "grant_type=password&client_id=studio-cli&username=" + user + "&password=demo&scope=openid";
        HttpRequest request = HttpRequest.newBuilder(URI.create(PackagedStudio.OIDC + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceAll("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static String call(PackagedStudio app, String method, String path, String user, String type, String body, int expected)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Authorization", "Bearer " + token(user))
                .header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), path + ": " + r.body());
        return r.body();
    }
}
