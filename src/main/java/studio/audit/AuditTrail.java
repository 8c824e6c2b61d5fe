package studio.audit;

import studio.governance.Roles;
import static studio.governance.Roles.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import jakarta.ws.rs.NotFoundException;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import studio.input.InputProblem;
import studio.security.CurrentUser;
import studio.web.Htmx;

/**
 * The audit timeline in the browser: newest first, filtered by GET parameters, keyset "load more", each event
 * expandable to its payload and hashes; export and chain verification for those who keep the record. Nothing here
 * changes governance state: verification (a POST) signs a checkpoint over what it verified and appends its own
 * AuditVerified event, nothing else; every GET only reads.
 */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.EVERYONE)
public class AuditTrail {

    /** Who may export and verify the chain (docs/API.md "verify and export the audit chain"). */
    public static final List<String> KEEPERS = List.of(AUDITOR, COMPLIANCE_OFFICER, PLATFORM_ADMIN);

    /** Event types offered as suggestions in the type filter; any other type can still be typed. */
    static final List<String> KNOWN_TYPES = List.of("MilestoneDefined", "MilestoneRedefined", "MilestoneReady", "MilestoneVerifying",
            "MilestoneBlocked", "MilestoneResumed", "MilestoneEscalated", "MilestoneReached", "MilestoneForceClosed",
            "MilestoneTerminated", "MilestonePromotionTriggered", "MilestoneClosed", "GatesEvaluated", "MilestoneOverrideRequested",
            "MilestoneOverrideApproved", "MilestoneOverrideRejected", "MilestoneOverrideRevoked", "ManualGateDecided",
            "AcceptanceCriterionMarked", "AuthorizationRefused", "DefinitionsImported", "SprintPlanned", "SprintStarted",
            "SprintClosed", "SprintBlocked", "GateSignal", "AuditVerified", "MilestoneSprintsOverdue", "MilestonePaused",
            "MilestonePauseLifted", "MilestonePromotionRejected", "MilestonePromotionRejectionLifted");

    static final int PAGE = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The filter form's fields, as GET parameters. */
    public static class Query {
        @RestQuery public String milestone;
        @RestQuery public String release;
        @RestQuery public String sprint;
        @RestQuery public String actor;
        @RestQuery public String role;
        @RestQuery public String type;
        @RestQuery public String from;
        @RestQuery public String to;
        @RestQuery public String after;

        TimelineFilters filters() {
            return new TimelineFilters(milestone, release, sprint, actor, role, type, from, to);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance timeline(TimelineFilters filters, Timeline timeline, List<InputProblem> problems,
                                                ChainVerdict verdict, boolean keeper, List<String> roles, List<String> types,
                                                AuditDatabaseRole.Standing database);

        static native TemplateInstance timeline$results(TimelineFilters filters, Timeline timeline, List<InputProblem> problems,
                                                        boolean keeper);

        static native TemplateInstance timeline$entries(Timeline timeline);

        static native TemplateInstance timeline$entry(TimelineEntry e);

        static native TemplateInstance timeline$verdict(ChainVerdict verdict);

        static native TemplateInstance timeline$busy(String message);

        static native TemplateInstance event(TimelineEntry e);

        static native TemplateInstance event$payload(TimelineEntry e);
    }

    @Inject
    AuditQuery query;
    @Inject
    TimelineRows timelines;
    @Inject
    AuditVerification verification;
    @Inject
    CurrentUser user;
    @Inject
    AuditStreams streams;
    @Inject
    AuditDatabaseRole database;

    @GET
    public Response timeline(@BeanParam Query q, @RestQuery Long verification, HttpHeaders headers) {
        TimelineFilters filters = q.filters();
        Timeline timeline;
        try {
            timeline = page(filters, q.after);
        } catch (InvalidAuditQuery invalid) {
            Timeline none = new Timeline(List.of(), filters.query(), null);
            return Htmx.varying(400, Htmx.wantsFragment(headers) ? Templates.timeline$results(filters, none, invalid.problems(), keeper())
                    : page(filters, none, invalid.problems(), null));
        }
        if (Htmx.wantsFragment(headers)) return Htmx.varying(200, Templates.timeline$results(filters, timeline, List.of(), keeper()));
        return Htmx.varying(200, page(filters, timeline, List.of(), verification == null ? null : recorded(verification)));
    }

    /**
     * One event with its payload pretty-printed: for htmx the payload alone (a timeline entry's disclosure loads it
     * when opened), else a page of its own, so the payload is one link away without JavaScript as well.
     */
    @GET
    @Path("events/{seq}")
    public Response event(@RestPath long seq, HttpHeaders headers) {
        TimelineEntry e = query.one(seq).map(TimelineEntry::of).orElseThrow(() -> new NotFoundException("no audit event #" + seq));
        return Htmx.varying(200, Htmx.wantsFragment(headers) ? Templates.event$payload(e) : Templates.event(e));
    }

