package studio.outbound.chat;

import java.time.Instant;
import java.util.List;

/**
 * An event as people in a chat channel read it: a headline ("Override requested on mvp-ready"), a detail line
 * ("traceMatrixComplete — qa-lead: artifact list arrives with sprint-08"), a few facts, and a link to the page in
 * Studio where it can be looked at or acted on. Text is plain: each layout escapes it for its chat service.
 *
 * @param event   the event name ("MilestoneOverrideRequested")
 * @param context a small print line: the event name, when, the trace id
 */
public record ChatMessage(String event, String headline, String detail, List<Fact> facts, String link, String linkLabel,
                          String context, Instant time) {

    /** A name and value shown side by side ("Environment", "production"). */
    public record Fact(String name, String value) {}

    public ChatMessage {
        detail = detail == null ? "" : detail;
        facts = List.copyOf(facts);
    }

    /** One line saying it all, for notifications and clients that show no cards: "headline: detail". */
    public String summary() {
        return detail.isEmpty() ? headline : headline + ": " + detail;
    }

    /** {@code text} cut to at most {@code max} characters, with an ellipsis when cut (chat services refuse longer fields). */
    static String cut(String text, int max) {
        if (text.length() <= max) return text;
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) end--; // never split a surrogate pair
        return text.substring(0, end) + "…";
    }
}
