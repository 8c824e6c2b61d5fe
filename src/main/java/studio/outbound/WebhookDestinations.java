package studio.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a webhook URL's host against {@link DestinationPolicy} on the addresses it resolves to now: when an admin
 * subscribes it, and again before every delivery, because a name that resolved to a public address yesterday may
 * resolve to 127.0.0.1 today (DNS rebinding). The JDK caches a resolution for 30 s by default, so the connection that
 * follows the check uses the addresses the check saw.
 */
@ApplicationScoped
public class WebhookDestinations {

    private final DestinationPolicy policy;

    WebhookDestinations(@ConfigProperty(name = "studio.webhooks.allowed-hosts") Optional<List<String>> allowed) {
        policy = DestinationPolicy.allowing(allowed.orElse(List.of()));
    }

    /** Why webhooks may not be sent to {@code url} now; empty when they may. */
    public Optional<String> refusal(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return Optional.of("not a URL: " + e.getMessage());
        }
        if (host == null) return Optional.of("the URL must name a host");
        return policy.refusal(host, resolve(DestinationPolicy.bare(host)));
    }

    private static List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
