package studio.outbound.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.outbound.chat.ChatMessage.Fact;

/** Events said in words, and laid out as Slack Block Kit and as a Teams Adaptive Card, without Studio running. */
class ChatMessageTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant AT = Instant.parse("2025-05-14T17:12:00Z");
    static final String STUDIO = "https://studio.example.com/";

    static ObjectNode data(String actor, String details) throws Exception {
        ObjectNode data = JSON.createObjectNode().put("audit_seq", 42).put("actor", actor).put("trace_id", "trace-xyz-789");
        data.set("details", JSON.readTree(details));
        return data;
    }

    static ChatMessage overrideRequested(String reason) throws Exception {
        return EventSentences.of("MilestoneOverrideRequested", "mvp-ready", null, null, AT, data("qa-lead",
                "{\"override_id\":7,\"milestone_id\":\"mvp-ready\",\"status\":\"requested\",\"overridden_gates\":[\"traceMatrixComplete\"],"
                        + "\"reason\":" + JSON.writeValueAsString(reason) + "}"), STUDIO);
    }

    @Test
    void anOverrideRequestSaysWhoAsksForWhichGateAndWhy() throws Exception {
        ChatMessage m = overrideRequested("artifact list arrives with sprint-08");
        assertEquals("Override requested on mvp-ready: traceMatrixComplete — qa-lead: artifact list arrives with sprint-08", m.summary());
        assertEquals("Override requested on mvp-ready", m.headline());
        assertEquals("https://studio.example.com/milestones/mvp-ready", m.link());
        assertEquals("Review in Studio", m.linkLabel());
        assertEquals(List.of(new Fact("Milestone", "mvp-ready")), m.facts());
        assertEquals("MilestoneOverrideRequested · 2025-05-14 17:12 UTC · trace trace-xyz-789", m.context());
    }

    @Test
    void releaseEventsNameTheReleaseItsEnvironmentAndLinkToIt() throws Exception {
        ChatMessage failed = EventSentences.of("ReleaseFailed", "mvp-ready", "mvp-v1", "production", AT,
                data("ci-bot", "{\"version_tag\":\"mvp-v1\",\"reason\":\"helm upgrade timed out\"}"), STUDIO);
        assertEquals("Release mvp-v1 failed in production: helm upgrade timed out", failed.summary());
        assertEquals("https://studio.example.com/releases/mvp-v1", failed.link());
        assertEquals("Open release", failed.linkLabel());
        assertEquals(List.of(new Fact("Release", "mvp-v1"), new Fact("Environment", "production"), new Fact("Milestone", "mvp-ready"),
                new Fact("By", "ci-bot")), failed.facts());
        ChatMessage approval = EventSentences.of("ReleaseApprovalRequested", "mvp-ready", "mvp-v2", "production", AT,
                data("alice", "{}"), STUDIO);
        assertEquals("Release mvp-v2 to production needs approval", approval.summary());
    }

    @Test
    void aDeploymentStartingAndASignedManifestAreSaidInWords() throws Exception {
        ChatMessage started = EventSentences.of("DeploymentStarted", "mvp-ready", "mvp-v1", "production", AT,
                data("alice", "{\"version_tag\":\"mvp-v1\",\"reason\":\"trigger handed to CI\"}"), STUDIO);
        assertEquals("Release mvp-v1 started deploying to production: alice: trigger handed to CI", started.summary());
        ChatMessage signed = EventSentences.of("ReleaseSigned", "mvp-ready", "mvp-v1", "production", AT,
                data("ci-bot", "{\"version_tag\":\"mvp-v1\",\"key_id\":\"SHA256:abc\"}"), STUDIO);
        assertEquals("Release mvp-v1 manifest signed: with key SHA256:abc", signed.summary());
    }

    @Test
    void milestoneTransitionsSayTheStateTheFailingGatesAndCoverage() throws Exception {
        ChatMessage blocked = EventSentences.of("MilestoneBlocked", "mvp-ready", null, null, AT, data("studio",
                "{\"reason\":\"sprint-2025-06-core is blocked\",\"qa_coverage\":88.5,\"gate_status\":[{\"condition\":\"allSprintsClosed\","
                        + "\"status\":\"failed\"},{\"condition\":\"qaCoverageAbove\",\"status\":\"passed\"}]}"), STUDIO);
        assertEquals("Milestone mvp-ready is blocked: sprint-2025-06-core is blocked", blocked.summary());
        assertEquals(List.of(new Fact("Milestone", "mvp-ready"), new Fact("Failing gates", "allSprintsClosed"), new Fact("QA coverage", "88.5%")),
                blocked.facts(), "Studio itself is not named as who did it");
        ChatMessage terminated = EventSentences.of("MilestoneTerminated", "legacy", null, null, AT, data("bob", "{\"reason\":\"descoped\"}"), STUDIO);
        assertEquals("Milestone legacy was terminated: bob: descoped", terminated.summary());
    }

    @Test
    void anyOtherEventIsSaidFromItsName() throws Exception {
        ChatMessage m = EventSentences.of("MilestoneDefinitionChangeProposed", "mvp-ready", null, null, AT, data("po", "{}"), STUDIO);
        assertEquals("Milestone mvp-ready definition change proposed: by po", m.summary());
        assertEquals("https://studio.example.com/milestones/a%20b%2Fc",
                EventSentences.of("MilestoneReached", "a b/c", null, null, AT, data("studio", "{}"), STUDIO).link());
    }

    @Test
    void slackGetsFallbackTextAHeaderTheDetailFactsContextAndAButton() throws Exception {
        JsonNode slack = JSON.readTree(SlackMessage.json(overrideRequested("needs <!channel> & a > b")));
        assertEquals("Override requested on mvp-ready: traceMatrixComplete — qa-lead: needs &lt;!channel&gt; &amp; a &gt; b",
                slack.path("text").asText(), "no mention of everyone from a reason");
        JsonNode blocks = slack.path("blocks");
        assertEquals(List.of("header", "section", "section", "context", "actions"), blocks.findValuesAsText("type").stream()
                .filter(t -> !t.equals("plain_text") && !t.equals("mrkdwn") && !t.equals("button")).toList());
        assertEquals("plain_text", blocks.path(0).path("text").path("type").asText());
        assertEquals("Override requested on mvp-ready", blocks.path(0).path("text").path("text").asText());
        assertEquals("traceMatrixComplete — qa-lead: needs &lt;!channel&gt; &amp; a &gt; b", blocks.path(1).path("text").path("text").asText());
        assertEquals("*Milestone*\nmvp-ready", blocks.path(2).path("fields").path(0).path("text").asText());
        JsonNode button = blocks.path(4).path("elements").path(0);
        assertEquals("button", button.path("type").asText());
        assertEquals("Review in Studio", button.path("text").path("text").asText());
        assertEquals("https://studio.example.com/milestones/mvp-ready", button.path("url").asText());
    }

    @Test
    void slacksLimitsAreKeptWithoutCuttingAnEscape() throws Exception {
        JsonNode slack = JSON.readTree(SlackMessage.json(overrideRequested("<".repeat(5000))));
        String text = slack.path("text").asText();
        assertTrue(text.length() <= 3000 && text.endsWith("&lt;…"), text.substring(text.length() - 10));
        assertTrue(slack.path("blocks").path(1).path("text").path("text").asText().length() <= 3000);
        ChatMessage longHeadline = EventSentences.of("MilestoneReached", "m".repeat(300), null, null, AT, data("studio", "{}"), STUDIO);
        assertEquals(150, JSON.readTree(SlackMessage.json(longHeadline)).path("blocks").path(0).path("text").path("text").asText().length());
    }

    @Test
    void teamsGetsAMessageWithOneAdaptiveCard() throws Exception {
        JsonNode teams = JSON.readTree(TeamsMessage.json(overrideRequested("artifact list arrives with sprint-08")));
        assertEquals("message", teams.path("type").asText());
        assertEquals(1, teams.path("attachments").size());
        JsonNode attachment = teams.path("attachments").path(0);
        assertEquals("application/vnd.microsoft.card.adaptive", attachment.path("contentType").asText());
        JsonNode card = attachment.path("content");
        assertEquals("AdaptiveCard", card.path("type").asText());
        assertEquals("1.4", card.path("version").asText());
        assertEquals("Override requested on mvp-ready", card.path("body").path(0).path("text").asText());
        assertEquals("traceMatrixComplete — qa-lead: artifact list arrives with sprint-08", card.path("body").path(1).path("text").asText());
        assertEquals("FactSet", card.path("body").path(2).path("type").asText());
        assertEquals("Milestone", card.path("body").path(2).path("facts").path(0).path("title").asText());
        JsonNode action = card.path("actions").path(0);
        assertEquals("Action.OpenUrl", action.path("type").asText());
        assertEquals("https://studio.example.com/milestones/mvp-ready", action.path("url").asText());
    }

    @Test
    void theDefaultsAreOfferedFirstAndChecked() {
        List<ChatEvents.Choice> offered = ChatEvents.offered();
        assertEquals(new ChatEvents.Choice("MilestoneOverrideRequested", "override requested", true), offered.get(0));
        assertTrue(offered.stream().filter(ChatEvents.Choice::byDefault).map(ChatEvents.Choice::name).toList().containsAll(ChatEvents.DEFAULT));
        assertFalse(offered.stream().anyMatch(c -> c.name().equals("MilestoneDefined") && c.byDefault()));
        assertEquals(offered.size(), offered.stream().map(ChatEvents.Choice::name).distinct().count());
    }
}
