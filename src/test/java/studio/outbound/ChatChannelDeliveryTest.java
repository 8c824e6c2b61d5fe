package studio.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import studio.release.Releasing;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * Chat channels receive real HTTP posts (a chat service's webhook inside the test) through the webhook queue: Slack
 * Block Kit and Teams Adaptive Cards saying what happened, with a link to the page in Studio and no signature; only
 * the events of their scope (a milestone, an environment's releases, a team's milestones); retried while the service
 * fails and dead-lettered when it never accepts, each message delivered once.
 */
@QuarkusTest
@ExtendWith(Outbound.Reset.class)
class ChatChannelDeliveryTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String REASON = "the scanner licence expired; scan booked for Monday";

    @Inject
    Subscriptions subscriptions;
    @Inject
    DeliveryWorker worker;

    static String studio() {
        return ConfigProvider.getConfig().getValue("studio.public-url", String.class).replaceAll("/+$", "");
    }

    private Webhook channel(String format, ChatReceiver r, String scope, String value, List<String> events) {
        return subscriptions.createChannel(new ChatChannel("#" + format, format, r.url(), scope, value, events), Outbound.ADMIN);
    }

    /** The milestone's one signal gate fails, then the product owner requests an override of that gate. */
    private static void overrideRequested(String milestone) {
        Releasing.signal(milestone, "fail");
        Api.as("product-owner").contentType("application/json").body("{\"gates\":[\"securityValidated\"],\"reason\":\"" + REASON + "\"}")
                .post("/api/milestones/" + milestone + "/overrides").then().statusCode(201);
    }

    @Test
    void slackAndTeamsAreToldOfAnOverrideRequestInWordsWithALinkToTheMilestone() throws Exception {
        try (ChatReceiver slack = ChatReceiver.start(); ChatReceiver teams = ChatReceiver.start()) {
            Releasing.defined("chat-ov");
            channel("slack", slack, "milestone", "chat-ov", null);
            channel("teams", teams, "all", null, List.of("MilestoneOverrideRequested"));
            overrideRequested("chat-ov");
            String sentence = "Override requested on chat-ov: securityValidated — product-owner: " + REASON;
            assertTrue(Receiver.await(WAIT, () -> slack.slackTexts().contains(sentence) && teams.accepted().size() == 1),
                    "slack: " + slack.slackTexts() + ", teams: " + teams.messages());
            String link = studio() + "/milestones/chat-ov";

            JsonNode s = slack.accepted().stream().filter(b -> b.path("text").asText().equals(sentence)).findFirst().orElseThrow();
            JsonNode blocks = s.path("blocks");
            assertEquals("header", blocks.path(0).path("type").asText());
            assertEquals("Override requested on chat-ov", blocks.path(0).path("text").path("text").asText());
            JsonNode actions = blocks.path(blocks.size() - 1);
            assertEquals("actions", actions.path("type").asText());
            assertEquals("button", actions.path("elements").path(0).path("type").asText());
            assertEquals(link, actions.path("elements").path(0).path("url").asText());

            JsonNode t = teams.accepted().get(0);
            assertEquals("message", t.path("type").asText());
            JsonNode attachment = t.path("attachments").path(0);
            assertEquals("application/vnd.microsoft.card.adaptive", attachment.path("contentType").asText());
            assertEquals("AdaptiveCard", attachment.path("content").path("type").asText());
            assertEquals("1.4", attachment.path("content").path("version").asText());
            assertEquals("Override requested on chat-ov", attachment.path("content").path("body").path(0).path("text").asText());
            assertEquals("securityValidated — product-owner: " + REASON, attachment.path("content").path("body").path(1).path("text").asText());
            assertEquals("Action.OpenUrl", attachment.path("content").path("actions").path(0).path("type").asText());
            assertEquals(link, attachment.path("content").path("actions").path(0).path("url").asText());

            for (ChatReceiver.Message m : slack.messages()) {
                assertEquals("application/json", m.contentType());
                assertNull(m.signature(), "no signing secret is sent to a chat service");
                assertNull(m.ceId());
            }
            assertNull(teams.messages().get(0).signature());
            assertNull(TestDb.text("select secret from webhook where format = 'slack'"), "a chat channel has no secret");
            assertTrue(Receiver.await(WAIT, () -> TestDb.count("""
                    select count(*) from audit_event where type = 'NotificationDispatched' and subject_id = 'chat-ov'
                    and payload::jsonb ->> 'event' = 'MilestoneOverrideRequested' and payload::jsonb ->> 'outcome' = 'sent'
                    and payload::jsonb ->> 'channel' in ('slack', 'teams')""") == 2), "each chat message told is in the audit trail");
            assertEquals(0, TestDb.count("select count(*) from outbox where type like '%NotificationDispatched'"),
                    "what was told is not itself sent on (no channel is told, without end, that it was told)");
        }
    }

    @Test
    void aMilestoneChannelHearsNothingOfAnotherMilestoneAndATeamChannelOnlyOfItsTeam() throws Exception {
        try (ChatReceiver a = ChatReceiver.start(); ChatReceiver team = ChatReceiver.start(); ChatReceiver all = ChatReceiver.start()) {
            String definitions = """
                    milestones:
                      - id: scope-a
                        name: %s
                        gateConditions: [allSprintsClosed]
                        labels: [booking]
                      - id: scope-b
                        name: %s
                        gateConditions: [allSprintsClosed]
                        labels: [payments, platform]
                    """;
            Api.importDefinitions(definitions.formatted("First", "First")).then().statusCode(200);
            List<String> defined = List.of("MilestoneDefined", "MilestoneRedefined");
            channel("slack", a, "milestone", "scope-a", defined);
            channel("teams", team, "team", "payments", defined);
            channel("slack", all, "all", null, defined);
            Api.importDefinitions(definitions.formatted("Second", "Second")).then().statusCode(200);

            assertTrue(Receiver.await(WAIT, () -> all.accepted().size() == 2), "all: " + all.slackHeadlines());
            Thread.sleep(1500); // more than a worker period: nothing else arrives
            assertEquals(List.of("Milestone scope-a redefined"), a.slackHeadlines());
            assertEquals(List.of("Milestone scope-b redefined"), team.teamsHeadlines());
            assertEquals(List.of("payments", "platform"), Outbound.strings(
                    "select distinct unnest(labels) from outbox where milestone_id = 'scope-b' order by 1"), "the labels are kept with the event");
        }
    }

    @Test
    void anEnvironmentChannelGetsOnlyThatEnvironmentsReleaseEvents() throws Exception {
        try (ChatReceiver production = ChatReceiver.start(); ChatReceiver staging = ChatReceiver.start(); ChatReceiver all = ChatReceiver.start()) {
            List<String> events = List.of("MilestoneReached", "ReleaseRequested", "ReleaseApprovalRequested");
            channel("teams", production, "environment", "Production", events);
            channel("slack", staging, "environment", "staging", events);
            channel("slack", all, "all", null, events);
            Releasing.reached("env-stg", "versionTag: v1.0.0-stg");
            Releasing.reached("env-prd", "versionTag: v2.0.0");
            Releasing.promote("platform-admin", "env-stg", "staging").then().statusCode(201);
            Releasing.anyEnvironmentFirst();
            Releasing.promote("platform-admin", "env-prd", "production").then().statusCode(201);

            // two milestones reached, two releases requested, one approval requested
            assertTrue(Receiver.await(WAIT, () -> all.accepted().size() == 5), "all: " + all.slackTexts());
            Thread.sleep(1500);
            assertEquals(List.of("Release v2.0.0 to production requested", "Release v2.0.0 to production needs approval"),
                    production.teamsHeadlines());
            assertEquals(List.of("Release v1.0.0-stg to staging requested: by platform-admin"), staging.slackTexts());
            assertEquals("production", TestDb.text("select scope_value from webhook where format = 'teams'"), "stored as Studio spells it");
            assertEquals(studio() + "/releases/v2.0.0", production.accepted().get(1).path("attachments").path(0).path("content")
                    .path("actions").path(0).path("url").asText());
        }
    }

    @Test
    void aTriggersNotifyChannelsRouteTheVersionsEventsToChannelsOutsideTheirScope() throws Exception {
        try (ChatReceiver slack = ChatReceiver.start(); ChatReceiver teams = ChatReceiver.start()) {
            List<String> events = List.of("ReleaseRequested", "ReleaseCompleted", "ReleasePromoted");
            Releasing.defined("elsewhere");
            channel("slack", slack, "milestone", "elsewhere", events); // "#slack": another milestone's channel
            channel("teams", teams, "environment", "production", events); // "#teams": production's
            Releasing.reached("routed", "versionTag: v3.0.0");
            Api.as("ci").contentType("application/yaml").body("milestone_id: routed\nenvironment: staging\nnotifyChannels: [\"#slack\"]\n")
                    .post("/api/releases").then().statusCode(201);
            Releasing.report("ReleaseCompleted", "v3.0.0", ",\"environment\":\"staging\"").then().statusCode(201);
            Releasing.promoteVersion("ci", "v3.0.0", "qa").then().statusCode(201);

            // the version's events reach #slack although it listens to another milestone; #teams hears nothing of staging or qa
            assertTrue(Receiver.await(WAIT, () -> slack.accepted().size() == 3), "slack: " + slack.slackTexts());
            Thread.sleep(1500);
            assertEquals(3, slack.accepted().size(), "each event once: " + slack.slackTexts());
            assertTrue(slack.slackTexts().get(0).startsWith("Release v3.0.0 to staging requested"), slack.slackTexts().toString());
            assertEquals(List.of(), teams.accepted());
            assertEquals(TestDb.text("select '{' || id || '}' from webhook where format = 'slack'"),
                    TestDb.text("select notify_channels::text from release where version_tag = 'v3.0.0' and promoted_from is null"),
                    "resolved from the name when the release was requested");
        }
    }

    @Test
    void aChannelThatKeepsFailingIsRetriedThenDeadLetteredAndEachMessageIsDeliveredOnce() throws Exception {
        try (ChatReceiver failing = ChatReceiver.start().failAlways(true)) {
            Webhook w = channel("slack", failing, "all", null, List.of("MilestoneDefined"));
            Outbound.importMilestones("chat-dead", 1, "First");
            assertTrue(Receiver.await(WAIT, () -> TestDb.count("select count(*) from webhook_delivery where state = 'dead'") == 1));
            assertEquals(4, failing.messages().size(), "max attempts in tests is 4");
            assertEquals(1, failing.messages().stream().map(ChatReceiver.Message::body).distinct().count(), "the same message each time");
            assertEquals(4, TestDb.count("select count(*) from webhook_attempt where status_code = 500"));
            assertTrue(TestDb.text("select last_error from webhook_delivery").contains("HTTP 500; gave up after 4 failed attempts"));
            assertEquals(1, TestDb.count("""
                    select count(*) from audit_event where type = 'NotificationDispatched' and payload::jsonb ->> 'channel' = 'slack'
                    and payload::jsonb ->> 'outcome' = 'failed'"""), "the message given up on is in the audit trail");

            failing.failAlways(false);
            subscriptions.redeliver(TestDb.count("select id from webhook_delivery where state = 'dead'"), Outbound.ADMIN);
            assertTrue(Receiver.await(WAIT, () -> failing.accepted().size() == 1));
            Thread.sleep(1500);
            assertEquals(List.of("Milestone chat-dead-1 defined"), failing.slackHeadlines(), "delivered once");
            assertEquals("delivered", TestDb.text("select state from webhook_delivery where webhook_id = " + w.id));
        }
    }

    /** Eight workers at once (as eight instances would) share the queue's claim: each chat message is posted once, in order. */
    @Test
    void eightWorkersPostEachChatMessageOnceAndInOrder() throws Exception {
        try (ChatReceiver teams = ChatReceiver.start()) {
            Webhook w = channel("teams", teams, "all", null, List.of("MilestoneDefined", "MilestoneRedefined"));
            Outbound.importMilestones("busy-chat", 10, "First");
            Outbound.importMilestones("busy-chat", 10, "Second");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    running.add(pool.submit(() -> {
                        long deadline = System.nanoTime() + WAIT.toNanos();
                        while (teams.accepted().size() < 20 && System.nanoTime() < deadline) worker.deliverDue();
                    }));
                }
                for (Future<?> f : running) f.get();
            } finally {
                pool.shutdownNow();
            }
            Thread.sleep(1500);
            assertEquals(20, teams.messages().size(), "each message posted once");
            assertEquals(20, TestDb.count("select count(*) from webhook_attempt where webhook_id = " + w.id));
            for (int i = 1; i <= 10; i++) {
                String m = "Milestone busy-chat-" + i;
                assertEquals(List.of(m + " defined", m + " redefined"), teams.teamsHeadlines().stream().filter(h -> h.startsWith(m + " ")).toList());
            }
        }
    }
}
