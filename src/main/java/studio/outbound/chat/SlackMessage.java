package studio.outbound.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@link ChatMessage} as a Slack incoming webhook takes it (Block Kit): {@code text} is the one-line summary Slack
 * shows in notifications, {@code blocks} a header, the detail, the facts, a context line and a button linking to
 * Studio. Text from people (reasons) is escaped, so "&lt;!channel&gt;" in a reason is shown, never a mention of everyone.
 * Also what Slack-compatible services (Mattermost, Rocket.Chat, ...) accept.
 */
public final class SlackMessage {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Slack's limits: header 150 characters, section text 3000, a field 2000, ten fields, button text 75. */
    static final int HEADER = 150, TEXT = 3000, FIELD = 2000, FIELDS = 10, BUTTON = 75;

    private SlackMessage() {}

    public static String json(ChatMessage m) {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", escaped(m.summary(), TEXT));
        ArrayNode blocks = body.putArray("blocks");
        blocks.addObject().put("type", "header").set("text", plain(ChatMessage.cut(m.headline(), HEADER)));
        if (!m.detail().isEmpty()) blocks.addObject().put("type", "section").set("text", mrkdwn(escaped(m.detail(), TEXT)));
        if (!m.facts().isEmpty()) {
            ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
            m.facts().stream().limit(FIELDS)
                    .forEach(f -> fields.add(mrkdwn("*" + f.name() + "*\n" + escaped(f.value(), FIELD - f.name().length() - 3))));
        }
        blocks.addObject().put("type", "context").putArray("elements").add(mrkdwn(escaped(m.context(), TEXT)));
        ObjectNode button = blocks.addObject().put("type", "actions").putArray("elements").addObject().put("type", "button");
        button.set("text", plain(ChatMessage.cut(m.linkLabel(), BUTTON)));
        button.put("url", m.link()).put("action_id", "open-in-studio");
        return body.toString();
    }

    /** Slack's three control characters in message text: &amp;, &lt; and &gt;. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@code text} escaped and cut to at most {@code max} characters, never inside an escape. */
    static String escaped(String text, int max) {
        String raw = ChatMessage.cut(text, max), out = escape(raw);
        while (out.length() > max) { // an escape is at most five characters: drop a fifth of the excess at least, and again
            raw = ChatMessage.cut(raw, raw.length() - Math.max(1, (out.length() - max + 4) / 5));
            out = escape(raw);
        }
        return out;
    }

    private static ObjectNode plain(String text) {
        return JSON.createObjectNode().put("type", "plain_text").put("text", text);
    }

    private static ObjectNode mrkdwn(String text) {
        return JSON.createObjectNode().put("type", "mrkdwn").put("text", text);
    }
}
