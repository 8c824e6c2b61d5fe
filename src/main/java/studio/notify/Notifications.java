package studio.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import studio.persistence.Rows;

/**
 * The notices stored for each person (table {@code notification}): written by the sweep, at most once per
 * (recipient, topic, event); read by the notification centre and the bell; emailed by {@link MailDelivery}.
 */
@ApplicationScoped
public class Notifications {

    /** A page of the centre. */
    static final int PAGE = 30;

    /** One stored notice as the centre lists it. */
    public record Stored(long id, String topic, String event, boolean mandatory, String subject, String body, String link,
                         String milestoneId, String releaseTag, Instant createdAt, Instant readAt, String emailStatus) {
        public boolean unread() {
            return readAt == null;
        }

        public boolean isRelease() {
            return releaseTag != null;
        }

        /** "emailed", "in the digest", "email failed" or null (Studio only). */
        public String emailed() {
            return switch (emailStatus) {
                case "sent" -> "emailed";
                case "pending" -> "email on its way";
                case "digest" -> "in your next digest";
                case "failed" -> "email failed";
                default -> null;
            };
        }
    }

    @Inject
    EntityManager em;

    @ConfigProperty(name = "studio.notifications.default-delivery", defaultValue = "email")
    String defaultDelivery;

    /**
     * Stores the notices not stored yet (one statement reads which exist, one insert each for the new ones) with their
     * email fate from each recipient's preference and address; answers those it stored.
     */
    public List<Notice> add(Collection<Notice> notices, Map<String, Person> people) {
        if (notices.isEmpty()) return List.of();
        Set<String> known = new HashSet<>(Rows.list(em, "select recipient || ' ' || topic || ' ' || event as k from notification where topic = any(?)",
                r -> r.text("k"), (Object) notices.stream().map(Notice::topic).distinct().toArray(String[]::new)));
        List<Notice> fresh = notices.stream().filter(n -> known.add(n.recipient() + " " + n.topic() + " " + n.event())).toList();
        if (fresh.isEmpty()) return List.of();
        Map<String, Delivery> prefs = preferences(fresh.stream().map(Notice::recipient).distinct().toList());
        Instant now = Instant.now();
        List<Notice> stored = new ArrayList<>();
        for (Notice n : fresh) {
            Person p = people.get(n.recipient());
            boolean address = p != null && p.reachableByEmail();
            String status = Delivery.emailStatus(prefs.getOrDefault(n.recipient() + " " + n.kind().slug(), Delivery.fromSlug(defaultDelivery)),
                    n.mandatory(), address);
            int inserted = Rows.update(em, """
                    insert into notification (recipient, topic, event, mandatory, subject, body, link, milestone_id, release_tag, created_at,
                                              email_to, email_status, email_due_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict on constraint notification_once do nothing""",
                    n.recipient(), n.topic(), n.event(), n.mandatory(), n.subject(), n.body(), n.link(), n.milestoneId(), n.releaseTag(), now,
                    address ? p.email() : null, status, "pending".equals(status) ? now : null);
            if (inserted == 1) stored.add(n);
        }
        return stored;
    }

    /** Each person's chosen delivery per kind, keyed "person kind". */
    Map<String, Delivery> preferences(List<String> persons) {
        Map<String, Delivery> out = new HashMap<>();
        Rows.list(em, "select person, kind, delivery from notification_preference where person = any(?)",
                r -> out.put(r.text("person") + " " + r.text("kind"), Delivery.fromSlug(r.text("delivery"))), (Object) persons.toArray(String[]::new));
        return out;
    }

    /** One person's choice for each kind (the default where they chose nothing). */
    public Map<Notice.Kind, Delivery> preferencesOf(String person) {
        Map<String, Delivery> stored = preferences(List.of(person));
        Map<Notice.Kind, Delivery> out = new java.util.EnumMap<>(Notice.Kind.class);
        for (Notice.Kind k : Notice.Kind.values()) {
            out.put(k, stored.getOrDefault(person + " " + k.slug(), Delivery.fromSlug(defaultDelivery)));
        }
        return out;
    }

    public void choose(String person, Notice.Kind kind, Delivery delivery) {
        Rows.update(em, """
                insert into notification_preference (person, kind, delivery) values (?, ?, ?)
                on conflict (person, kind) do update set delivery = excluded.delivery""", person, kind.slug(), delivery.slug());
    }

    /** The newest first, {@link #PAGE} at a time, before {@code beforeId} (keyset). */
    public List<Stored> page(String recipient, Long beforeId, boolean unreadOnly) {
        return Rows.list(em, """
                select id, topic, event, mandatory, subject, body, link, milestone_id, release_tag, created_at, read_at, email_status
                from notification where recipient = ? and id < ? and (not ? or read_at is null) order by id desc limit ?""",
                Notifications::stored, recipient, beforeId == null ? Long.MAX_VALUE : beforeId, unreadOnly, PAGE + 1);
    }

    public Optional<Stored> find(String recipient, long id) {
        return Rows.first(em, """
                select id, topic, event, mandatory, subject, body, link, milestone_id, release_tag, created_at, read_at, email_status
                from notification where recipient = ? and id = ?""", Notifications::stored, recipient, id);
    }

    public long unread(String recipient) {
        return Rows.first(em, "select count(*) as n from notification where recipient = ? and read_at is null",
                r -> r.number("n"), recipient).orElse(0L);
    }

    /** Marks one read; a notice of someone else is never touched (answers false). */
    public boolean markRead(String recipient, long id) {
        return Rows.update(em, "update notification set read_at = coalesce(read_at, now()) where id = ? and recipient = ?", id, recipient) == 1;
    }

    public int markAllRead(String recipient) {
        return Rows.update(em, "update notification set read_at = now() where recipient = ? and read_at is null", recipient);
    }

    private static Stored stored(studio.persistence.Row r) {
        return new Stored(r.number("id"), r.text("topic"), r.text("event"), r.flag("mandatory"), r.text("subject"), r.text("body"),
                r.text("link"), r.text("milestone_id"), r.text("release_tag"), r.instant("created_at"), r.instant("read_at"),
                r.text("email_status"));
    }
}
