package studio.inbox;

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
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import studio.audit.AuditLog;
import studio.governance.IllegalTransitionException;
import studio.milestone.MilestoneCommands;
import studio.override.OverrideDesk;
import studio.release.approval.ReleaseInbox;
import studio.web.ApiException;
import studio.web.Htmx;

/**
 * The approvals inbox: what waits for the signed-in person's decision, oldest first, with the failing gates' details
 * at hand and approve / reject (or a manual gate decision) inline. Forms work without JavaScript (POST, 303 back);
 * with htmx the inbox is swapped in place and the navigation badge follows.
 */
@Path("/approvals")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({PRODUCT_OWNER, QA_LEAD, DOMAIN_ARCHITECT, SECURITY_OFFICER, COMPLIANCE_OFFICER, PLATFORM_ADMIN, AUDITOR, CI})
public class Approvals {

    static final Map<String, String> NOTICES = Map.of(
            "approve", "Override approved.",
            "reject", "Override rejected.",
            "decide", "Decision recorded.");

    /** A refused decision, shown on its item with what was typed. */
    public record Refusal(String item, int status, String message, String reason) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(List<InboxItem> items, List<ReleaseInbox.Item> releases, String notice, Refusal refusal,
                                             boolean mayDecide);

        static native TemplateInstance inbox$items(List<InboxItem> items, List<ReleaseInbox.Item> releases, String notice, Refusal refusal,
                                                   boolean mayDecide);

        static native TemplateInstance badge(long count);
    }

    @Inject
    ApprovalInbox inbox;
    @Inject
    OverrideDesk desk;
    @Inject
    MilestoneCommands commands;

    @GET
    public Response inbox(@RestQuery String done, HttpHeaders headers) {
        return render(200, (done == null ? null : NOTICES.get(done)), null, headers);
    }

    @POST
    @Path("overrides/{id}/{decision: approve|reject}")
    @RolesAllowed({PRODUCT_OWNER, QA_LEAD, DOMAIN_ARCHITECT, SECURITY_OFFICER, COMPLIANCE_OFFICER, PLATFORM_ADMIN})
    public Response decideOverride(@PathParam("id") long id, @PathParam("decision") String decision, @RestForm String reason,
                                   HttpHeaders headers) {
        return act("override-" + id, decision, reason, headers, () -> {
            if ("approve".equals(decision)) desk.approve(id, reason, AuditLog.currentActor());
            else desk.reject(id, reason, AuditLog.currentActor());
        });
    }

    @POST
    @Path("milestones/{milestone}/gates/{gate}")
    @RolesAllowed({PRODUCT_OWNER, QA_LEAD, DOMAIN_ARCHITECT, SECURITY_OFFICER, COMPLIANCE_OFFICER, PLATFORM_ADMIN})
    public Response decideGate(@PathParam("milestone") String milestone, @PathParam("gate") String gate,
                               @RestForm String decision, @RestForm String reason, HttpHeaders headers) {
        return act("gate-" + milestone + "-" + gate, "decide", reason, headers,
                () -> commands.decide(milestone, gate, decision, reason, AuditLog.currentActor()));
    }

    /** The navigation badge as an out-of-band swap, for htmx responses after a decision changed what waits. */
    public static String badge(long count) {
        return Templates.badge(count).render();
    }

    private Response act(String item, String action, String reason, HttpHeaders headers, Runnable command) {
        try {
            command.run();
        } catch (ApiException e) {
            return render(e.status(), null, new Refusal(item, e.status(), e.getMessage(), reason), headers);
        } catch (IllegalTransitionException e) {
            return render(409, null, new Refusal(item, 409, e.getMessage(), reason), headers);
        }
        if (!Htmx.wantsFragment(headers)) return Response.seeOther(URI.create("/approvals?done=" + action)).build();
        return render(200, NOTICES.get(action), null, headers);
    }

    private Response render(int status, String notice, Refusal refusal, HttpHeaders headers) {
        List<InboxItem> items = inbox.awaiting(AuditLog.currentActor());
        List<ReleaseInbox.Item> releases = inbox.releases(AuditLog.currentActor());
        boolean fragment = Htmx.wantsFragment(headers);
        boolean mayDecide = AuditLog.currentActor().holdsAny(ACTING_HUMANS);
        Object body = fragment ? Templates.inbox$items(items, releases, notice, refusal, mayDecide).render() + badge(items.size() + releases.size())
                : Templates.inbox(items, releases, notice, refusal, mayDecide);
        Response.ResponseBuilder r = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body)
                .header(HttpHeaders.VARY, Htmx.VARY);
        if (fragment && status >= 400) r.header("HX-Retarget", "#inbox").header("HX-Reswap", "outerHTML");
        return r.build();
    }
}
