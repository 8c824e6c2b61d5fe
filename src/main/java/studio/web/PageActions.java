package studio.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Supplier;
import studio.governance.IllegalTransitionException;

/**
 * The one path every page action (a form POST) takes. The command runs in its own transaction. Success answers a
 * plain form with 303 back to its page and htmx with the page's live part, plus (unless the screen says otherwise)
 * the navigation badge out of band, since a decision changes what waits. A refusal (the command threw, so nothing was stored) answers with the page again,
 * or for htmx its live part retargeted over the old one, showing the message next to the form with what was typed.
 */
@ApplicationScoped
public class PageActions {

    /** The page an action belongs to, as the action needs to answer. */
    public interface Screen {

        /** What the page shows, as a refused concurrent change names it ("milestone", "release"). */
        String noun();

        /** Where a plain form goes after {@code done} succeeded (the page, with a notice named by {@code done}). */
        URI after(String done);

        /** The live part of the page after {@code done} succeeded, with its notice. */
        TemplateInstance live(String done);

        /** The page ({@code fragment} false) or its live part showing the refused {@code attempt}. */
        TemplateInstance refused(Attempt attempt, boolean fragment);

        /** The element the live part replaces ("#milestone-live"). */
        String target();

        /** Whether a success also sends the navigation badge out of band (the action may change what waits). */
        default boolean refreshesBadge() {
            return true;
        }
    }

    @CheckedTemplate(basePath = "tags", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance approvalsBadge(Long count, boolean oob);
    }

    @Inject
    Navigation.InboxCounter inbox;

    /** Runs {@code command}; {@code done} names what it did, for the notice. */
    public Response run(HttpHeaders headers, Attempt attempt, String done, Runnable command, Screen screen) {
        return run(headers, attempt, () -> {
            command.run();
            return done;
        }, screen);
    }

    /** Runs {@code command}, which answers what it did (an approval may complete a quorum or only be recorded). */
    public Response run(HttpHeaders headers, Attempt attempt, Supplier<String> command, Screen screen) {
        String done;
        try {
            done = command.get();
        } catch (ApiException e) {
            return refused(headers, screen, attempt.refused(e.status(), e.getMessage()));
        } catch (IllegalTransitionException e) {
            return refused(headers, screen, attempt.refused(409, e.getMessage()));
        } catch (OptimisticLockException e) {
            return refused(headers, screen, attempt.refused(409,
                    "Someone changed this " + screen.noun() + " at the same time; look again and retry."));
        }
        if (!Htmx.wantsFragment(headers)) return Htmx.seeOther(screen.after(done));
        TemplateInstance live = screen.live(done);
        return Htmx.varying(200, screen.refreshesBadge() ? live.render() + badge() : live);
    }

    private Response refused(HttpHeaders headers, Screen screen, Attempt attempt) {
        boolean fragment = Htmx.wantsFragment(headers);
        TemplateInstance page = screen.refused(attempt, fragment);
        if (!fragment) return Htmx.varying(attempt.status(), page);
        return Htmx.refusedInto(attempt.status(), screen.target(), "outerHTML", page);
    }

    /** The navigation badge as an out-of-band swap: what waits for this person after the action. */
    public String badge() {
        return Templates.approvalsBadge(inbox.awaitingCurrentUser(), true).render();
    }
}
