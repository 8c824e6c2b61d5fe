package studio.milestone;

import studio.gate.GateCondition;
import studio.governance.Roles;
import static studio.governance.Roles.*;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import studio.security.CurrentUser;
import studio.security.StepUp;
import studio.web.ApiException;
import studio.web.Attempt;
import studio.web.Htmx;
import studio.web.PageActions;

/**
 * The milestone page: header, gate matrix (now or as of a past moment), progress, trace explorer, timeline and
 * documents, with the control panel for the people who may act. Every action is a form that works without
 * JavaScript (POST, then 303 back with a notice); with htmx the live part of the page is swapped in place, and a
 * refusal is shown next to its form with nothing changed ({@link PageActions}). Overrides are requested and decided
 * on this page through the override feature's own routes.
 */
@Path("/milestones")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.EVERYONE)
public class Milestones {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(MilestonePage p);

        static native TemplateInstance page$live(MilestonePage p);

        static native TemplateInstance document(MilestonePage.Header header, MilestoneDocument doc, String text, String asOf);

        static native TemplateInstance evidence(MilestonePage.Header header, MilestoneDossier.EvidenceRecord e);

        static native TemplateInstance gateRow(MilestonePage.GateRow g, boolean waiting, String who);

        static native TemplateInstance coverage(MilestoneSections.Coverage c);
    }

    @Inject
    CurrentUser user;
    @Inject
    MilestoneScreen screen;
    @Inject
    MilestoneDossier dossier;
    @Inject
    EvidenceScope evidenceScope;
    @Inject
    MilestoneViews views;
    @Inject
    MilestoneDocuments documents;
    @Inject
    CoordinatorDocuments coordinator;
    @Inject
    MilestoneCommands commands;
    @Inject
    CriterionMarks criteria;
    @Inject
    PageActions actions;
    @Inject
    MilestoneHolds holds;

    @GET
    public Response list() {
        return Response.seeOther(URI.create("/board")).build();
    }

    @GET
    @Path("{id}")
    public Response page(@PathParam("id") String id, @RestQuery("as_of") String asOf, @RestQuery String done, HttpHeaders headers) {
        boolean fragment = Htmx.wantsFragment(headers);
        try {
            String notice = done == null ? null : MilestoneScreen.NOTICES.get(done);
            return Htmx.varying(200, MilestoneScreen.render(read(id, asOf).withOutcome(notice, null), fragment));
        } catch (ApiException e) {
            if (e.status() == 404 && asOf == null) throw e;
            Attempt refused = Attempt.of("as-of").with("as_of", asOf).refused(e.status(), e.getMessage());
            TemplateInstance page = MilestoneScreen.render(screen.now(id).withOutcome(null, refused), fragment);
            return fragment ? Htmx.refusedInto(e.status(), MilestoneScreen.LIVE, "outerHTML", page) : Htmx.varying(e.status(), page);
        }
    }

    @GET
    @Path("{id}/documents/{file}")
    public Response document(@PathParam("id") String id, @PathParam("file") String file, @RestQuery("as_of") String asOf) {
        MilestoneDocument doc = MilestoneDocument.named(file);
        MilestonePage.Header header = screen.now(id).header();
        return Htmx.varying(200, Templates.document(header, doc, text(id, doc, asOf), asOf));
    }

    @GET
    @Path("{id}/documents/{file}/download")
    public Response download(@PathParam("id") String id, @PathParam("file") String file, @RestQuery("as_of") String asOf) {
        MilestoneDocument doc = MilestoneDocument.named(file);
        String name = id.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + doc.file();
        return Response.ok(text(id, doc, asOf), doc.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @GET
    @Path("{id}/evidence/{evidenceId}")
    public Response evidence(@PathParam("id") String id, @PathParam("evidenceId") long evidenceId) {
        MilestonePage.Header header = screen.now(id).header();
        if (!evidenceScope.belongs(id, evidenceId)) throw ApiException.notFound("milestone " + id + " has no evidence " + evidenceId);
        return Htmx.varying(200, Templates.evidence(header, dossier.evidence(evidenceId)));
    }

    @POST
    @Path("{id}/evaluate")
    @RolesAllowed({PRODUCT_OWNER, QA_LEAD, PLATFORM_ADMIN})
    public Response evaluate(@PathParam("id") String id, HttpHeaders headers) {
        return act(id, "evaluate", Attempt.of("evaluate"), headers, () -> commands.evaluate(id, user.actor()));
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed({PRODUCT_OWNER, QA_LEAD, PLATFORM_ADMIN})
    public Response resume(@PathParam("id") String id, @RestForm String reason, HttpHeaders headers) {
        return act(id, "resume", Attempt.of("resume").with("reason", reason), headers, () -> commands.resume(id, user.actor(), reason));
    }

    @POST
    @Path("{id}/escalate")
    @RolesAllowed(Roles.ACTING)
    public Response escalate(@PathParam("id") String id, @RestForm String reason, HttpHeaders headers) {
        return act(id, "escalate", Attempt.of("escalate").with("reason", reason), headers, () -> commands.escalate(id, user.actor(), reason));
    }

    @POST
    @Path("{id}/pause")
    @RolesAllowed(Roles.ACTING)
    public Response pause(@PathParam("id") String id, @RestForm String reason, HttpHeaders headers) {
        return act(id, "pause", Attempt.of("pause").with("reason", reason), headers, () -> holds.pause(id, user.actor(), reason));
    }

    @POST
    @Path("{id}/unpause")
    @RolesAllowed(Roles.ACTING)
    public Response unpause(@PathParam("id") String id, @RestForm String reason, HttpHeaders headers) {
        return act(id, "unpause", Attempt.of("unpause").with("reason", reason), headers, () -> holds.unpause(id, user.actor(), reason));
    }

    @POST
    @Path("{id}/promotion/reject")
    @RolesAllowed(Roles.ACTING)
    public Response rejectPromotion(@PathParam("id") String id, @RestForm String reason, HttpHeaders headers) {
        return act(id, "reject-promotion", Attempt.of("reject-promotion").with("reason", reason), headers,
                () -> holds.rejectPromotion(id, user.actor(), reason));
    }

    @POST
    @Path("{id}/promotion/lift")
    @RolesAllowed(Roles.ACTING)
    public Response liftRejection(@PathParam("id") String id, @RestForm String reason, HttpHeaders headers) {
        return act(id, "lift-rejection", Attempt.of("lift-rejection").with("reason", reason), headers,
                () -> holds.liftRejection(id, user.actor(), reason));
    }

    @POST
    @Path("{id}/decisions")
    @StepUp
    @RolesAllowed(Roles.ACTING)
    public Response decide(@PathParam("id") String id, @RestForm String gate, @RestForm String role, @RestForm String decision,
                           @RestForm String reason, HttpHeaders headers) {
        String reference = GateCondition.reference(gate, role);
        Attempt typed = Attempt.of("decide-" + gate).with("reason", reason).with("decision", decision);
        return act(id, "decide", typed, headers, () -> commands.decide(id, reference, decision, reason, user.actor()));
    }

    @POST
    @Path("{id}/criteria")
    @RolesAllowed(Roles.ACTING)
    public Response markCriterion(@PathParam("id") String id, @RestForm String criterion, @RestForm String met, HttpHeaders headers) {
        return act(id, "criterion", Attempt.of("criterion"), headers,
                () -> criteria.mark(id, criterion == null ? "" : criterion, "true".equals(met), user.actor()));
    }

    private Response act(String id, String action, Attempt typed, HttpHeaders headers, Runnable command) {
        return actions.run(headers, typed, action, command, screen.of(id));
    }

    private MilestonePage read(String id, String asOf) {
        Instant at = asOfInstant(asOf);
        return screen.read(id, at, at == null ? null : asOf.strip());
    }

    private String text(String id, MilestoneDocument doc, String asOf) {
        Milestone m = views.find(id);
        return switch (doc) {
            case VALIDATION_REPORT -> documents.validationReport(views.at(m, asOfInstant(asOf)));
            case PROMOTION_TRIGGER -> documents.promotionTrigger(views.current(m));
            case INTERVENTION_EVENTS -> documents.interventionEvents(m);
            case SPRINT_MAP -> coordinator.sprintMap(m);
            case GATE_STATUS -> coordinator.gateStatus(m);
            case SUMMARY -> coordinator.summary(m);
            case RETRY_HISTORY -> coordinator.retryHistory(m);
        };
    }

    /** The as_of field: blank is now; a datetime-local value is UTC. */
    private static Instant asOfInstant(String asOf) {
        return asOf == null || asOf.isBlank() ? null : MilestonesApi.instant(asOf);
    }
}
