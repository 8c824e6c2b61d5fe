package studio.milestone;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;

import studio.gate.GateCondition;
import studio.governance.Roles;
import static studio.governance.Roles.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import studio.security.CurrentUser;
import studio.security.StepUp;
import studio.web.ApiException;
import studio.web.FormTimes;
import studio.web.JsonBody;
import studio.web.LongPoll;
import studio.format.Names;
import studio.governance.MilestoneState;

/** Milestone read-outs (milestone-status.json), documents, and people's commands on a milestone. */
@Path("/api/milestones")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EVERYONE)
public class MilestonesApi {

    @Inject
    CurrentUser user;
    @Inject
    MilestoneViews views;
    @Inject
    MilestoneDocuments documents;
    @Inject
    MilestoneCommands commands;
    @Inject
    MilestoneHolds holds;
    @Inject
    CoordinatorDocuments coordinator;
    @Inject
    MilestoneArtifacts artifacts;
    @Inject
    MilestoneRulebook rulebook;

    @GET
    @Operation(summary = "List milestones", description = "Every milestone's status (milestone-status.json shape), optionally only those in one state.")
    public ObjectNode list(@QueryParam("status") String status) {
        ObjectNode body = MilestoneReadout.JSON.createObjectNode();
        ArrayNode all = body.putArray("milestones");
        views.all(status).forEach(m -> all.add(views.status(views.current(m))));
        return body;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A milestone's status", description = "The milestone's state, gate report and progress; with as_of, what the board showed at that moment.")
    public ObjectNode one(@PathParam("id") String id, @QueryParam("as_of") String asOf) {
        Milestone m = views.find(id);
        return views.status(views.at(m, asOf == null ? null : instant(asOf)));
    }

    @GET
    @Path("{id}/artifacts")
    @Operation(summary = "A milestone's linked artifacts", description = "Each artifact its requiredArtifacts names, with the contributing sprint whose SprintClosed first reported it completed (reported false until one does), then what else those sprints reported; as of now or as_of. Outputs the milestone expects: its gates alone decide whether it is reached.")
    public ObjectNode artifacts(@PathParam("id") String id, @QueryParam("as_of") String asOf) {
        Milestone m = views.find(id);
        Instant at = asOf == null ? null : instant(asOf);
        MilestoneViews.View view = views.at(m, at);
        LinkedArtifacts linked = artifacts.linked(rulebook.rules(m).definition().requiredArtifacts(),
                StoredReport.of(view.report()).contributingSprints(), at);
        ObjectNode body = MilestoneReadout.JSON.createObjectNode().put("milestone_id", m.id);
        ArrayNode required = body.putArray("required");
        linked.required().forEach(a -> required.add(artifact(a)));
        ArrayNode other = body.putArray("other");
        linked.other().forEach(a -> other.add(artifact(a)));
        return body;
    }

    private static ObjectNode artifact(LinkedArtifacts.Item a) {
        ObjectNode n = MilestoneReadout.JSON.createObjectNode().put("artifact", a.artifact()).put("reported", a.reported());
        if (a.reported()) n.put("sprint_id", a.sprintId()).put("reported_at", a.reportedAt().toString()).put("evidence_id", a.evidenceId());
        return n;
    }

    /**
     * Waits until the milestone is in state {@code for} (default reached; "reached" is also satisfied by closed, which
     * only follows it): 200 with its status, 409 when it ended in another terminal state, 408 after {@code timeout}
     * seconds (docs/API.md "Waiting for a state").
     */
    @GET
    @Path("{id}/wait")
    @Blocking
    @Operation(summary = "Wait for a milestone state", description = "Long-polls until the milestone is in the state named by 'for' (default reached): 200 with its status, 409 when it ended in another terminal state, 408 after 'timeout' seconds (default 30, at most 300).")
    public Uni<Response> await(@PathParam("id") String id, @QueryParam("for") String wanted, @QueryParam("timeout") String timeout) {
        MilestoneState target = state(wanted == null ? "reached" : wanted);
        Duration limit = LongPoll.timeout(timeout);
        views.find(id);
        return LongPoll.until(limit, "milestone " + id + " is not " + Names.of(target), () -> {
            Milestone m = views.find(id);
            MilestoneState now = m.lifecycleState();
            if (now.satisfies(target)) return LongPoll.Look.reached(views.status(views.current(m)).toString());
            if (now.rulesOut(target)) return LongPoll.Look.refused("milestone " + id + " is " + Names.of(now) + "; it will not be " + Names.of(target));
            return LongPoll.Look.waiting();
        });
    }

    private static MilestoneState state(String name) {
        try {
            return Names.parse(MilestoneState.class, name);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("for: " + e.getMessage());
        }
    }

    @GET
    @Path("{id}/validation-report.md")
    @Produces("text/markdown")
    @Operation(summary = "The milestone's validation report", description = "The milestone's validation report (markdown), as of now or as_of.")
    public String validationReport(@PathParam("id") String id, @QueryParam("as_of") String asOf) {
        Milestone m = views.find(id);
        return documents.validationReport(views.at(m, asOf == null ? null : instant(asOf)));
    }

    @GET
    @Path("{id}/promotion-trigger.yaml")
    @Produces("application/yaml")
    @Operation(summary = "The milestone's promotion trigger", description = "The promotion-trigger.yaml a reached milestone hands to the release pipeline.")
    public String promotionTrigger(@PathParam("id") String id) {
        return documents.promotionTrigger(views.current(views.find(id)));
    }

    @GET
    @Path("{id}/intervention-events.json")
    @Operation(summary = "The milestone's intervention events", description = "Every human intervention on the milestone (overrides, manual decisions, bypasses) as JSON.")
    public String interventions(@PathParam("id") String id) {
        return documents.interventionEvents(views.find(id));
    }

    @GET
    @Path("{id}/milestone-sprint-map.json")
    @Operation(summary = "The milestone's sprint map", description = "milestone-sprint-map.json: each required feature with the contributing sprints that deliver it, the sprints' states and spans, and the features no sprint delivers yet.")
    public String sprintMap(@PathParam("id") String id) {
        return coordinator.sprintMap(views.find(id));
    }

    @GET
    @Path("{id}/milestone-gate-status.json")
    @Operation(summary = "The milestone's gate status", description = "milestone-gate-status.json: pass, fail or pending per gate condition as last judged, with threshold, actual value and detail.")
    public String gateStatus(@PathParam("id") String id) {
        return coordinator.gateStatus(views.find(id));
    }

    @GET
    @Path("{id}/milestone-summary.json")
    @Operation(summary = "The milestone's summary", description = "milestone-summary.json: the structured snapshot of the milestone's outcome (status, sprints, features covered and missing, coverage, validated and failed gates, approved overrides, progress).")
    public String summary(@PathParam("id") String id) {
        return coordinator.summary(views.find(id));
    }

    @GET
    @Path("{id}/retry-history.json")
    @Operation(summary = "The milestone's retry history", description = "retry-history.json: every retry (Blocked back to Verifying) with its trigger and outcome, and the blocks and escalations around them, from the audit trail.")
    public String retryHistory(@PathParam("id") String id) {
        return coordinator.retryHistory(views.find(id));
    }

    @POST
    @Path("{id}/evaluate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({PRODUCT_OWNER, QA_LEAD, PLATFORM_ADMIN, CI})
    @Operation(summary = "Evaluate a milestone now", description = "Judges the milestone's gates against the evidence now and applies the transitions that follow.")
    public ObjectNode evaluate(@PathParam("id") String id) {
        return after(commands.evaluate(id, user.actor()));
    }

    @POST
    @Path("{id}/resume")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({PRODUCT_OWNER, QA_LEAD, PLATFORM_ADMIN, CI})
    @Operation(summary = "Resume a blocked milestone", description = "Moves a blocked or escalated milestone back to verification, with a reason.")
    public ObjectNode resume(@PathParam("id") String id, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Reason"))) String body) {
        return after(commands.resume(id, user.actor(), JsonBody.parse(body).text("reason")));
    }

    @POST
    @Path("{id}/escalate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    @Operation(summary = "Escalate a milestone", description = "Escalates a blocked milestone to its governor, with a reason.")
    public ObjectNode escalate(@PathParam("id") String id, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Reason"))) String body) {
        return after(commands.escalate(id, user.actor(), JsonBody.parse(body).text("reason")));
    }

    @POST
    @Path("{id}/pause")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    @Operation(summary = "Pause a milestone", description = "A governor (the milestone's governedBy role or platform-admin) pauses an open milestone, with a reason: evidence is still recorded but nothing moves it (no transitions from evidence or timers, no commands, no release) until it is resumed.")
    public ObjectNode pause(@PathParam("id") String id, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Reason"))) String body) {
        return after(holds.pause(id, user.actor(), JsonBody.parse(body).text("reason")));
    }

    @POST
    @Path("{id}/unpause")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    @Operation(summary = "Resume a paused milestone", description = "A governor lifts the pause, with a reason: the paused time is not counted against the milestone's timeouts and its gates are judged again against the evidence recorded meanwhile.")
    public ObjectNode unpause(@PathParam("id") String id, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Reason"))) String body) {
        return after(holds.unpause(id, user.actor(), JsonBody.parse(body).text("reason")));
    }

    @POST
    @Path("{id}/promotion/reject")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    @Operation(summary = "Reject a milestone's promotion", description = "A governor, product-owner or platform-admin refuses the promotion of a Reached milestone, with a reason: every release of it (page, POST /api/releases, autoPromotion) is refused, naming the reason, until the rejection is lifted.")
    public ObjectNode rejectPromotion(@PathParam("id") String id, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Reason"))) String body) {
        return after(holds.rejectPromotion(id, user.actor(), JsonBody.parse(body).text("reason")));
    }

    @POST
    @Path("{id}/promotion/lift")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    @Operation(summary = "Lift a promotion rejection", description = "The same roles that may reject a milestone's promotion lift the rejection, with a reason (the person who rejected it may lift it too); releases are allowed again.")
    public ObjectNode liftRejection(@PathParam("id") String id, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Reason"))) String body) {
        return after(holds.liftRejection(id, user.actor(), JsonBody.parse(body).text("reason")));
    }

    @POST
    @Path("{id}/decisions")
    @StepUp
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    @Operation(summary = "Decide a manual gate", description = "Records a manual approval gate's decision (approve, conditional, reject) by a person of the role the gate names; needs a recent sign-in.")
    public Response decide(@PathParam("id") String id, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "ManualDecision"))) String body) {
        JsonBody b = JsonBody.parse(body);
        String gate = b.text("gate");
        String role = b.text("role");
        String decision = b.text("decision");
        if (gate == null) throw ApiException.badRequest("'gate' is required (the manual gate's name, e.g. manualApproval)");
        if (decision == null) throw ApiException.badRequest("'decision' is required: approved, conditional or rejected");
        var outcome = commands.decide(id, GateCondition.reference(gate, role), decision, b.text("reason"), user.actor());
        return Response.status(201).entity(after(outcome)).build();
    }

    private ObjectNode after(MilestoneEvaluator.Outcome outcome) {
        ObjectNode n = views.status(views.current(outcome.milestone()));
        ArrayNode steps = n.putArray("transitions");
        outcome.transitions().forEach(t -> steps.addObject().put("from", t.from().json()).put("to", t.to().json())
                .put("event", t.emittedEvent() == null ? null : t.emittedEvent().eventName()).put("reason", t.reason()));
        return n;
    }

    /** An as_of value. @throws ApiException 400 when it is not a date-time */
    static Instant instant(String text) {
        try {
            return FormTimes.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("as_of must be an ISO-8601 date-time like 2025-05-14T18:35:00Z, not '" + text + "'");
        }
    }
}
