package studio.release.web;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;

import studio.governance.Roles;
import static studio.governance.Roles.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import studio.release.lifecycle.ReleaseState;
import studio.web.LongPoll;
import java.time.Duration;
import io.smallrye.mutiny.Uni;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import studio.definition.PromotionTrigger;
import studio.definition.PromotionTriggerReader;
import studio.governance.Actor;
import studio.input.Format;
import studio.governance.ReleaseApproval.Decision;
import studio.milestone.MilestonePaths;
import studio.outbound.ChannelDirectory;
import studio.release.Hotfixes;
import studio.release.Release;
import studio.release.ReleaseOrder;
import studio.release.ReleaseRequests;
import studio.release.approval.ReleaseDesk;
import studio.security.CurrentUser;
import studio.security.StepUp;
import studio.signing.DsseEnvelope;
import studio.web.ApiException;
import studio.web.DryRun;
import studio.web.JsonBody;

/** Releases (docs/API.md "Releases"): create, read, documents, approvals, rollback and retry. */
@Path("/api/releases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EVERYONE)
public class ReleasesApi {

    static final int MAX_LIMIT = 200;

    @Inject
    studio.release.ReleaseRecords records;
    @Inject
    ChannelDirectory directory;
    @Inject
    CurrentUser user;
    @Inject
    ReleaseRequests requests;
    @Inject
    ReleaseDesk desk;
    @Inject
    ReleaseListing listing;
    @Inject
    ReleaseHistoryQuery histories;
    @Inject
    DryRun rehearsal;
    @Inject
    Hotfixes hotfixes;

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({PRODUCT_OWNER, PLATFORM_ADMIN, CI})
    @Operation(summary = "Create a release", description = "Promotes a reached milestone into a release from a promotion trigger (promotion-trigger.yaml as YAML or JSON: milestone, version tag, environment, targets, trace_id, manualApprovalRequired with approvalRoles and signedBy, rollbackEnabled, customDeployStrategy, releaseDocumentationStyle); a field it does not act on is refused with its line. With dry_run=true it answers what it would create and stores nothing.")
    public Response create(@RequestBody(required = true, content = {@Content(mediaType = "application/json", schema = @Schema(ref = "ReleaseOrder")),
            @Content(mediaType = "application/yaml", schema = @Schema(type = SchemaType.STRING, description = "promotion-trigger.yaml"))}) String body,
                           @HeaderParam("Content-Type") String contentType, @QueryParam("dry_run") String dryRun) {
        return rehearsal.run(DryRun.requested(dryRun), () -> created(body, contentType));
    }

    private Response created(String body, String contentType) {
        PromotionTrigger trigger = PromotionTriggerReader.read(body == null || body.isBlank() ? "{}" : body, format(contentType));
        Actor actor = user.actor();
        List<Long> channels = directory.resolve(trigger.notifyChannels().stream().map(c -> new ChannelDirectory.Named(c.name(), c.at())).toList());
        Release r = requests.create(ReleaseOrder.of(trigger, actor.holds(CI) ? "ci" : "manual", channels), actor);
        return Response.created(URI.create("/api/releases/" + MilestonePaths.segment(r.versionTag)))
                .entity(json(r.versionTag)).build();
    }

    /** YAML when the request says so, JSON when it says so, else whichever the text is. */
    private static Format format(String contentType) {
        if (contentType == null) return Format.AUTO;
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.contains("json")) return Format.JSON;
        if (type.contains("yaml") || type.contains("yml")) return Format.YAML;
        return Format.AUTO;
    }

    @GET
    @Operation(summary = "List releases", description = "Releases filtered by milestone, environment and status, keyset-paginated.")
    public ObjectNode list(@QueryParam("milestone") String milestone, @QueryParam("environment") String environment,
                           @QueryParam("status") String status, @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        ReleaseFilters f = new ReleaseFilters(milestone, environment, status, null, null).validated();
        return ReleaseApiJson.page(listing.page(f, after, limit(limit)));
    }

    @GET
    @Path("history.csv")
    @Produces("text/csv")
    @Operation(summary = "Release history as CSV", description = "Every release's outcome and timing as CSV.")
    public Response history(@QueryParam("milestone") String milestone, @QueryParam("environment") String environment,
                            @QueryParam("status") String status) {
        String csv = histories.csv(new ReleaseFilters(milestone, environment, status, null, null));
        return Response.ok(csv).header("Content-Disposition", "attachment; filename=\"release-history.csv\"").build();
    }

    @GET
    @Path("{tag}")
    @Operation(summary = "A release", description = "The version's state, approvals, documents and timing (its newest deployment, or the one to 'environment'), and its deployments to each environment.")
    public ObjectNode one(@PathParam("tag") String tag, @QueryParam("environment") String environment) {
        return detailed(listing.one(tag, environment), tag);
    }

    @GET
    @Path("{tag}/notes.md")
    @Produces("text/markdown")
    @Operation(summary = "The release notes", description = "The release notes (markdown) generated from the milestone's evidence; of the deployment to 'environment' when named.")
    public String notes(@PathParam("tag") String tag, @QueryParam("environment") String environment) {
        return ReleaseDocument.NOTES.text(listing.one(tag, environment));
    }

    @GET
    @Path("{tag}/manifest")
    @Operation(summary = "The signed release manifest", description = "The release manifest as a DSSE envelope signed with Studio's key; each deployment has its own, signed when it completed ('environment' names which, default the newest).")
    public DsseEnvelope manifest(@PathParam("tag") String tag, @QueryParam("environment") String environment) {
        return listing.one(tag, environment).manifest();
    }

    @GET
    @Path("{tag}/promotion-trigger-confirmed.yaml")
    @Produces("application/yaml")
    @Operation(summary = "The confirmed promotion trigger", description = "The promotion-trigger-confirmed.yaml of the release (of the deployment to 'environment' when named).")
    public String promotionTrigger(@PathParam("tag") String tag, @QueryParam("environment") String environment) {
        return listing.one(tag, environment).promotionTriggerConfirmed();
    }

    @POST
    @Path("{tag}/promotions")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({PRODUCT_OWNER, PLATFORM_ADMIN, CI})
    @Operation(summary = "Promote a version to an environment", description = "Deploys the existing version, with the same content, to a later environment of the lifecycle (staging, qa, production) under that environment's approval policy: 201 with the version and its new deployment; 409 naming the reason when an earlier required environment has not completed it, a freeze window covers now, the milestone is paused or its promotion rejected, or the version is already there.")
    public Response promote(@PathParam("tag") String tag, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Promotion"))) String body,
                            @QueryParam("dry_run") String dryRun) {
        JsonBody b = JsonBody.parse(body);
        b.refuseOthers("a promotion takes only environment", "environment");
        String environment = b.text("environment");
        return rehearsal.run(DryRun.requested(dryRun), () -> {
            Release r = requests.promote(tag, environment, user.actor());
            return Response.created(URI.create("/api/releases/" + MilestonePaths.segment(tag) + "?environment=" + r.environment))
                    .entity(detailed(listing.one(tag, r.environment), tag)).build();
        });
    }

    @POST
    @Path("{tag}/hotfixes")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({PRODUCT_OWNER, PLATFORM_ADMIN})
    @Operation(summary = "Request a hotfix of a version", description = "A new version (version_tag) of the milestone of version {tag}, carrying the content of its newest completed deployment with a new commit, deployed straight to 'environment' (default production) under that environment's policy plus one more approver, all different people, never the requester; 'justification' (at least 20 characters) is required and signed with it. Once it completed, someone other than its requester reviews it (POST .../hotfix-review). 409 naming the reason when the version never completed, the milestone may not be released, the tag is taken or a freeze holds.")
    public Response hotfix(@PathParam("tag") String tag, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Hotfix"))) String body,
                           @QueryParam("dry_run") String dryRun) {
        JsonBody b = JsonBody.parse(body);
        b.refuseOthers("a hotfix takes version_tag, commit, justification and environment", "version_tag", "commit", "justification", "environment");
        Hotfixes.Order order = new Hotfixes.Order(b.text("version_tag"), b.text("commit"), b.text("justification"), b.text("environment"));
        return rehearsal.run(DryRun.requested(dryRun), () -> {
            Release r = hotfixes.request(tag, order, user.actor());
            return Response.created(URI.create("/api/releases/" + MilestonePaths.segment(r.versionTag))).entity(json(r.versionTag)).build();
        });
    }

    @POST
    @Path("{tag}/hotfix-review")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({PRODUCT_OWNER, QA_LEAD, COMPLIANCE_OFFICER})
    @Operation(summary = "Review a completed hotfix", description = "Closes the post-release review of hotfix {tag} with 'notes' (required), by a product-owner, qa-lead or compliance-officer who did not request it: 403 for its requester, 409 before it completed or once reviewed.")
    public ObjectNode reviewHotfix(@PathParam("tag") String tag, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "HotfixReview"))) String body) {
        JsonBody b = JsonBody.parse(body);
        b.refuseOthers("a hotfix review takes only notes", "notes");
        hotfixes.review(tag, b.text("notes"), user.actor());
        return json(tag);
    }

    @POST
    @Path("{tag}/approvals")
    @StepUp
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    @Operation(summary = "Approve or reject a release", description = "Records an approval or rejection of the release's content by a person the release policy names; needs a recent sign-in.")
    public ObjectNode decide(@PathParam("tag") String tag, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "ReleaseDecision"))) String body) {
        JsonBody b = JsonBody.parse(body);
        Release r = desk.decide(tag, b.text("environment"), decision(b.text("decision")), b.text("role"), b.text("reason"), user.actor());
        return json(r.versionTag);
    }

    @POST
    @Path("{tag}/schedule")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({PRODUCT_OWNER, PLATFORM_ADMIN})
    @Operation(summary = "Schedule a deployment", description = "Schedules the deployment waiting for approvals for a moment a freeze allows (at: ISO-8601 with offset; null clears it): approved ahead of time, it is handed to CI by itself when the moment comes, if every approval still holds.")
    public ObjectNode schedule(@PathParam("tag") String tag, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Schedule"))) String body) {
        JsonBody b = JsonBody.parse(body);
        b.refuseOthers("a schedule takes at and environment", "at", "environment");
        if (!b.has("at")) throw ApiException.badRequest("'at' is required: the moment (ISO-8601 with offset), or null to clear the schedule");
        Release r = desk.schedule(tag, b.text("environment"), b.instant("at"), user.actor());
        return json(r.versionTag);
    }

    @POST
    @Path("{tag}/rollback")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({PRODUCT_OWNER, PLATFORM_ADMIN})
    @Operation(summary = "Roll back a release", description = "Rolls back a completed or failed release, with a reason.")
    public ObjectNode rollback(@PathParam("tag") String tag, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "ReleaseCommand"))) String body) {
        JsonBody b = JsonBody.parse(body);
        Release r = desk.rollback(tag, b.text("environment"), b.text("reason"), user.actor());
        return json(r.versionTag);
    }

    @POST
    @Path("{tag}/retry")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({PRODUCT_OWNER, PLATFORM_ADMIN})
    @Operation(summary = "Retry a failed release", description = "Starts the failed release's deployment again.")
    public ObjectNode retry(@PathParam("tag") String tag, @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(ref = "ReleaseCommand"))) String body) {
        Release r = desk.retry(tag, body == null || body.isBlank() ? null : JsonBody.parse(body).text("environment"), user.actor());
        return json(r.versionTag);
    }

    /**
     * Waits until the release is in state {@code for} (default completed): 200 with the release, 409 when it failed,
     * was rejected, aborted or rolled back instead, 408 after {@code timeout} seconds (docs/API.md "Waiting for a
     * state").
     */
    @GET
    @Path("{tag}/wait")
    @Blocking
    @Operation(summary = "Wait for a release state", description = "Long-polls until the release is in the state named by 'for' (default completed): 200 with the release, 409 when it failed, was rejected, aborted or rolled back instead, 408 after 'timeout' seconds.")
    public Uni<Response> await(@PathParam("tag") String tag, @QueryParam("for") String wanted, @QueryParam("timeout") String timeout) {
        ReleaseState target;
        try {
            target = ReleaseState.fromJson(wanted == null ? "completed" : wanted);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("for: " + e.getMessage());
        }
        Duration limit = LongPoll.timeout(timeout);
        listing.one(tag);
        return LongPoll.until(limit, "release " + tag + " is not " + target.json(), () -> {
            ReleaseView r = listing.one(tag);
            ReleaseState now = r.state();
            if (now == target) return LongPoll.Look.reached(ReleaseApiJson.of(r).toString());
            if (now.rulesOut(target)) return LongPoll.Look.refused("release " + tag + " is " + now.json() + "; it will not be " + target.json());
            return LongPoll.Look.waiting();
        });
    }

    private ObjectNode json(String tag) {
        return detailed(listing.one(tag), tag);
    }

    /**
     * One deployment as GET /api/releases/{tag} answers it: with the version's deployments, the signals it waits for and,
     * for a hotfix, its review ({@code hotfix_review}; null before it opened and for other releases).
     */
    private ObjectNode detailed(ReleaseView v, String tag) {
        ObjectNode n = ReleaseApiJson.withSignals(ReleaseApiJson.of(v, listing.deployments(tag)), v.release(), records.signals(v.release()));
        if (n.path("hotfix_of").isNull()) return n.putNull("hotfix_review");
        hotfixes.reviewOf(tag).ifPresentOrElse(r -> r.writeTo(n, java.time.Instant.now()), () -> n.putNull("hotfix_review"));
        return n;
    }

    /** A page's size: 50 unless asked for, at most {@value #MAX_LIMIT}. */
    static int limit(Integer limit) {
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > MAX_LIMIT) throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        return n;
    }

    /** "approve" or "reject" (also "approved", "rejected"). */
    static Decision decision(String text) {
        String d = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (d) {
            case "approve", "approved" -> Decision.APPROVED;
            case "reject", "rejected" -> Decision.REJECTED;
            default -> throw ApiException.badRequest("'decision' must be approve or reject");
        };
    }
}
