package studio.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import studio.governance.ReleaseEnvironment;
import studio.input.InputProblem;
import studio.outbound.chat.ChatEvents;

/**
 * What an admin asks for when adding a chat channel: a name people recognise ("#releases"), the chat service's format
 * (slack or teams), its incoming webhook URL, the scope (all, milestone, environment or team, with its value) and the
 * events (none given: {@link ChatEvents#DEFAULT}). {@link #problems()} names each field that is wrong, as the form and
 * the API show it; whether the URL's host may be called and the milestone exists is checked where the data is
 * ({@link Subscriptions#createChannel}).
 *
 * @param eventTypes the chosen event names; null for the defaults (an empty list is a choice of none, refused)
 */
public record ChatChannel(String name, String format, String url, String scope, String scopeValue, List<String> eventTypes) {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_SCOPE_VALUE_LENGTH = 200;
    private static final Pattern EVENT_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,99}");

    public ChatChannel {
        name = trim(name);
        format = trim(format);
        url = trim(url);
        scope = trim(scope);
        scopeValue = trim(scopeValue);
        eventTypes = eventTypes == null ? null : List.copyOf(new LinkedHashSet<>(eventTypes.stream().map(String::trim)
                .filter(s -> !s.isEmpty()).toList()));
    }

    public List<InputProblem> problems() {
        List<InputProblem> problems = new ArrayList<>();
        if (name.isEmpty()) problems.add(problem("a chat channel needs a name people recognise, e.g. #releases", "name"));
        if (name.length() > MAX_NAME_LENGTH) problems.add(problem("the name is longer than " + MAX_NAME_LENGTH + " characters", "name"));
        if (deliveryFormat().isEmpty()) {
            problems.add(problem("the format must be slack (Slack or a Slack-compatible service) or teams (Microsoft Teams)", "format"));
        }
        urlProblem().ifPresent(m -> problems.add(problem(m, "url")));
        scopeProblem().ifPresent(problems::add);
        if (eventTypes != null && eventTypes.isEmpty()) problems.add(problem("choose at least one event to post", "event_types"));
        for (String e : eventTypes == null ? List.<String>of() : eventTypes) {
            if (!EVENT_NAME.matcher(e).matches() || !OutboundEvents.exported(e)) {
                problems.add(problem("\"" + e + "\" is not a milestone or release event name (MilestoneBlocked, ReleaseFailed, ...)", "event_types"));
            }
        }
        return problems;
    }

    public Optional<DeliveryFormat> deliveryFormat() {
        return DeliveryFormat.parse(format).filter(DeliveryFormat::chat);
    }

    /** The scope; {@link ChannelScope#ALL} when none was given. */
    public Optional<ChannelScope> channelScope() {
        return ChannelScope.parse(scope);
    }

    /** The value the scope names, as stored: null for all events, the environment in its canonical spelling. */
    public String storedScopeValue() {
        ChannelScope s = channelScope().orElse(ChannelScope.ALL);
        if (s == ChannelScope.ALL) return null;
        return s == ChannelScope.ENVIRONMENT ? ReleaseEnvironment.parse(scopeValue).json() : scopeValue;
    }

    /** The event names to post, in the order given without repeats. */
    public String[] filter() {
        return (eventTypes == null ? ChatEvents.DEFAULT : eventTypes).toArray(String[]::new);
    }

    private Optional<String> urlProblem() {
        try {
            if (!url.isEmpty() && new URI(url).getRawUserInfo() != null) return Optional.of("the URL must not carry a user name or password");
        } catch (URISyntaxException e) {
            // Subscription.urlProblem says what is wrong with it
        }
        return Subscription.urlProblem(url).map(m -> m.replace("a webhook needs a URL", "paste the chat service's incoming webhook URL"));
    }

    private Optional<InputProblem> scopeProblem() {
        Optional<ChannelScope> s = channelScope();
        if (s.isEmpty()) return Optional.of(problem("the scope must be all, milestone, environment or team", "scope"));
        if (s.get() == ChannelScope.ALL) return Optional.empty();
        if (scopeValue.isEmpty()) return Optional.of(problem("name the " + s.get().json() + " this channel is about", "scope_value"));
        if (scopeValue.length() > MAX_SCOPE_VALUE_LENGTH) {
            return Optional.of(problem("the " + s.get().json() + " is longer than " + MAX_SCOPE_VALUE_LENGTH + " characters", "scope_value"));
        }
        if (s.get() == ChannelScope.ENVIRONMENT) {
            try {
                ReleaseEnvironment.parse(scopeValue);
            } catch (IllegalArgumentException e) {
                return Optional.of(problem(e.getMessage(), "scope_value"));
            }
        }
        return Optional.empty();
    }

    private static InputProblem problem(String message, String field) {
        return new InputProblem(message, null, null, field);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
