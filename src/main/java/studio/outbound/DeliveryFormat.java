package studio.outbound;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import studio.outbound.chat.EventSentences;
import studio.outbound.chat.SlackMessage;
import studio.outbound.chat.TeamsMessage;

/**
 * What a subscriber receives for each event: the signed CloudEvent as stored in the outbox, or a chat message rendered
 * from it when it is posted (Slack Block Kit, a Teams Adaptive Card). Chat messages are not signed: chat services
 * verify no signature, a chat webhook's URL is its credential.
 */
public enum DeliveryFormat {
    CLOUDEVENTS("CloudEvents", WebhookSender.CONTENT_TYPE),
    SLACK("Slack", "application/json"),
    TEAMS("Microsoft Teams", "application/json");

    private final String label;
    private final String contentType;

    DeliveryFormat(String label, String contentType) {
        this.label = label;
        this.contentType = contentType;
    }

    /** "slack": as stored and as the API and forms write it. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public String contentType() {
        return contentType;
    }

    public boolean chat() {
        return this != CLOUDEVENTS;
    }

    public static Optional<DeliveryFormat> parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.json().equals(wanted)).findFirst();
    }

    /** The HTTP body for an event stored as {@code cloudEvent} (JSON); links in chat messages start with {@code publicUrl}. */
    public String body(String cloudEvent, String publicUrl) {
        if (this == CLOUDEVENTS) return cloudEvent;
        CloudEvent e = CloudEvent.parse(cloudEvent);
        OutboundEvents.About about = OutboundEvents.about(e);
        var message = EventSentences.of(e.eventName(), about.milestoneId(), about.releaseTag(), about.environment(), e.time(), e.data(),
                publicUrl);
        return this == SLACK ? SlackMessage.json(message) : TeamsMessage.json(message);
    }
}
