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
import studio.governance.Actor;
import studio.milestone.MilestoneCommands;
import studio.override.OverrideDesk;
import studio.release.approval.ReleaseInbox;
import studio.security.CurrentUser;
import studio.security.StepUp;
import studio.web.Attempt;
import studio.web.Htmx;
import studio.web.PageActions;

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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(List<InboxItem> items, List<ReleaseInbox.Item> releases, String notice, Attempt refusal,
                                             boolean mayDecide);

        static native TemplateInstance inbox$items(List<InboxItem> items, List<ReleaseInbox.Item> releases, String notice, Attempt refusal,
                                                   boolean mayDecide);
    }

    @Inject
    CurrentUser user;
    @Inject
    ApprovalInbox inbox;
    @Inject
    OverrideDesk desk;
    @Inject
    MilestoneCommands commands;
    @Inject
    PageActions actions;

    @GET
    public Response inbox(@RestQuery String done, HttpHeaders headers) {
        return Htmx.varying(200, page(done == null ? null : NOTICES.get(done), null, Htmx.wantsFragment(headers)));
    }

    @POST
    @Path("overrides/{id}/{decision: approve|reject}")
    @StepUp
    @RolesAllowed({PRODUCT_OWNER, QA_LEAD, DOMAIN_ARCHITECT, SECURITY_OFFICER, COMPLIANCE_OFFICER, PLATFORM_ADMIN})
    public Response decideOverride(@PathParam("id") long id, @PathParam("decision") String decision, @RestForm String reason,
                                   HttpHeaders headers) {
        return act("override-" + id, decision, reason, headers, () -> {
            if ("approve".equals(decision)) desk.approve(id, reason, user.actor());
            else desk.reject(id, reason, user.actor());
        });
    }

    @POST
    @Path("milestones/{milestone}/gates/{gate}")
    @StepUp
    @RolesAllowed({PRODUCT_OWNER, QA_LEAD, DOMAIN_ARCHITECT, SECURITY_OFFICER, COMPLIANCE_OFFICER, PLATFORM_ADMIN})
    public Response decideGate(@PathParam("milestone") String milestone, @PathParam("gate") String gate,
                               @RestForm String decision, @RestForm String reason, HttpHeaders headers) {
        return act("gate-" + milestone + "-" + gate, "decide", reason, headers,
                () -> commands.decide(milestone, gate, decision, reason, user.actor()));
    }

    private Response act(String item, String action, String reason, HttpHeaders headers, Runnable command) {
        return actions.run(headers, Attempt.of(item).with("reason", reason), command, new PageActions.Screen() {
            public String noun() {
                return "decision";
            }

            public URI after() {
                return URI.create("/approvals?done=" + action);
            }

            public TemplateInstance live() {
                return page(NOTICES.get(action), null, true);
            }

            public TemplateInstance refused(Attempt attempt, boolean fragment) {
                return page(null, attempt, fragment);
            }

            public String target() {
                return "#inbox";
            }
        });
    }

    private TemplateInstance page(String notice, Attempt refusal, boolean fragment) {
        Actor actor = user.actor();
        List<InboxItem> items = inbox.awaiting(actor);
        List<ReleaseInbox.Item> releases = inbox.releases(actor);
        boolean mayDecide = actor.holdsAny(ACTING_HUMANS);
        return fragment ? Templates.inbox$items(items, releases, notice, refusal, mayDecide) : Templates.inbox(items, releases, notice, refusal, mayDecide);
    }
}
