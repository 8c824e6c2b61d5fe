package studio.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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

        /** Where a plain form goes after success. */
        URI after();

        /** The live part of the page after success. */
        TemplateInstance live();

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

    public Response run(HttpHeaders headers, Attempt attempt, Runnable command, Screen screen) {
        try {
            command.run();
        } catch (ApiException e) {
            return refused(headers, screen, attempt.refused(e.status(), e.getMessage()));
        } catch (IllegalTransitionException e) {
            return refused(headers, screen, attempt.refused(409, e.getMessage()));
        } catch (OptimisticLockException e) {
            return refused(headers, screen, attempt.refused(409,
                    "Someone changed this " + screen.noun() + " at the same time; look again and retry."));
        }
        if (!Htmx.wantsFragment(headers)) return Htmx.seeOther(screen.after());
        return Htmx.varying(200, screen.refreshesBadge() ? screen.live().render() + badge() : screen.live());
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
