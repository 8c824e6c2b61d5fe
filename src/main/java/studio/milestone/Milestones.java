package studio.milestone;

import static studio.governance.Roles.*;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
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
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import studio.audit.AuditLog;
import studio.audit.TimelineFilters;
import studio.governance.IllegalTransitionException;
import studio.inbox.ApprovalInbox;
import studio.inbox.Approvals;
import studio.milestone.MilestonePage.Attempt;
import studio.override.OverrideDesk;
import studio.web.ApiException;
import studio.web.Htmx;

/**
 * The milestone page: header, gate matrix (now or as of a past moment), progress, trace explorer, timeline and
 * documents, with the control panel for the people who may act. Every action is a form that works without
 * JavaScript (POST, then 303 back with a notice); with htmx the live part of the page is swapped in place, and a
 * refusal is shown next to its form with nothing changed.
 */
@Path("/milestones")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({PRODUCT_OWNER, QA_LEAD, DOMAIN_ARCHITECT, SECURITY_OFFICER, COMPLIANCE_OFFICER, PLATFORM_ADMIN, AUDITOR, CI})
public class Milestones {

    /** What each action did, for the notice shown after it (keyed by the form that was sent). */
    static final Map<String, String> NOTICES = Map.ofEntries(
            Map.entry("evaluate", "Evaluated now with the newest evidence."),
            Map.entry("resume", "Evaluation resumed."),
            Map.entry("escalate", "Milestone escalated."),
            Map.entry("force-close", "Milestone force closed."),
            Map.entry("terminate", "Milestone terminated."),
            Map.entry("decide", "Decision recorded."),
            Map.entry("override", "Override requested; another approver must decide it."),
            Map.entry("approve", "Override approved."),
            Map.entry("reject", "Override rejected."),
            Map.entry("revoke", "Override revoked."),
            Map.entry("criterion", "Acceptance criterion marked."));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(MilestonePage p);

        static native TemplateInstance page$live(MilestonePage p);

        static native TemplateInstance document(MilestonePage.Header header, MilestoneDocument doc, String text, String asOf);

