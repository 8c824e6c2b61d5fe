package studio.outbound.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import studio.outbound.chat.ChatMessage.Fact;

/**
 * Says a milestone or release event in words, from what its CloudEvent carries (the audit payload as {@code details},
 * the {@code actor}, the {@code trace_id}): the events people act on get their own sentence ("Override requested on
 * mvp-ready", "Release mvp-v1 failed in production"), any other event a plain one made from its name ("Milestone
 * mvp-ready definition change proposed"). Nothing here fails on a missing field: it is left out of the sentence.
 */
public final class EventSentences {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** What the event is about, who did it and why. */
    private record About(String milestone, String release, String environment, String actor, String reason, JsonNode details) {}

    /** A headline and detail line; {@code namesActor} when the detail already says who did it. */
    private record Sentence(String headline, String detail, boolean namesActor) {}

    private EventSentences() {}

    /**
     * @param event       the event name: "MilestoneOverrideRequested"
     * @param milestone   the milestone it is about (a release event's: the release's), or null
     * @param release     the release's version tag for a release event, else null
     * @param environment a release event's environment, or null
     * @param data        the CloudEvent's data: {@code actor}, {@code trace_id}, {@code details}
     * @param publicUrl   where people reach Studio ("https://studio.example.com"); links start with it
     */
    public static ChatMessage of(String event, String milestone, String release, String environment, Instant time, JsonNode data,
                                 String publicUrl) {
        About a = new About(milestone, release, environment, text(data, "actor"), text(data.path("details"), "reason"), data.path("details"));
        Sentence s = sentence(event, a);
        String trace = text(data, "trace_id");
        String context = event + " · " + WHEN.format(time) + (trace == null ? "" : " · trace " + trace);
        return new ChatMessage(event, s.headline(), s.detail(), facts(event, a, s), link(a, publicUrl), linkLabel(event, a), context, time);
    }

    private static Sentence sentence(String event, About a) {
        String m = a.milestone() == null ? "a milestone" : a.milestone();
        return switch (event) {
            case "MilestoneOverrideRequested" -> decision("Override requested on " + m, a);
            case "MilestoneOverrideApproved" -> decision("Override approved on " + m, a);
            case "MilestoneOverrideRejected" -> decision("Override rejected on " + m, a);
            case "MilestoneOverrideRevoked" -> decision("Override revoked on " + m, a);
            case "MilestoneBypassRequested" -> by(bypass(a) + " requested on " + m, a);
            case "MilestoneBypassApproved" -> by(bypass(a) + " approved on " + m, a);
            case "MilestoneBypassRejected" -> by(bypass(a) + " rejected on " + m, a);
            case "MilestoneBlocked" -> new Sentence("Milestone " + m + " is blocked", orEmpty(a.reason()), false);
            case "MilestoneEscalated" -> by("Milestone " + m + " was escalated", a);
            case "MilestoneReached" -> new Sentence("Milestone " + m + " reached", orEmpty(a.reason()), false);
            case "MilestoneTerminated" -> by("Milestone " + m + " was terminated", a);
            case "MilestoneForceClosed" -> by("Milestone " + m + " was force-closed", a);
            case "ReleaseApprovalRequested" -> new Sentence(release(a) + to(a) + " needs approval", orEmpty(a.reason()), false);
            case "DeploymentStarted" -> by(release(a) + " started deploying" + to(a), a);
            case "ReleaseCompleted" -> new Sentence(release(a) + " completed" + in(a), "", false);
            case "ReleaseSigned" -> new Sentence(release(a) + " manifest signed", keyOf(a), false);
            case "ReleaseFailed" -> new Sentence(release(a) + " failed" + in(a), orEmpty(a.reason()), false);
            case "ReleaseRolledBack" -> by(release(a) + " rolled back" + in(a), a);
            case "ReleaseRejected" -> by(release(a) + to(a) + " rejected", a);
            case "WebhookTest" -> new Sentence("Test message from Studio", "this channel is connected; sent by " + orEmpty(a.actor()), true);
            default -> plain(event, a);
        };
    }

