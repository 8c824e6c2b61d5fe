package studio.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import studio.input.InputProblem;

/**
 * What an admin asks for when adding a webhook: where to send, and optionally which event names (exact names,
 * separated by commas or spaces; none means every milestone and release event). {@link #problems()} says what is
 * wrong in words the form can show next to the fields.
 */
public record Subscription(String url, String eventTypes) {

    public static final int MAX_URL_LENGTH = 2000;
    private static final Pattern EVENT_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,99}");

    public Subscription {
        url = url == null ? "" : url.trim();
        eventTypes = eventTypes == null ? "" : eventTypes.trim();
    }

    public List<InputProblem> problems() {
        List<InputProblem> problems = new ArrayList<>();
        urlProblem(url).ifPresent(m -> problems.add(new InputProblem(m, null, null, "url")));
        for (String name : names()) {
            if (!EVENT_NAME.matcher(name).matches() || !OutboundEvents.exported(name)) {
                problems.add(new InputProblem("\"" + name + "\" is not a milestone or release event name (MilestoneReached, ReleaseCompleted, ...)",
                        null, null, "event_types"));
            }
        }
        return problems;
    }

    /** The event names to filter on, in the order given without repeats; null for "every event". */
    public String[] filter() {
        List<String> names = names();
        return names.isEmpty() ? null : names.toArray(String[]::new);
    }

    private List<String> names() {
        if (eventTypes.isEmpty()) return List.of();
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(eventTypes.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList()));
    }

    /** Why {@code url} cannot receive webhooks, or empty. */
    static Optional<String> urlProblem(String url) {
        if (url.isEmpty()) return Optional.of("a webhook needs a URL");
        if (url.length() > MAX_URL_LENGTH) return Optional.of("the URL is longer than " + MAX_URL_LENGTH + " characters");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return Optional.of("the URL must start with http:// or https://");
        if (uri.getHost() == null || uri.getHost().isEmpty()) return Optional.of("the URL must name a host");
        if (uri.getRawUserInfo() != null) return Optional.of("the URL must not carry a user name or password; deliveries are signed instead");
        if (uri.getRawFragment() != null) return Optional.of("the URL must not have a #fragment");
        return Optional.empty();
    }
}