        static native TemplateInstance evidence(MilestonePage.Header header, MilestoneDossier.EvidenceRecord e);
    }

    @Inject
    MilestoneDossier dossier;
    @Inject
    MilestoneViews views;
    @Inject
    MilestoneDocuments documents;
    @Inject
    MilestoneCommands commands;
    @Inject
    OverrideDesk overrides;
    @Inject
    CriterionMarks criteria;
    @Inject
    ApprovalInbox inbox;

    @GET
    public Response list() {
        return Response.seeOther(URI.create("/board")).build();
    }

    @GET
    @Path("{id}")
    public Response page(@PathParam("id") String id, @RestQuery("as_of") String asOf, @RestQuery String done, HttpHeaders headers) {
        MilestonePage p;
        try {
            p = read(id, asOf).withOutcome((done == null ? null : NOTICES.get(done)), null);
        } catch (ApiException e) {
            if (e.status() == 404 && asOf == null) throw e;
            p = read(id, null).withOutcome(null, new Attempt("as-of", e.status(), e.getMessage(), null, null, asOf, null));
            return html(e.status(), fragmentOrPage(p, headers), headers, true);
        }
        return html(200, fragmentOrPage(p, headers), headers, false);
    }

    @GET
    @Path("{id}/documents/{file}")
    public Response document(@PathParam("id") String id, @PathParam("file") String file, @RestQuery("as_of") String asOf) {
        MilestoneDocument doc = MilestoneDocument.named(file);
        MilestonePage.Header header = read(id, null).header();
        return html(200, Templates.document(header, doc, text(id, doc, asOf), asOf), null, false);
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
        return html(200, Templates.evidence(read(id, null).header(), dossier.evidence(evidenceId)), null, false);
    }

    @POST
    @Path("{id}/evaluate")
    @RolesAllowed({PRODUCT_OWNER, QA_LEAD, PLATFORM_ADMIN})
    public Response evaluate(@PathParam("id") String id, HttpHeaders headers) {
        return act(id, "evaluate", Attempt.of("evaluate"), headers, () -> commands.evaluate(id, AuditLog.currentActor()));
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed({PRODUCT_OWNER, QA_LEAD, PLATFORM_ADMIN})
    public Response resume(@PathParam("id") String id, @RestForm String reason, HttpHeaders headers) {
        return act(id, "resume", Attempt.of("resume", reason), headers, () -> commands.resume(id, AuditLog.currentActor(), reason));
    }

    @POST
    @Path("{id}/escalate")
    @RolesAllowed({PRODUCT_OWNER, QA_LEAD, DOMAIN_ARCHITECT, SECURITY_OFFICER, COMPLIANCE_OFFICER, PLATFORM_ADMIN})
    public Response escalate(@PathParam("id") String id, @RestForm String reason, HttpHeaders headers) {
        return act(id, "escalate", Attempt.of("escalate", reason), headers, () -> commands.escalate(id, AuditLog.currentActor(), reason));
    }

    @POST
    @Path("{id}/force-close")
    @RolesAllowed({PRODUCT_OWNER, QA_LEAD, DOMAIN_ARCHITECT, SECURITY_OFFICER, COMPLIANCE_OFFICER, PLATFORM_ADMIN})
    public Response forceClose(@PathParam("id") String id, @RestForm String reason, HttpHeaders headers) {
        return act(id, "force-close", Attempt.of("force-close", reason), headers,
                () -> commands.forceClose(id, AuditLog.currentActor(), reason));
    }

    @POST
    @Path("{id}/terminate")
    @RolesAllowed({PRODUCT_OWNER, QA_LEAD, DOMAIN_ARCHITECT, SECURITY_OFFICER, COMPLIANCE_OFFICER, PLATFORM_ADMIN})
    public Response terminate(@PathParam("id") String id, @RestForm String reason, HttpHeaders headers) {
        return act(id, "terminate", Attempt.of("terminate", reason), headers, () -> commands.terminate(id, AuditLog.currentActor(), reason));
    }

    @POST
    @Path("{id}/decisions")
    @RolesAllowed({PRODUCT_OWNER, QA_LEAD, DOMAIN_ARCHITECT, SECURITY_OFFICER, COMPLIANCE_OFFICER, PLATFORM_ADMIN})
    public Response decide(@PathParam("id") String id, @RestForm String gate, @RestForm String decision, @RestForm String reason,
                           HttpHeaders headers) {
        String form = "decide-" + gate;
        Attempt typed = new Attempt(form, 0, null, reason, null, null, decision);
        return act(id, "decide", typed, headers, () -> commands.decide(id, gate, decision, reason, AuditLog.currentActor()));
    }

    @POST
    @Path("{id}/overrides")
    @RolesAllowed({PRODUCT_OWNER, QA_LEAD, DOMAIN_ARCHITECT, SECURITY_OFFICER, COMPLIANCE_OFFICER, PLATFORM_ADMIN})
    public Response requestOverride(@PathParam("id") String id, @RestForm List<String> gates, @RestForm String reason,
                                    @RestForm("expires_at") String expiresAt, HttpHeaders headers) {
        Attempt typed = new Attempt("override", 0, null, reason, gates, expiresAt, null);
        return act(id, "override", typed, headers, () -> overrides.request(id, gates == null ? List.of() : gates, reason,
                FormTimes.instant("expires_at", expiresAt), AuditLog.currentActor()));
    }

    @POST
    @Path("{id}/overrides/{overrideId}/{decision: approve|reject|revoke}")
    @RolesAllowed({PRODUCT_OWNER, QA_LEAD, DOMAIN_ARCHITECT, SECURITY_OFFICER, COMPLIANCE_OFFICER, PLATFORM_ADMIN})
    public Response decideOverride(@PathParam("id") String id, @PathParam("overrideId") long overrideId,
                                   @PathParam("decision") String decision, @RestForm String reason, HttpHeaders headers) {
        Attempt typed = Attempt.of(decision + "-" + overrideId, reason);
        return act(id, decision, typed, headers, () -> {
            if (!overrides.find(overrideId).milestoneId.equals(id)) throw ApiException.notFound("milestone " + id + " has no override " + overrideId);
            switch (decision) {
                case "approve" -> overrides.approve(overrideId, reason, AuditLog.currentActor());
                case "reject" -> overrides.reject(overrideId, reason, AuditLog.currentActor());
                default -> overrides.revoke(overrideId, reason, AuditLog.currentActor());
            }
        });
    }

    @POST
    @Path("{id}/criteria")
    @RolesAllowed({PRODUCT_OWNER, QA_LEAD, DOMAIN_ARCHITECT, SECURITY_OFFICER, COMPLIANCE_OFFICER, PLATFORM_ADMIN})
    public Response markCriterion(@PathParam("id") String id, @RestForm String criterion, @RestForm String met, HttpHeaders headers) {
        return act(id, "criterion", Attempt.of("criterion"), headers,
                () -> criteria.mark(id, criterion == null ? "" : criterion, "true".equals(met), AuditLog.currentActor()));
    }

    /**
     * Runs one action. Success: the live part of the page (htmx) or a 303 back to the page with a notice. Refusal
     * (400/403/404/409, rolled back): the page again with the message next to the form and what was typed.
     */
    private Response act(String id, String action, Attempt typed, HttpHeaders headers, Runnable command) {
        try {
            command.run();
        } catch (ApiException e) {
            return refused(id, typed.refused(e.status(), e.getMessage()), headers);
        } catch (IllegalTransitionException e) {
            return refused(id, typed.refused(409, e.getMessage()), headers);
        } catch (OptimisticLockException e) {
            return refused(id, typed.refused(409, "Someone changed this milestone at the same time; look again and retry."), headers);
        }
        if (!Htmx.wantsFragment(headers)) {
            return Response.seeOther(URI.create(MilestonePaths.page(id) + "?done=" + action)).build();
        }
        String live = Templates.page$live(read(id, null).withOutcome(NOTICES.get(action), null)).render();
        return html(200, live + Approvals.badge(inbox.awaitingCurrentUser()), headers, false);
    }

    private Response refused(String id, Attempt attempt, HttpHeaders headers) {
        MilestonePage p = read(id, null).withOutcome(null, attempt);
        return html(attempt.status(), fragmentOrPage(p, headers), headers, true);
    }

    private MilestonePage read(String id, String asOf) {
        Instant at = asOfInstant(asOf);
        return dossier.read(id, at, at == null ? null : asOf.strip(), AuditLog.currentActor());
    }

    private String text(String id, MilestoneDocument doc, String asOf) {
        Milestone m = views.find(id);
        return switch (doc) {
            case VALIDATION_REPORT -> documents.validationReport(views.at(m, asOfInstant(asOf)));
            case PROMOTION_TRIGGER -> documents.promotionTrigger(views.current(m));
            case INTERVENTION_EVENTS -> documents.interventionEvents(m);
        };
    }

    /** The as_of field: blank is now; a datetime-local value is UTC. */
    private static Instant asOfInstant(String asOf) {
        return asOf == null || asOf.isBlank() ? null : MilestonesApi.instant(TimelineFilters.utc(asOf.strip()));
    }

    private static TemplateInstance fragmentOrPage(MilestonePage p, HttpHeaders headers) {
        return Htmx.wantsFragment(headers) ? Templates.page$live(p) : Templates.page(p);
    }

    /** A refused htmx request still swaps the live part (app.js lets a 4xx through when HX-Retarget names where). */
    private static Response html(int status, Object body, HttpHeaders headers, boolean refused) {
        Response.ResponseBuilder r = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body)
                .header(HttpHeaders.VARY, Htmx.VARY);
        if (refused && headers != null && Htmx.wantsFragment(headers)) {
            r.header("HX-Retarget", "#milestone-live").header("HX-Reswap", "outerHTML");
        }
        return r.build();
    }
}