    /** "traceMatrixComplete — qa-lead: the reason": the gates, who decided, and why. */
    private static Sentence decision(String headline, About a) {
        List<String> gates = texts(a.details().path("overridden_gates"));
        Sentence who = by(headline, a);
        String detail = gates.isEmpty() ? who.detail() : String.join(", ", gates) + (who.detail().isEmpty() ? "" : " — " + who.detail());
        return new Sentence(headline, detail, who.namesActor());
    }

    /** "alice: the reason", "by alice", or the reason alone when Studio itself acted. */
    private static Sentence by(String headline, About a) {
        boolean person = a.actor() != null && !"studio".equals(a.actor());
        String reason = orEmpty(a.reason());
        String detail = !person ? reason : reason.isEmpty() ? "by " + a.actor() : a.actor() + ": " + reason;
        return new Sentence(headline, detail, person);
    }

    /** "Milestone mvp-ready definition change proposed", "Release v2 to production requested": from the event's own name. */
    private static Sentence plain(String event, About a) {
        if (a.release() != null) return by(release(a) + to(a) + " " + words(event, "Release"), a);
        if (a.milestone() != null) return by("Milestone " + a.milestone() + " " + words(event, "Milestone"), a);
        return by("Studio: " + words(event, ""), a);
    }

    private static String keyOf(About a) {
        String key = text(a.details(), "key_id");
        return key == null ? "" : "with key " + key;
    }

    private static String bypass(About a) {
        return "terminate".equals(text(a.details(), "kind")) ? "Termination" : "Force close";
    }

    private static String release(About a) {
        return "Release " + a.release();
    }

    private static String to(About a) {
        return a.environment() == null ? "" : " to " + a.environment();
    }

    private static String in(About a) {
        return a.environment() == null ? "" : " in " + a.environment();
    }

    private static List<Fact> facts(String event, About a, Sentence s) {
        List<Fact> facts = new ArrayList<>();
        if (a.release() != null) {
            facts.add(new Fact("Release", a.release()));
            if (a.environment() != null) facts.add(new Fact("Environment", a.environment()));
        }
        if (a.milestone() != null) facts.add(new Fact("Milestone", a.milestone()));
        List<String> failing = StreamSupport.stream(a.details().path("gate_status").spliterator(), false)
                .filter(g -> "failed".equals(g.path("status").asText())).map(g -> g.path("condition").asText()).toList();
        if (!failing.isEmpty()) facts.add(new Fact("Failing gates", String.join(", ", failing)));
        JsonNode coverage = a.details().path("qa_coverage");
        if (coverage.isNumber()) facts.add(new Fact("QA coverage", coverage.asText() + "%"));
        String version = a.release() == null ? text(a.details(), "version_tag") : null;
        if (version != null && event.equals("MilestoneReached")) facts.add(new Fact("Version", version));
        String expires = text(a.details(), "expires_at");
        if (expires != null && event.equals("MilestoneOverrideRequested")) facts.add(new Fact("Expires", expires));
        if (!s.namesActor() && a.actor() != null && !"studio".equals(a.actor())) facts.add(new Fact("By", a.actor()));
        return facts;
    }

    private static String link(About a, String publicUrl) {
        String base = publicUrl.replaceAll("/+$", "");
        if (a.release() != null) return base + "/releases/" + segment(a.release());
        if (a.milestone() != null) return base + "/milestones/" + segment(a.milestone());
        return base + "/";
    }

    private static String linkLabel(String event, About a) {
        if (event.equals("MilestoneOverrideRequested") || event.equals("MilestoneBypassRequested")
                || event.equals("ReleaseApprovalRequested")) return "Review in Studio";
        if (a.release() != null) return "Open release";
        return a.milestone() != null ? "Open milestone" : "Open Studio";
    }

    /** "DefinitionChangeProposed" -> "definition change proposed". */
    static String words(String event, String prefix) {
        String rest = event.startsWith(prefix) ? event.substring(prefix.length()) : event;
        return rest.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).strip();
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText().strip() : null;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
