package studio.outbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Notifications on /q/metrics: release_notification_sent_total (as the release spec names it) and its milestone
 * equivalent milestone_notification_sent_total, each by channel (studio, email, email-digest, slack, teams) and outcome
 * (sent, failed). Here, below both, because the notification mailer and the chat delivery path both count into it.
 */
@Startup
@ApplicationScoped
public class NotificationMetrics {

    @Inject
    MeterRegistry registry;

    /** Every series from the start (at zero), so a dashboard and an alert see "none yet" rather than "no data". */
    @PostConstruct
    void register() {
        for (boolean release : new boolean[] {false, true}) {
            for (String channel : new String[] {"studio", "email", "email-digest", "slack", "teams"}) {
                for (String outcome : new String[] {"sent", "failed"}) sent(release, channel, outcome, 0);
            }
        }
    }

    public void sent(boolean release, String channel, String outcome, int count) {
        Counter counter = Counter.builder(release ? "release.notification.sent" : "milestone.notification.sent").tag("channel", channel).tag("outcome", outcome)
                .description(release ? "Release notifications, by channel and outcome" : "Milestone notifications, by channel and outcome")
                .register(registry);
        if (count > 0) counter.increment(count);
    }
}
