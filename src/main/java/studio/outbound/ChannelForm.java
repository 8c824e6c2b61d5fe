package studio.outbound;

import java.util.List;
import studio.input.InputProblem;
import studio.outbound.chat.ChatEvents;

/**
 * The "add a chat channel" form as shown: what was typed (at first: Slack, every milestone and release, the default
 * events), and each problem next to its field.
 */
public record ChannelForm(ChatChannel typed, List<InputProblem> problems) {

    public static ChannelForm blank() {
        return new ChannelForm(new ChatChannel("", "slack", "", "all", "", ChatEvents.DEFAULT), List.of());
    }

    /** The first problem with {@code field}, or null. */
    public String error(String field) {
        return problems.stream().filter(p -> field.equals(p.path())).map(InputProblem::message).findFirst().orElse(null);
    }

    public boolean checked(String event) {
        return typed.eventTypes() == null ? ChatEvents.DEFAULT.contains(event) : typed.eventTypes().contains(event);
    }

    public List<ChatEvents.Choice> getChoices() {
        return ChatEvents.offered();
    }
}
