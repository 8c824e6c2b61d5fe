package studio.outbound.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@link ChatMessage} as a Microsoft Teams incoming webhook or a Workflows "when a Teams webhook request is received"
 * URL takes it: a message with one Adaptive Card (version 1.4) attachment whose body is the headline, the detail, the
 * facts and a context line, and whose one action opens the page in Studio.
 */
public final class TeamsMessage {

    public static final String CARD = "application/vnd.microsoft.card.adaptive";
    public static final String VERSION = "1.4";
    /** Teams refuses messages over about 28 KB: a long reason is cut. */
    static final int DETAIL = 3000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TeamsMessage() {}

    public static String json(ChatMessage m) {
        ObjectNode message = JSON.createObjectNode().put("type", "message").put("summary", ChatMessage.cut(m.summary(), 250));
        ObjectNode attachment = message.putArray("attachments").addObject().put("contentType", CARD);
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content").put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard").put("version", VERSION);
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", m.headline()).put("weight", "Bolder").put("size", "Medium")
                .put("style", "heading").put("wrap", true);
        if (!m.detail().isEmpty()) body.addObject().put("type", "TextBlock").put("text", ChatMessage.cut(m.detail(), DETAIL)).put("wrap", true);
        if (!m.facts().isEmpty()) {
            ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
            m.facts().forEach(f -> facts.addObject().put("title", f.name()).put("value", f.value()));
        }
        body.addObject().put("type", "TextBlock").put("text", m.context()).put("isSubtle", true).put("size", "Small").put("wrap", true);
        card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", m.linkLabel()).put("url", m.link());
        card.putObject("msteams").put("width", "Full");
        return message.toString();
    }
}