    /** The next page's entries alone, for "load more"; opened directly, it is the whole page. */
    @GET
    @Path("entries")
    public Response entries(@BeanParam Query q, HttpHeaders headers) {
        if (!Htmx.wantsFragment(headers)) {
            return Response.seeOther(URI.create(url(q.filters().query(), q.after == null ? "" : "after=" + Timeline.encode(q.after)))).build();
        }
        try {
            return Htmx.varying(200, Templates.timeline$entries(page(q.filters(), q.after)));
        } catch (InvalidAuditQuery invalid) {
            return Htmx.varying(400, Templates.timeline$results(q.filters(), new Timeline(List.of(), q.filters().query(), null), invalid.problems(), keeper()));
        }
    }

    /** The filtered trail as a file, oldest first, streamed from the database as it is written. */
    @GET
    @Path("export")
    @RolesAllowed({AUDITOR, COMPLIANCE_OFFICER, PLATFORM_ADMIN})
    public Response export(@BeanParam Query q, @RestQuery String format, RoutingContext request) {
        try {
            AuditExportFormat chosen = AuditExportFormat.named(format);
            AuditFilter filter = q.filters().params(null, null).filter();
            return AuditApi.download(streams, query, chosen, filter, request);
        } catch (InvalidAuditQuery invalid) {
            return Htmx.varying(400, page(q.filters(), new Timeline(List.of(), q.filters().query(), null), invalid.problems(), null));
        } catch (AuditBusy busy) {
            return busy(Htmx.html(429, page(q.filters(), new Timeline(List.of(), q.filters().query(), null),
                    List.of(InputProblem.of(busy.getMessage())), null)), busy);
        }
    }

    /**
     * Anchors, recomputes and records the chain (AuditVerification#verifyAndRecord) and shows the verdict; without
     * JavaScript, by redirecting to a page that shows it.
     */
    @POST
    @Path("verify")
    @RolesAllowed({AUDITOR, COMPLIANCE_OFFICER, PLATFORM_ADMIN})
    public Response verify(@BeanParam Query q, HttpHeaders headers) {
        TrailVerification verdict;
        try {
            verdict = verification.verifyAndRecord(user.actor());
        } catch (AuditBusy busy) {
            if (Htmx.wantsFragment(headers)) {
                return busy(Htmx.html(429, Templates.timeline$busy(busy.getMessage())).header(Htmx.RETARGET, "#chain-verdict")
                        .header(Htmx.RESWAP, "outerHTML"), busy);
            }
            return busy(Htmx.html(429, page(q.filters(), new Timeline(List.of(), q.filters().query(), null),
                    List.of(InputProblem.of(busy.getMessage())), null)), busy);
        }
        Long seq = newestVerificationBy(user.getName());
        if (Htmx.wantsFragment(headers)) return Htmx.varying(200, Templates.timeline$verdict(ChainVerdict.of(verdict, seq)));
        return Response.seeOther(URI.create(url(q.filters().query(), "verification=" + seq))).build();
    }

    private static Response busy(Response.ResponseBuilder response, AuditBusy busy) {
        return response.header(HttpHeaders.RETRY_AFTER, busy.retryAfterSeconds()).build();
    }

    private TemplateInstance page(TimelineFilters filters, Timeline timeline, List<InputProblem> problems, ChainVerdict verdict) {
        return Templates.timeline(filters, timeline, problems, verdict, keeper(), ALL, KNOWN_TYPES, database.standing());
    }

    private boolean keeper() {
        return user.hasAny(KEEPERS);
    }

    private Timeline page(TimelineFilters filters, String after) {
        AuditPageRequest request = filters.params(after, Integer.toString(PAGE)).page();
        return timelines.page(request, filters.query());
    }

    /** The verdict an AuditVerified event recorded, or null when that event is not one. */
    private ChainVerdict recorded(long seq) {
        AuditEvent event = query.one(seq).filter(e -> AuditVerification.VERIFIED.equals(e.record().type())).orElse(null);
        if (event == null) return null;
        try {
            return ChainVerdict.recorded(JSON.readTree(event.record().payloadJson()), seq);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private Long newestVerificationBy(String actor) {
        AuditFilter mine = new AuditFilter(null, null, null, actor, null, AuditVerification.VERIFIED, null, null);
        List<AuditEvent> events = query.page(new AuditPageRequest(mine, null, 1)).events();
        return events.isEmpty() ? null : events.get(0).seq();
    }

    /** The timeline's URL with the given query parts (empty parts left out). */
    static String url(String... parts) {
        String query = java.util.Arrays.stream(parts).filter(p -> !p.isEmpty()).collect(java.util.stream.Collectors.joining("&"));
        return query.isEmpty() ? "/audit" : "/audit?" + query;
    }
}
