package studio.outbound;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.testing.Story.*;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.release.Releasing;
import studio.testing.Api;
import studio.testing.Scrape;
import studio.testing.TestDb;

/**
 * Milestone events reach a real subscriber (an HTTP server inside the test) signed, as CloudEvents, in the order they
 * were recorded per milestone, retried with backoff while the subscriber fails, dead-lettered when it never
 * accepts, and redelivered on request.
 */
@QuarkusTest
class WebhookDeliveryTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    /** The audit rows that leave Studio: milestone and release events (DeploymentStarted is a release event). */
    static final String EXPORTED = "(type like 'Milestone%' or type like 'Release%' or type = 'DeploymentStarted')";

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

    private Webhook subscribe(Receiver r) {
        Subscriptions.Keyed keyed = subscriptions.create(new Subscription(r.url(), ""), Outbound.ADMIN);
        r.secret(keyed.secret());
        return keyed.webhook();
    }

    @Test
    void theMvpReadyStoryArrivesSignedAndInOrder() {
        subscribe(receiver);
        Api.importDefinitions(MILESTONES).then().statusCode(200);
        Api.event(planned(CORE, "BookingFlow", "2025-05-12T10:00:00Z")).then().statusCode(201);
        Api.event(planned(COMM, "Notification.Email.Send", "2025-05-12T10:05:00Z")).then().statusCode(201);
        Api.traceMatrix(CORE, matrix(CORE, "BookingFlow", 17)).then().statusCode(201);
        Api.traceMatrix(COMM, matrix(COMM, "Notification.Email.Send", 18)).then().statusCode(201);
        Api.qaReport(CORE, qa(CORE, "BookingFlow", "93.1")).then().statusCode(201);
        Api.qaReport(COMM, qa(COMM, "Notification.Email.Send", "89.6")).then().statusCode(201);
        Api.event(closed(CORE, "2025-05-13T14:45:00Z")).then().statusCode(201);
        Api.event(closed(COMM, "2025-05-14T18:30:00Z")).then().statusCode(201);
        Api.milestone("mvp-ready").then().body("status", equalTo("reached"));

        List<String> audited = Outbound.auditedMilestoneEvents("mvp-ready");
        assertTrue(audited.containsAll(List.of("MilestoneDefined", "MilestoneReady", "MilestoneReached", "MilestonePromotionTriggered")), audited.toString());
        // autoPromotion also releases mvp-v1: its events arrive under their own subject
        long exported = TestDb.count("select count(*) from audit_event where " + EXPORTED);
        assertTrue(Receiver.await(WAIT, () -> receiver.accepted().size() == exported), "arrived: " + receiver.arrivals());

        List<CloudEvent> got = receiver.accepted().stream().filter(e -> e.subject().equals("milestones/mvp-ready")).toList();
        assertEquals(audited, got.stream().map(CloudEvent::eventName).toList(), "every milestone event, in the order recorded");
        assertTrue(receiver.accepted().stream().filter(e -> e.subject().equals("releases/mvp-v1")).map(CloudEvent::eventName).toList()
                .containsAll(List.of("ReleaseRequested", "ReleaseTriggered", "DeploymentStarted")), "the automatic release's events");
        assertAll(receiver.arrivals().stream().map(a -> () -> {
            assertEquals(WebhookSignature.Verification.VALID, a.signature());
            assertEquals(WebhookSender.CONTENT_TYPE, a.contentType());
            assertEquals(a.event().id(), a.ceId());
            assertTrue(Set.of("milestones/mvp-ready", "releases/mvp-v1").contains(a.event().subject()), a.event().subject());
        }));
        CloudEvent reached = got.stream().filter(e -> e.eventName().equals("MilestoneReached")).findFirst().orElseThrow();
        assertEquals("dev.studio.MilestoneReached", reached.type());
        assertEquals("trace-xyz-123", reached.data().path("trace_id").asText());
        assertEquals(TestDb.text("select seq from audit_event where type = 'MilestoneReached'"), reached.data().path("audit_seq").asText());
        assertEquals(TestDb.count("select count(*) from audit_event where " + EXPORTED),
                TestDb.count("select count(*) from outbox"), "one outbox row per milestone or release event");
        assertEquals(0, TestDb.count("select count(*) from outbox o join audit_event a on a.seq = o.audit_seq where not (" + EXPORTED.replace("type", "a.type") + ")"),
                "sprint and evidence events stay inside Studio");
    }

    @Test
    void aFailingSubscriberIsRetriedWithBackoffAndLaterEventsWaitTheirTurn() {
        subscribe(receiver.failFirst(2));
        Outbound.importMilestones("retry", 1, "First");
        Outbound.importMilestones("retry", 1, "Second");

        assertTrue(Receiver.await(WAIT, () -> receiver.accepted().size() == 2), "arrived: " + receiver.arrivals());
        List<Receiver.Arrival> arrivals = receiver.arrivals();
        assertEquals(List.of("MilestoneDefined", "MilestoneDefined", "MilestoneDefined", "MilestoneRedefined"),
                arrivals.stream().map(a -> a.event().eventName()).toList(), "the redefinition waits until the definition is delivered");
        assertEquals(List.of(500, 500, 204, 204), arrivals.stream().map(Receiver.Arrival::answered).toList());
        assertEquals(1, arrivals.subList(0, 3).stream().map(a -> a.event().id()).distinct().count(), "the retries carry the same event id");
        assertTrue(!arrivals.get(3).event().id().equals(arrivals.get(0).event().id()));

        assertTrue(Receiver.await(WAIT, () -> TestDb.count("select count(*) from webhook_delivery where state = 'delivered'") == 2));
        assertEquals(3, TestDb.count("select attempts from webhook_delivery d join outbox o on o.id = d.outbox_id where o.type = 'MilestoneDefined'"));
        assertEquals(2, TestDb.count("select count(*) from webhook_attempt where status_code = 500 and error = 'HTTP 500'"));
        // backoff: 200 ms after the first failure, 400 ms after the second (no jitter in tests)
        assertTrue(TestDb.count("""
                select count(*) from (select attempted_at - lag(attempted_at) over (order by id) as gap from webhook_attempt
                                      where delivery_id = 1) g where gap >= interval '190 milliseconds'""") == 2, "retries were spaced by the backoff");
    }

    @Test
    void aSubscriberThatNeverAcceptsGetsADeadLetterThatCanBeRedelivered() {
        Webhook w = subscribe(receiver.failAlways(true));
        Outbound.importMilestones("dead", 1, "First");
        assertTrue(Receiver.await(WAIT, () -> TestDb.count("select count(*) from webhook_delivery where state = 'dead'") == 1));
        assertEquals(4, receiver.arrivals().size(), "max attempts in tests is 4");
        assertEquals(4, TestDb.count("select attempts from webhook_delivery"));
        assertTrue(TestDb.text("select last_error from webhook_delivery").contains("gave up after 4 failed attempts"));

        Outbound.importMilestones("dead", 1, "Second");
        assertTrue(Receiver.await(WAIT, () -> receiver.arrivals().size() == 8), "a dead letter no longer holds back the next event");

        receiver.failAlways(false);
        long first = TestDb.count("select d.id from webhook_delivery d join outbox o on o.id = d.outbox_id where o.type = 'MilestoneDefined'");
        subscriptions.redeliver(first, Outbound.ADMIN);
        assertTrue(Receiver.await(WAIT, () -> receiver.accepted().size() == 1), "arrived: " + receiver.arrivals());
        assertEquals("MilestoneDefined", receiver.accepted().get(0).eventName());
        assertEquals("delivered", TestDb.text("select state from webhook_delivery where id = " + first));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'WebhookRedelivered' and actor = 'pat' and subject_id = '" + w.id + "'"));
    }

    @Test
    void aFilterPicksEventNamesAndADisabledSubscriberGetsNothing() throws Exception {
        try (Receiver filtered = Receiver.start(); Receiver disabled = Receiver.start()) {
            Subscriptions.Keyed f = subscriptions.create(new Subscription(filtered.url(), "MilestoneRedefined"), Outbound.ADMIN);
            filtered.secret(f.secret());
            Subscriptions.Keyed d = subscriptions.create(new Subscription(disabled.url(), ""), Outbound.ADMIN);
            disabled.secret(d.secret());
            subscriptions.setActive(d.webhook().id, false, Outbound.ADMIN);
            subscribe(receiver);

            Outbound.importMilestones("filter", 1, "First");
            Outbound.importMilestones("filter", 1, "Second");
            assertTrue(Receiver.await(WAIT, () -> receiver.accepted().size() == 2 && filtered.accepted().size() == 1));
            Thread.sleep(1500); // more than a worker period: nothing else arrives
            assertEquals(List.of("MilestoneRedefined"), filtered.accepted().stream().map(CloudEvent::eventName).toList());
            assertEquals(0, disabled.arrivals().size());
        }
    }

    @Test
    void aReleaseTellsSubscribersThatItStartedDeployingAndThatItsManifestWasSigned() {
        Subscriptions.Keyed keyed = subscriptions.create(new Subscription(receiver.url(), "DeploymentStarted, ReleaseSigned"), Outbound.ADMIN);
        receiver.secret(keyed.secret());
        Releasing.reached("m1", "versionTag: v1.0.0");
        Releasing.promote("product-owner", "m1", "staging").then().statusCode(201).body("status", equalTo("deploying"));
        assertTrue(Receiver.await(WAIT, () -> receiver.accepted().size() == 1), "arrived: " + receiver.arrivals());
        Releasing.report("ReleaseCompleted", "v1.0.0", "").then().statusCode(201);
        assertTrue(Receiver.await(WAIT, () -> receiver.accepted().size() == 2), "arrived: " + receiver.arrivals());

        String contentHash = Releasing.release("v1.0.0").then().extract().path("content_hash");
        String keyId = Api.as("auditor").get("/api/releases/v1.0.0/manifest").then().statusCode(200).extract().path("signatures[0].keyid");
        List<CloudEvent> got = receiver.accepted();
        assertEquals(List.of("dev.studio.DeploymentStarted", "dev.studio.ReleaseSigned"), got.stream().map(CloudEvent::type).toList());
        assertAll(got.stream().map(e -> () -> {
            assertEquals("releases/v1.0.0", e.subject());
            assertEquals("v1.0.0", e.data().path("details").path("version_tag").asText());
            assertEquals("staging", e.data().path("details").path("environment").asText());
            assertEquals("m1", e.data().path("details").path("milestone_id").asText());
            assertEquals(contentHash, e.data().path("details").path("content_hash").asText());
            assertTrue(!e.data().path("details").path("reason").asText().isBlank(), "why: " + e.data());
            assertEquals(TestDb.text("select seq from audit_event where type = '" + e.eventName() + "'"), e.data().path("audit_seq").asText());
        }));
        assertEquals("product-owner", got.get(0).data().path("actor").asText(), "the person whose request started the deployment");
        assertEquals("service-account-studio-ci", got.get(1).data().path("actor").asText(), "CI's report completed the release, and Studio signed it");
        assertEquals(keyId, got.get(1).data().path("details").path("key_id").asText());
        assertTrue(TestDb.text("select actor_roles::text from audit_event where type = 'DeploymentStarted'").contains("product-owner"),
                "the role they acted in");
    }

    @Test
    void aRotatedSecretSignsBesideThePreviousOneDuringTheGracePeriod() throws Exception {
        Webhook w = subscribe(receiver);
        String old = TestDb.text("select secret from webhook where id = " + w.id);
        Subscriptions.Keyed rotated = subscriptions.rotate(w.id, Outbound.ADMIN);
        Outbound.importMilestones("rotate", 1, "First");
        assertTrue(Receiver.await(WAIT, () -> receiver.accepted().size() == 1), "a receiver still on the old secret accepts");
        receiver.secret(rotated.secret());
        Outbound.importMilestones("rotate", 1, "Second");
        assertTrue(Receiver.await(WAIT, () -> receiver.accepted().size() == 2), "a receiver on the new secret accepts");
        assertTrue(!old.equals(rotated.secret()));
        assertEquals(0, TestDb.count("select count(*) from audit_event where payload::text like '%" + rotated.secret() + "%' or payload::text like '%" + old + "%'"),
                "secrets never enter the audit trail");
    }

    @Test
    void aTestEventGoesToThatSubscriberOnly() throws Exception {
        try (Receiver other = Receiver.start()) {
            other.secret(subscriptions.create(new Subscription(other.url(), ""), Outbound.ADMIN).secret());
            Webhook w = subscribe(receiver);
            subscriptions.sendTest(w.id, Outbound.ADMIN);
            assertTrue(Receiver.await(WAIT, () -> receiver.accepted().size() == 1));
            CloudEvent test = receiver.accepted().get(0);
            assertEquals("dev.studio.WebhookTest", test.type());
            assertEquals("webhooks/" + w.id, test.subject());
            Thread.sleep(1500);
            assertEquals(0, other.arrivals().size());
        }
    }

    /** A subscriber that never accepts: /q/metrics counts every failed attempt and the dead letter until it is redelivered. */
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
