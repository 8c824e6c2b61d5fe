package studio.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Scrape;
import studio.testing.TestDb;

/** A subscriber that never accepts: /q/metrics counts every failed attempt and the dead letter until it is redelivered. */
@QuarkusTest
class WebhookMetricsTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Subscriptions subscriptions;

    Receiver receiver;

    @BeforeEach
    void clean() throws Exception {
        Outbound.reset();
        receiver = Receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
        Outbound.reset();
    }

    @Test
    void aDeadLetterIsCountedUntilItIsRedelivered() {
        Subscriptions.Keyed keyed = subscriptions.create(new Subscription(receiver.failAlways(true).url(), ""), Outbound.ADMIN);
        receiver.secret(keyed.secret());
        Scrape before = Scrape.now();
        assertEquals(0, Scrape.await(Duration.ofSeconds(5), v -> v == 0, "webhook_dead_letters"));

        Outbound.importMilestones("dead", 1, "First");
        assertTrue(Receiver.await(WAIT, () -> TestDb.count("select count(*) from webhook_delivery where state = 'dead'") == 1));
        assertEquals(1, Scrape.await(Duration.ofSeconds(5), v -> v == 1, "webhook_dead_letters"));
        Scrape after = Scrape.now();
        assertEquals(3, after.value("webhook_delivery_attempts_total", "outcome", "retry")
                - before.value("webhook_delivery_attempts_total", "outcome", "retry"), "max attempts in tests is 4: three retries");
        assertEquals(1, after.value("webhook_delivery_attempts_total", "outcome", "dead")
                - before.value("webhook_delivery_attempts_total", "outcome", "dead"));

        receiver.failAlways(false);
        subscriptions.redeliver(TestDb.count("select id from webhook_delivery where state = 'dead'"), Outbound.ADMIN);
        assertTrue(Receiver.await(WAIT, () -> receiver.accepted().size() == 1), "arrived: " + receiver.arrivals());
        assertEquals(0, Scrape.await(Duration.ofSeconds(5), v -> v == 0, "webhook_dead_letters"));
        assertEquals(1, Scrape.now().value("webhook_delivery_attempts_total", "outcome", "delivered")
                - before.value("webhook_delivery_attempts_total", "outcome", "delivered"));
    }
}
