package studio.sprint;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import studio.governance.Roles;
import studio.input.InputProblem;
import studio.input.InvalidInputException;
import studio.web.ApiException;
import studio.web.Htmx;

/**
 * Sprint pages for people: the list (filters, keyset pages), one sprint's page with its evidence, and the trace
 * explorer of a milestone (a fragment the milestone page loads, a page when opened directly). Read-only for every
 * Studio role.
 */
@Path("/sprints")
@RolesAllowed(Roles.EVERYONE)
@Produces(MediaType.TEXT_HTML)
public class Sprints {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(SprintPage page, String problem);

        static native TemplateInstance list$rows(SprintPage page, String problem);

        static native TemplateInstance sprint(SprintDossier dossier, SprintScopePanel scope);

        static native TemplateInstance sprint$scope(SprintScopePanel scope);

        static native TemplateInstance trace(MilestoneTrace trace);

        static native TemplateInstance trace$explorer(MilestoneTrace trace);

        static native TemplateInstance document(SprintSummary sprint, EvidenceDocument document, String body);

        static native TemplateInstance document$body(SprintSummary sprint, EvidenceDocument document, String body);
    }

    @Inject
    SprintQuery sprints;
    @Inject
    SprintDossiers dossiers;
    @Inject
    MilestoneTraces traces;
    @Inject
    SprintScreen screen;

    /** The list; an htmx request (filter form, "More sprints") gets just the table rows. */
    @GET
    public Response list(@QueryParam("state") String state, @QueryParam("milestone") String milestone,
                         @QueryParam("q") String text, @QueryParam("after") String after,
                         @QueryParam("limit") String limit, @Context HttpHeaders headers) {
        boolean fragment = Htmx.wantsFragment(headers);
        try {
            SprintPage page = sprints.page(SprintListing.of(state, milestone, text, after, limit));
            return Htmx.varying(200, fragment ? Templates.list$rows(page, null) : Templates.list(page, null));
        } catch (InvalidInputException e) {
            SprintPage none = SprintPage.of(SprintListing.firstPage(), java.util.List.of());
            String problem = describe(e);
            return fragment ? Htmx.refusedInto("#sprint-rows", Templates.list$rows(none, problem))
                    : Htmx.varying(400, Templates.list(none, problem));
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance sprint(@PathParam("id") String id, @QueryParam("done") String done) {
        return Templates.sprint(screen.dossier(id), screen.panel(id, done));
    }

    /**
     * The trace explorer of {@code milestone}. Without the parameter this is the page of a sprint whose id is "trace"
     * when one exists (the literal path would otherwise hide it).
     */
    @GET
    @Path("trace")
    public Response trace(@QueryParam("milestone") String milestone, @Context HttpHeaders headers) {
        if (milestone == null || milestone.isBlank()) {
            SprintDossier sprintNamedTrace = dossiers.dossier("trace").orElse(null);
            if (sprintNamedTrace != null) return Htmx.varying(200, Templates.sprint(sprintNamedTrace, screen.panel("trace", null)));
            throw ApiException.badRequest("say which milestone to trace: /sprints/trace?milestone=<milestone id>");
        }
        MilestoneTrace trace = traces.trace(milestone).orElseThrow(() -> ApiException.notFound("Studio knows no milestone " + milestone));
        return Htmx.varying(200, Htmx.wantsFragment(headers) ? Templates.trace$explorer(trace) : Templates.trace(trace));
    }

    /** A document as received, escaped: a page, or (htmx) just the document for the viewer on the sprint page. */
    @GET
    @Path("{id}/evidence/{evidenceId}")
    public Response document(@PathParam("id") String id, @PathParam("evidenceId") long evidenceId, @Context HttpHeaders headers) {
        SprintDossiers.Received r = received(id, evidenceId);
        SprintSummary sprint = sprints.summary(id);
        return Htmx.varying(200, Htmx.wantsFragment(headers) ? Templates.document$body(sprint, r.document(), r.body())
                : Templates.document(sprint, r.document(), r.body()));
    }

    /** The document exactly as received, as a file. */
    @GET
    @Path("{id}/evidence/{evidenceId}/download")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") String id, @PathParam("evidenceId") long evidenceId) {
        SprintDossiers.Received r = received(id, evidenceId);
        return Response.ok(r.body()).type(r.document().downloadType())
                .header("Content-Disposition", "attachment; filename=\"" + r.document().fileName(id) + "\"").build();
    }

    private SprintDossiers.Received received(String id, long evidenceId) {
        return dossiers.document(id, evidenceId)
                .orElseThrow(() -> ApiException.notFound("sprint " + id + " has no evidence " + evidenceId));
    }

    private static String describe(InvalidInputException e) {
        return e.problems().stream().map(InputProblem::describe).collect(Collectors.joining("; "));
    }
}
