package studio.milestone;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import studio.security.CurrentUser;
import studio.web.Attempt;
import studio.web.PageActions;

/**
 * The milestone page as it answers a person: the whole page or its live part (the htmx swap target), now or as of a
 * past moment, with the notice of the action just taken or the refusal of one. The milestone's own commands and the
 * features that act on a milestone from its page (overrides) answer through it.
 */
@ApplicationScoped
public class MilestoneScreen {

    /** What each action did, for the notice shown after it (keyed by the action's name). */
    static final Map<String, String> NOTICES = Map.ofEntries(
            Map.entry("evaluate", "Evaluated now with the newest evidence."),
            Map.entry("resume", "Evaluation resumed."),
            Map.entry("escalate", "Milestone escalated."),
            Map.entry("force-close", "Force close requested; a second governor must approve it."),
            Map.entry("terminate", "Termination requested; a second governor must approve it."),
            Map.entry("bypass-approve", "Approved: the milestone moved."),
            Map.entry("bypass-approval", "Approval recorded; the request waits for the other approvals it needs."),
            Map.entry("bypass-reject", "Request rejected."),
            Map.entry("decide", "Decision recorded."),
            Map.entry("override", "Override requested; another approver must decide it."),
            Map.entry("approve", "Override approved."),
            Map.entry("approval", "Approval recorded; the override waits for the other approvals it needs."),
            Map.entry("reject", "Override rejected."),
            Map.entry("revoke", "Override revoked."),
            Map.entry("criterion", "Acceptance criterion marked."),
            Map.entry("definition-approve", "Definition change approved and in force; the milestone was re-evaluated."),
            Map.entry("definition-reject", "Definition change rejected; the definition in force is unchanged."));

    /** The element the live part replaces. */
    static final String LIVE = "#milestone-live";

    @Inject
    MilestoneDossier dossier;
    @Inject
    CurrentUser user;

    /** The page of milestone {@code id} as its actions answer. */
    public PageActions.Screen of(String id) {
        return new PageActions.Screen() {
            public String noun() {
                return "milestone";
            }

            public URI after(String done) {
                return URI.create(MilestonePaths.page(id) + "?done=" + done);
            }

            public TemplateInstance live(String done) {
                return Milestones.Templates.page$live(now(id).withOutcome(NOTICES.get(done), null));
            }

            public TemplateInstance refused(Attempt attempt, boolean fragment) {
                return render(now(id).withOutcome(null, attempt), fragment);
            }

            public String target() {
                return LIVE;
            }
        };
    }

    /** The page as of {@code asOf} (null: now); {@code asOfText} is how the URL wrote it. */
    MilestonePage read(String id, Instant asOf, String asOfText) {
        return dossier.read(id, asOf, asOfText, user.actor());
    }

    MilestonePage now(String id) {
        return read(id, null, null);
    }

    static TemplateInstance render(MilestonePage p, boolean fragment) {
        return fragment ? Milestones.Templates.page$live(p) : Milestones.Templates.page(p);
    }
}
