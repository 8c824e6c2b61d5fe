package studio.outbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.input.InputProblem;
import studio.outbound.chat.ChatEvents;

/** What an admin asks for when adding a chat channel, checked field by field without Studio running. */
class ChatChannelTest {

    static final String SLACK = "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX";

    static List<String> fields(ChatChannel c) {
        return c.problems().stream().map(InputProblem::path).toList();
    }

    @Test
    void aSlackChannelForEverythingTakesTheDefaultEvents() {
        ChatChannel c = new ChatChannel(" #releases ", "Slack", SLACK, "", "ignored", null);
        assertEquals(List.of(), c.problems());
        assertEquals(DeliveryFormat.SLACK, c.deliveryFormat().orElseThrow());
        assertEquals(ChannelScope.ALL, c.channelScope().orElseThrow());
        assertNull(c.storedScopeValue());
        assertArrayEquals(ChatEvents.DEFAULT.toArray(), c.filter());
        assertEquals("#releases", c.name());
    }

    @Test
    void theScopeValueIsRequiredAndAnEnvironmentIsStoredAsStudioSpellsIt() {
        assertEquals(List.of("scope_value"), fields(new ChatChannel("#t", "teams", SLACK, "team", " ", null)));
        ChatChannel prod = new ChatChannel("#p", "teams", SLACK, "environment", "PRODUCTION", List.of("ReleaseFailed", "ReleaseFailed"));
        assertEquals(List.of(), prod.problems());
        assertEquals("production", prod.storedScopeValue());
        assertArrayEquals(new String[] {"ReleaseFailed"}, prod.filter(), "repeats dropped");
        assertEquals("unknown environment 'prod' (known: staging, qa, production)",
                new ChatChannel("#p", "teams", SLACK, "environment", "prod", null).problems().get(0).message());
    }

    @Test
    void eachWrongFieldIsNamed() {
        ChatChannel c = new ChatChannel("", "cloudevents", "https://user:pw@hooks.slack.com/x", "planet", "", List.of());
        assertEquals(List.of("name", "format", "url", "scope", "event_types"), fields(c));
        assertEquals("the URL must not carry a user name or password", c.problems().get(2).message());
        assertEquals(List.of("event_types"), fields(new ChatChannel("#x", "slack", SLACK, "all", "", List.of("SprintClosed"))));
        assertEquals("paste the chat service's incoming webhook URL",
                new ChatChannel("#x", "slack", "", "all", "", null).problems().get(0).message());
    }

    @Test
    void aChatUrlIsShownByItsHostAndLastCharactersOnly() {
        assertEquals("https://hooks.slack.com/…XXXX", WebhookSecrets.maskUrl(SLACK));
        assertEquals("http://127.0.0.1:8080/…/abc", WebhookSecrets.maskUrl("http://127.0.0.1:8080/services/abc"));
        assertEquals("…", WebhookSecrets.maskUrl("not a url"));
    }
}
