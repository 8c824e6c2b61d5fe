package studio.inbox;

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
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import studio.bypass.BypassDesk;
import studio.governance.Actor;
import studio.governance.DecisionDesk;
import studio.milestone.MilestoneCommands;
import studio.milestone.MilestonePage;
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
@RolesAllowed(Roles.EVERYONE)
public class Approvals {

    static final Map<String, String> NOTICES = Map.of(
            "approve", "Override approved.",
            "approval", "Approval recorded; the override waits for the other approvals it needs.",
            "reject", "Override rejected.",
            "decide", "Decision recorded.",
            "bypass-approve", "Approved: the milestone moved.",
            "bypass-approval", "Approval recorded; the request waits for the other approvals it needs.",
            "bypass-reject", "Request rejected.");

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
    OverrideDesk overrides;
    @Inject
    MilestoneCommands commands;
    @Inject
    PageActions actions;
    @Inject
    BypassDesk bypasses;

    @GET
    public Response inbox(@RestQuery String done, HttpHeaders headers) {
        return Htmx.varying(200, page(done == null ? null : NOTICES.get(done), null, Htmx.wantsFragment(headers)));
    }

    /** An override or a force close / termination request decided from the inbox, by the same desk as on its milestone. */
    @POST
    @StepUp
    @Path("{kind: overrides|bypasses}/{id}/{decision: approve|reject}")
    @RolesAllowed(Roles.ACTING)
    public Response decide(@PathParam("kind") String kind, @PathParam("id") long id, @PathParam("decision") String decision,
                           @RestForm String reason, HttpHeaders headers) {
        boolean override = "overrides".equals(kind);
        DecisionDesk<?> desk = override ? overrides : bypasses;
        return act((override ? "override-" : "bypass-") + id, reason, headers,
                () -> desk.decide(id, "approve".equals(decision), reason, user.actor()));
    }

    @POST
    @Path("milestones/{milestone}/gates/{gate}")
    @StepUp
    @RolesAllowed(Roles.ACTING)
    public Response decideGate(@PathParam("milestone") String milestone, @PathParam("gate") String gate,
                               @RestForm String decision, @RestForm String reason, HttpHeaders headers) {
        return act(MilestonePage.GateLine.key(milestone, gate), reason, headers, () -> {
            commands.decide(milestone, gate, decision, reason, user.actor());
            return "decide";
        });
    }

    private Response act(String item, String reason, HttpHeaders headers, java.util.function.Supplier<String> command) {
        return actions.run(headers, Attempt.of(item).with("reason", reason), command, new PageActions.Screen() {
            public String noun() {
                return "decision";
            }

            public URI after(String done) {
                return URI.create("/approvals?done=" + done);
            }

            public TemplateInstance live(String done) {
                return page(NOTICES.get(done), null, true);
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
