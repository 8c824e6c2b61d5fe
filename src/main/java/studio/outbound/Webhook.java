package studio.outbound;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A subscriber: where Studio posts milestone and release events, in which format, and the secret it signs them with.
 * A chat channel is a subscriber in the slack or teams format, with a name, a scope and no secret.
 */
@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String url;
    public String secret;
    @Column(name = "previous_secret")
    public String previousSecret;
    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;
    /** Exact event names; null for every event. */
    @Column(name = "event_types")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] eventTypes;
    public boolean active;
    /** cloudevents, slack or teams ({@link DeliveryFormat}). */
    public String format = DeliveryFormat.CLOUDEVENTS.json();
    /** What admins call a chat channel; null for CloudEvents subscribers. */
    public String name;
    /** null for every event; else milestone, environment or team ({@link ChannelScope}) with its value. */
    @Column(name = "scope_kind")
    public String scopeKind;
    @Column(name = "scope_value")
    public String scopeValue;
    @Column(name = "from_outbox_id")
    public long fromOutboxId;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;

    public DeliveryFormat deliveryFormat() {
        return DeliveryFormat.parse(format).orElseThrow(() -> new IllegalStateException("webhook " + id + " has format " + format));
    }

    public boolean isChat() {
        return deliveryFormat().chat();
    }

    /** "Slack", "Microsoft Teams", "CloudEvents". */
    public String getFormatLabel() {
        return deliveryFormat().label();
    }

    /** "releases to production", "every milestone and release", ...: for pages. */
    public String getScopeLabel() {
        return ChannelScope.of(scopeKind).describe(scopeValue);
    }

    /** The URL as pages show it: a chat webhook's URL is its credential, so only its host and last characters. */
    public String getDisplayUrl() {
        return isChat() ? WebhookSecrets.maskUrl(url) : url;
    }

    public SigningSecrets secrets() {
        return new SigningSecrets(secret, previousSecret, previousSecretUntil);
    }

    public String getMaskedSecret() {
        return WebhookSecrets.mask(secret);
    }

    public boolean isRotating() {
        return previousSecret != null && previousSecretUntil != null && Instant.now().isBefore(previousSecretUntil);
    }

    /** "every event" or the names, for pages. */
    public String getEventFilter() {
        return eventTypes == null || eventTypes.length == 0 ? "every event" : String.join(", ", List.of(eventTypes));
    }
}
