package studio.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import studio.audit.AuditLog;
import studio.outbound.NotificationMetrics;
import studio.governance.Actor;
import studio.persistence.Rows;

/**
 * Emails the notices people want by email, through Quarkus Mailer over SMTP: plain text and HTML, a link straight to
 * the decision, and threading headers so that everything about one decision is one thread (In-Reply-To and References
 * name the topic). Each due notice is claimed with SKIP LOCKED inside the transaction that records its outcome, so
 * several instances never send the same one twice; a failure is retried with a growing delay, then marked failed
 * (shown to platform admins in the notification centre). Every email sent or given up on is in the audit trail.
 */
@ApplicationScoped
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_ATTEMPTS = 5;

    /** A notice claimed for its email. */
    record Due(long id, String recipient, String emailTo, String topic, String event, String subject, String body, String link,
               String milestoneId, String releaseTag, int attempts) {}

    @Inject
    EntityManager em;
    @Inject
    Mailer mailer;
    @Inject
    AuditLog audit;
    @Inject
    NotificationMetrics metrics;
    @Location("Notifications/email.html")
    Template html;
    @Location("Notifications/digest.html")
    Template digestHtml;
    @Inject
    UnsubscribeLinks unsubscribe;

    @ConfigProperty(name = "studio.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;
    @ConfigProperty(name = "studio.notifications.email.retry-delay", defaultValue = "30s")
    Duration retryDelay;

    private final studio.outbound.Nudge nudges = new studio.outbound.Nudge("studio-mail-nudge", this::deliverDue);

    @Scheduled(identity = "notification-mail", every = "${studio.notifications.email.every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        deliverDue();
    }

    @Scheduled(identity = "notification-digest", cron = "${studio.notifications.digest-cron:0 0 7 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onDigestTime() {
        try {
            sendDigests();
        } catch (RuntimeException e) {
            LOG.warnf(e, "sending the daily digests failed; they go out at the next digest time");
        }
    }

    /**
     * One email per person gathering the notices they chose to get in a digest (and the decisions only they can take
     * that they chose to keep in Studio), with a one-click unsubscribe link. One instance at a time (an advisory lock);
     * answers how many digests were sent.
     */
    public int sendDigests() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!Rows.first(em, "select pg_try_advisory_xact_lock(?) as got", r -> r.flag("got"), 0x5747_4449_4745_5354L).orElse(false)) return 0;
            List<Due> due = Rows.list(em, """
                    select id, recipient, email_to, topic, event, subject, body, link, milestone_id, release_tag, email_attempts
                    from notification where email_status = 'digest' order by recipient, id limit 5000""",
                    MailDelivery::due);
            java.util.Map<String, List<Due>> byPerson = due.stream().collect(java.util.stream.Collectors.groupingBy(Due::recipient,
                    java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
            int sent = 0;
            for (List<Due> items : byPerson.values()) {
                Due first = items.get(0);
                String error = send(digest(first.recipient(), first.emailTo(), items));
                String status = error == null ? "sent" : "failed";
                Rows.update(em, "update notification set email_status = ?, emailed_at = now(), email_attempts = email_attempts + 1, email_error = ? where id = any(?)",
                        status, error, (Object) items.stream().map(Due::id).toArray(Long[]::new));
                ObjectNode p = JSON.createObjectNode().put("channel", "email-digest").put("event", "Digest").put("outcome", status)
                        .put("notices", items.size());
                p.putArray("recipients").add(first.recipient());
                if (error != null) p.put("error", error);
                audit.record(Actor.SYSTEM, studio.audit.AuditEntry.of("NotificationDispatched", studio.audit.AuditEntry.Subject.system(), null, p));
                metrics.sent(false, "email-digest", status, 1);
                if (error == null) sent++;
            }
            return sent;
        });
    }

    Mail digest(String person, String to, List<Due> items) {
        String unsubscribeUrl = absolute("/unsubscribe/" + unsubscribe.token(person));
        StringBuilder text = new StringBuilder("Your Studio digest: " + items.size() + " notice" + (items.size() == 1 ? "" : "s") + ".\n");
        for (Due d : items) text.append("\n* ").append(d.subject()).append("\n  ").append(absolute(d.link())).append('\n');
        text.append("\nStop these digests (one click): ").append(unsubscribeUrl).append('\n');
        List<java.util.Map<String, String>> rows = items.stream().map(d -> java.util.Map.of("subject", d.subject(), "link", absolute(d.link()))).toList();
        Mail mail = Mail.withText(to, "Studio digest: " + items.size() + " notice" + (items.size() == 1 ? "" : "s"), text.toString())
                .setHtml(digestHtml.data("items", rows).data("unsubscribe", unsubscribeUrl).data("preferences", absolute("/notifications/preferences")).render());
        mail.addHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        return mail;
    }

    /** Sends soon, without waiting for the timer (after a sweep stored notices). */
    void nudge() {
        nudges.nudge();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        nudges.stop();
    }

    /** Sends every due email, a few per transaction; answers how many it sent. */
    public int deliverDue() {
        int sent = 0;
        try {
            for (int round = 0; round < 20; round++) {
                int[] outcome = QuarkusTransaction.requiringNew().call(this::sendBatch);
                sent += outcome[0];
                if (outcome[1] == 0) break;
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "email delivery run failed; due emails are retried on the next run");
        }
        return sent;
    }

    private static Due due(studio.persistence.Row r) {
        return new Due(r.number("id"), r.text("recipient"), r.text("email_to"), r.text("topic"), r.text("event"), r.text("subject"),
                r.text("body"), r.text("link"), r.text("milestone_id"), r.text("release_tag"), r.number("email_attempts").intValue());
    }

    /** {sent, claimed} */
    private int[] sendBatch() {
        List<Due> due = Rows.list(em, """
                select id, recipient, email_to, topic, event, subject, body, link, milestone_id, release_tag, email_attempts
                from notification where email_status = 'pending' and email_due_at <= now()
                order by email_due_at, id limit 10 for update skip locked""",
                MailDelivery::due);
        int sent = 0;
        for (Due d : due) {
            String error = send(d);
            boolean release = d.releaseTag() != null;
            if (error == null) {
                Rows.update(em, "update notification set email_status = 'sent', emailed_at = now(), email_attempts = email_attempts + 1, email_error = null where id = ?", d.id());
                record(d, "sent", null);
                metrics.sent(release, "email", "sent", 1);
                sent++;
            } else if (d.attempts() + 1 >= MAX_ATTEMPTS) {
                Rows.update(em, "update notification set email_status = 'failed', email_attempts = email_attempts + 1, email_error = ? where id = ?", error, d.id());
                record(d, "failed", error);
                metrics.sent(release, "email", "failed", 1);
            } else {
                Duration wait = retryDelay.multipliedBy(1L << d.attempts());
                Rows.update(em, "update notification set email_attempts = email_attempts + 1, email_error = ?, email_due_at = ? where id = ?",
                        error, Instant.now().plus(wait), d.id());
            }
        }
        return new int[] {sent, due.size()};
    }

    /** Sends one; answers null, or what went wrong. */
    private String send(Due d) {
        return send(mail(d));
    }

    private String send(Mail m) {
        try {
            mailer.send(m);
            return null;
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }

    Mail mail(Due d) {
        String link = absolute(d.link());
        String host = URI.create(publicUrl).getHost();
        String thread = "<" + d.topic().replaceAll("[^A-Za-z0-9._-]", "_") + "@" + host + ">";
        String text = d.body() + "\n\nDecide or see it in Studio: " + link
                + "\n\nYou receive this because Studio names you for it. Choose how you are told: " + absolute("/notifications/preferences") + "\n";
        Mail mail = Mail.withText(d.emailTo(), d.subject().replaceAll("[\\r\\n]+", " "), text)
                .setHtml(html.data("subject", d.subject()).data("body", d.body()).data("link", link)
                        .data("preferences", absolute("/notifications/preferences")).render());
        mail.addHeader("Message-ID", "<notification-" + d.id() + "@" + host + ">");
        mail.addHeader("In-Reply-To", thread);
        mail.addHeader("References", thread);
        mail.addHeader("X-Studio-Event", d.event());
        mail.addHeader("X-Studio-Topic", d.topic());
        return mail;
    }

    private String absolute(String path) {
        return publicUrl.replaceAll("/+$", "") + path;
    }

    private void record(Due d, String outcome, String error) {
        ObjectNode p = JSON.createObjectNode().put("channel", "email").put("event", d.event()).put("topic", d.topic())
                .put("subject", d.subject()).put("outcome", outcome).put("notification_id", d.id());
        p.putArray("recipients").add(d.recipient());
        if (error != null) p.put("error", error);
        audit.record(Actor.SYSTEM, NotificationSweep.dispatched(new Notice(d.recipient(), d.topic(), d.event(), false, d.subject(), d.body(),
                d.link(), d.milestoneId(), d.releaseTag()), p));
    }
}
