package studio.release.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import studio.governance.FreezeWindow;
import studio.governance.ReleaseEnvironment;
import studio.governance.Roles;
import studio.persistence.Rows;
import studio.release.FreezeExceptions;
import studio.release.EnvironmentDefinitions;
import studio.release.FreezeWindows;
import studio.security.CurrentUser;
import studio.security.StepUp;
import studio.web.JsonBody;

/**
 * The environments releases go to (docs/API.md "Environments and promotions"): each with its order in the lifecycle,
 * its approval policy, the version it runs (its newest completed release), what waits for approval there, whether a
 * freeze holds now and its freeze windows; adding a window (product owners, platform admins) and removing one that does
 * not hold now.
 */
@Path("/api/environments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EVERYONE)
public class EnvironmentsApi {

    @Inject
    EntityManager em;
    @Inject
    FreezeWindows freezes;
    @Inject
    FreezeExceptions exceptions;
    @Inject
    CurrentUser user;
    @Inject
    EnvironmentDefinitions definitions;
    @Inject
    ObjectMapper json;

    @GET
    @Transactional
    @Operation(summary = "List environments", description = "Each environment in lifecycle order with its policy, the version it runs, what waits for approval, the freeze holding now and its freeze windows.")
    public ObjectNode list() {
        ObjectNode body = json.createObjectNode();
        ArrayNode out = body.putArray("environments");
        Instant now = Instant.now();
        int order = 1;
        var stored = definitions.stored();
        var policies = definitions.policies(stored);
        var optional = definitions.optional(stored);
        var pending = definitions.pending();
        for (ReleaseEnvironment e : ReleaseEnvironment.values()) {
            var policy = policies.policyFor(e);
            ObjectNode n = out.addObject().put("name", e.json()).put("order", order++).put("protected", policy.protectedEnvironment())
                    .put("required", !optional.contains(e));
            var definition = stored.get(e);
            var rules = definition == null ? studio.governance.DeploymentRules.NONE : studio.governance.DeploymentRules.of(definition.policy());
            n.put("policy", policy.describe() + rules.describe());
            ObjectNode deployment = n.putObject("deployment");
            rules.requiredSignals().forEach(deployment.putArray("required_signals")::add);
            deployment.put("max_retries", rules.maxRetries()).put("rollback_on_failure", rules.rollbackOnFailure());
            if (definition == null) {
                n.putNull("defined");
            } else {
                n.putObject("defined").put("by", definition.definedBy()).put("at", definition.definedAt().toString())
                        .set("settings", json.valueToTree(definition.policy()));
            }
            n.set("pending_change", pending.stream().filter(c -> c.environment().equals(e.json())).findFirst().map(this::change)
                    .orElse(null));
            Rows.first(em, """
                    select version_tag, milestone_id, released_at from release where environment = ? and state = 'completed'
                    order by released_at desc nulls last, id desc limit 1""", r -> n.putObject("current").put("version_tag", r.text("version_tag"))
                    .put("milestone_id", r.text("milestone_id")).put("released_at", r.instant("released_at") == null ? null
                            : r.instant("released_at").toString()), e.json());
            if (!n.has("current")) n.putNull("current");
            n.put("waiting_for_approval", Rows.first(em, "select count(*) as n from release where environment = ? and state = 'paused_for_approval'",
                    r -> r.number("n"), e.json()).orElse(0L));
            var holding = freezes.holding(e.json(), now);
            if (holding.isPresent()) {
                n.putObject("frozen").put("window_id", holding.get().id()).put("window", holding.get().describe())
                        .put("until", holding.get().endAfter(now).truncatedTo(ChronoUnit.SECONDS).toString());
            } else {
                n.putNull("frozen");
            }
            ArrayNode windows = n.putArray("freeze_windows");
            freezes.of(e.json()).forEach(w -> windows.add(window(w)));
        }
        return body;
    }

    private ObjectNode change(EnvironmentDefinitions.Change c) {
        ObjectNode n = json.createObjectNode().put("id", c.id()).put("environment", c.environment()).put("status", c.status())
                .put("proposed_by", c.author()).put("proposed_at", c.proposedAt().toString()).put("required", c.required())
                .put("decided_by", c.decidedBy()).put("reason", c.decisionReason());
        n.set("settings", json.valueToTree(c.policy()));
        c.weakenings().forEach(n.putArray("weakenings")::add);
        return n;
    }

    @POST
    @Path("{environment}/changes/{id}/{decision: approve|reject}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    @Operation(summary = "Decide a change that loosens an environment", description = "A change an environments: document proposed that loosens the environment (fewer approvers, no longer protected or required, longer-lived approvals) waits for a platform-admin or compliance-officer other than its author; approved, it is in force, rejected, the definition in force stays. Reason required.")
    public ObjectNode decideChange(@PathParam("environment") String environment, @PathParam("id") long id, @PathParam("decision") String decision,
                                   @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Reason"))) String body) {
        return change(definitions.decide(environment, id, "approve".equals(decision), studio.web.JsonBody.parse(body).text("reason"), user.actor()));
    }

    @POST
    @Path("{environment}/freeze-windows")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @RolesAllowed({Roles.PRODUCT_OWNER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Add a freeze window", description = "A one-off or weekly window in which nothing is released to the environment (201); always allowed, since it only stops releases.")
    public Response add(@PathParam("environment") String environment,
                        @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "FreezeWindow"))) String body) {
        JsonBody b = JsonBody.parse(body);
        b.refuseOthers("a freeze window has name, from, until, weekly_from, weekly_until, time_zone and reason", "name", "from", "until",
                "weekly_from", "weeklyFrom", "weekly_until", "weeklyUntil", "time_zone", "timeZone", "reason");
        FreezeWindow w = freezes.add(environment, new FreezeWindows.Request(b.text("name"), b.text("from"), b.text("until"),
                b.text("weekly_from", "weeklyFrom"), b.text("weekly_until", "weeklyUntil"), b.text("time_zone", "timeZone"), b.text("reason")),
                user.actor());
        return Response.status(201).entity(window(w)).build();
    }

    @POST
    @Path("{environment}/freeze-windows/{id}/remove")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @RolesAllowed({Roles.PRODUCT_OWNER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Remove a freeze window", description = "Removes a window that does not hold now, with a reason; a window holding now is 409: a freeze in force is not lifted by one person.")
    public Response remove(@PathParam("environment") String environment, @PathParam("id") long id,
                           @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Reason"))) String body) {
        freezes.remove(environment, id, JsonBody.parse(body).text("reason"), user.actor());
        return Response.noContent().build();
    }

    @GET
    @Path("{environment}/freeze-exceptions")
    @Operation(summary = "List freeze exceptions", description = "The environment's freeze exceptions, newest first, filtered by status (requested, granted, rejected).")
    public ObjectNode exceptions(@PathParam("environment") String environment, @QueryParam("status") String status) {
        String env = ReleaseEnvironment.parse(environment).json();
        ObjectNode body = json.createObjectNode();
        ArrayNode out = body.putArray("freeze_exceptions");
        exceptions.list(status).stream().filter(e -> e.environment().equals(env)).forEach(e -> out.add(exception(e)));
        return body;
    }

    @POST
    @Path("{environment}/freeze-exceptions")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    @Operation(summary = "Ask for a freeze exception", description = "Asks to release one milestone to the environment while a freeze window holds, with a justification, until expires_at (at most 7 days); two other people of the environment's approving roles grant it (201).")
    public Response askException(@PathParam("environment") String environment,
                                 @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "FreezeException"))) String body) {
        JsonBody b = JsonBody.parse(body);
        b.refuseOthers("a freeze exception has milestone_id, window_id, justification and expires_at", "milestone_id", "milestoneId", "window_id",
                "windowId", "justification", "expires_at", "expiresAt");
        Long window = b.number("window_id", "windowId");
        if (window == null) throw studio.web.ApiException.badRequest("'window_id' is required");
        var e = exceptions.request(environment, window, b.text("milestone_id", "milestoneId"), b.text("justification"),
                b.text("expires_at", "expiresAt"), user.actor());
        return Response.status(201).entity(exception(e)).build();
    }

    @POST
    @StepUp
    @Path("{environment}/freeze-exceptions/{id}/{decision: approve|reject}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    @Operation(summary = "Decide a freeze exception", description = "Approves or rejects with a reason: a person holding one of the environment's approving roles, never the requester; the second approval grants it, one rejection ends it.")
    public ObjectNode decideException(@PathParam("environment") String environment, @PathParam("id") long id, @PathParam("decision") String decision,
                                      @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Reason"))) String body) {
        var e = exceptions.decide(id, "approve".equals(decision), JsonBody.parse(body).text("reason"), user.actor());
        if (!e.environment().equals(ReleaseEnvironment.parse(environment).json())) throw studio.web.ApiException.notFound(environment + " has no freeze exception " + id);
        return exception(e);
    }

    private ObjectNode exception(FreezeExceptions.Stored e) {
        ObjectNode n = json.createObjectNode().put("id", e.id()).put("environment", e.environment()).put("window_id", e.windowId())
                .put("milestone_id", e.milestoneId()).put("justification", e.justification()).put("requested_by", e.requestedBy())
                .put("requested_at", e.requestedAt().toString()).put("expires_at", e.expiresAt().toString()).put("status", e.status())
                .put("approvals_needed", FreezeExceptions.APPROVALS);
        e.approvedBy().forEach(n.putArray("approved_by")::add);
        if (e.approvedBy().isEmpty()) n.putArray("approved_by");
        return n;
    }

    private ObjectNode window(FreezeWindow w) {
        Instant now = Instant.now();
        ObjectNode n = json.createObjectNode().put("id", w.id()).put("environment", w.environment()).put("name", w.name())
                .put("describe", w.describe()).put("time_zone", w.zone().getId()).put("holds_now", w.covers(now));
        if (w.weekly() == null) n.put("from", w.startsAt().toString()).put("until", w.endsAt().toString());
        else n.put("weekly_from", w.weekly().fromDay().name().substring(0, 3) + " " + w.weekly().fromTime())
                .put("weekly_until", w.weekly().untilDay().name().substring(0, 3) + " " + w.weekly().untilTime());
        return n;
    }
}
