package studio.sprint;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import studio.milestone.MilestonePaths;
import studio.security.CurrentUser;
import studio.web.ApiException;
import studio.web.Attempt;
import studio.web.PageActions;

/**
 * The sprint page as its actions answer (approve or reject its scope, comment on the plan): the page again with a
 * notice, or its "Scope approval" panel (the htmx swap target) with the notice or the refusal next to the form.
 */
@ApplicationScoped
public class SprintScreen {

    /** What each action did, for the notice shown after it. */
    static final Map<String, String> NOTICES = Map.of(
            "scope-approve", "Scope approved.",
            "scope-approval", "Scope approved.",
            "scope-reject", "Scope rejected; a re-import with a revised plan asks for a new decision.",
            "scope-comment", "Comment added.");

    static final String HELD_REJECTED = "Change rejected; the approved scope stays in force.";

    static final String LIVE = "#sprint-scope";

    @Inject
    SprintDossiers dossiers;
    @Inject
    SprintScopes scopes;
    @Inject
    CurrentUser user;

    public PageActions.Screen of(String id) {
        return new PageActions.Screen() {
            public String noun() {
                return "sprint";
            }

            public URI after(String done) {
                return URI.create("/sprints/" + MilestonePaths.segment(id) + "?done=" + done + "#scope");
            }

            public TemplateInstance live(String done) {
                return Sprints.Templates.sprint$scope(panel(id, done));
            }

            public TemplateInstance refused(Attempt attempt, boolean fragment) {
                SprintScopePanel panel = scopes.panel(id, user.actor()).withOutcome(null, attempt);
                return fragment ? Sprints.Templates.sprint$scope(panel) : Sprints.Templates.sprint(dossier(id), panel);
            }

            public String target() {
                return LIVE;
            }
        };
    }

    /** The panel with the notice of {@code done} (null or unknown: none). */
    SprintScopePanel panel(String id, String done) {
        SprintScopePanel panel = scopes.panel(id, user.actor());
        String notice = done == null ? null : NOTICES.get(done);
        // a rejection that leaves an approved scope in force rejected a held change, not the scope
        if ("scope-reject".equals(done) && panel.scope() != null && panel.scope().status().equals("approved")) notice = HELD_REJECTED;
        return panel.withOutcome(notice, null);
    }

    SprintDossier dossier(String id) {
        return dossiers.dossier(id).orElseThrow(() -> ApiException.notFound("Studio knows no sprint " + id));
    }
}
