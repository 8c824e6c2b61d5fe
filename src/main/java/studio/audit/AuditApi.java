package studio.audit;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import studio.governance.Roles;
import studio.security.CurrentUser;
import studio.web.ApiErrors;

/** The audit trail for auditors' scripts and CI (docs/API.md "Audit"): list, export, verify, checkpoints. */
@Path("/api/audit")
public class AuditApi {

    private static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final MediaType NOTE = new MediaType("text", "plain", "utf-8");

    @Inject
    AuditQuery query;

    @Inject
    AuditVerification verification;

    @Inject
    AuditCheckpoints checkpoints;

    @Inject
    TrustedKeys trusted;

    @Inject
    AuditStreams streams;

    @Inject
    CurrentUser user;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "List audit events", description = "The audit trail, newest first, filtered by milestone, release, sprint, actor, type and time; keyset-paginated with the cursor of the last page.")
    public String list(@RestQuery String milestone, @RestQuery String release, @RestQuery String sprint,
                       @RestQuery String actor, @RestQuery String role, @RestQuery String type, @RestQuery String from,
                       @RestQuery String to, @RestQuery String after, @RestQuery String limit) {
        AuditParams params = new AuditParams(milestone, release, sprint, actor, role, type, from, to, after, limit);
        return AuditEventJson.page(query.page(params.page()));
    }

    /** The whole filtered trail as a download, oldest first, streamed from the database as it is written. */
    @GET
    @Path("export")
    @RolesAllowed({Roles.AUDITOR, Roles.COMPLIANCE_OFFICER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Export audit events", description = "The filtered audit trail as CSV or NDJSON with its hash-chain fields, for an auditor to verify offline.")
    public Response export(@RestQuery String format, @RestQuery String milestone, @RestQuery String release,
                           @RestQuery String sprint, @RestQuery String actor, @RestQuery String role,
                           @RestQuery String type, @RestQuery String from, @RestQuery String to, @Context RoutingContext request) {
        AuditExportFormat chosen = AuditExportFormat.named(format);
        AuditFilter filter = new AuditParams(milestone, release, sprint, actor, role, type, from, to, null, null).filter();
        return download(streams, query, chosen, filter, request);
    }

    /**
     * The export as a streamed download holding one of {@link AuditStreams}' permits until the stream ends (or the
     * response does, should the stream never start). Shared with the timeline's export.
     */
    static Response download(AuditStreams streams, AuditQuery query, AuditExportFormat format, AuditFilter filter,
                             RoutingContext request) {
        AuditStreams.Permit permit = streams.open();
        request.addEndHandler(ended -> permit.close());
        StreamingOutput body = out -> {
            try (permit) {
                query.export(filter, format.open(out));
            }
        };
        String file = "studio-audit-" + FILE_STAMP.format(Instant.now()) + "." + format.extension();
        return Response.ok(body, format.mediaType()).header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    /**
     * Recomputes the chain now and answers the verdict; records nothing (a broken chain is a finding, not an error:
     * 200 either way).
     */
    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AUDITOR, Roles.COMPLIANCE_OFFICER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Verify the audit chain", description = "Recomputes the whole hash chain and checks every signed checkpoint; answers whether the trail is intact and where it breaks.")
    public String verify() {
        return AuditEventJson.verdict(verification.verify()).toString();
    }

    /**
     * Anchors the rows since the newest checkpoint (when they chain onto it), recomputes the chain and records the
     * verification in the trail ({@code AuditVerified}); answers the verdict.
     */
    @POST
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AUDITOR, Roles.COMPLIANCE_OFFICER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Verify the audit chain and record the result", description = "Like GET verify, and appends the verification's outcome to the audit trail.")
    public String verifyAndRecord() {
        return AuditEventJson.verdict(verification.verifyAndRecord(user.actor())).toString();
    }

    /** The signed checkpoints, newest first, keyset-paginated like the listing ({@code after}, {@code limit}). */
    @GET
    @Path("checkpoints")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "List signed checkpoints", description = "The signed audit checkpoints (C2SP tlog-checkpoint notes), newest first, keyset-paginated.")
    public String checkpoints(@RestQuery String after, @RestQuery String limit) {
        AuditPageRequest page = new AuditParams(null, null, null, null, null, null, null, null, after, limit).page();
        List<AuditCheckpoint> found = checkpoints.newestFirst(page.after(), page.limit() + 1);
        List<AuditCheckpoint> shown = found.subList(0, Math.min(found.size(), page.limit()));
        String next = found.size() > page.limit() ? Long.toString(shown.get(shown.size() - 1).seq()) : null;
        return CheckpointJson.page(checkpoints.origin(), trusted.byId().values(), shown, next);
    }

    /** The newest checkpoint as its signed note (c2sp.org/tlog-checkpoint), for anyone to keep and compare later. */
    @GET
    @Path("checkpoints/latest")
    @Produces("text/plain; charset=utf-8")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The newest signed checkpoint", description = "The newest checkpoint as a signed note (text), for anyone to keep and compare later.")
    public Response latestCheckpoint() {
        List<AuditCheckpoint> newest = checkpoints.newestFirst(null, 1);
        if (newest.isEmpty() || newest.get(0).note() == null) {
            return ApiErrors.response(404, (newest.isEmpty() ? "no audit checkpoint has been signed yet"
                            : "the newest audit checkpoint (row " + newest.get(0).seq() + ") predates signed notes")).build();
        }
        return Response.ok(newest.get(0).note(), NOTE).build();
    }

    @ServerExceptionMapper
    Response invalidQuery(InvalidAuditQuery invalid) {
        return ApiErrors.response(400, invalid.problems()).build();
    }

    @ServerExceptionMapper
    Response busy(AuditBusy busy) {
        return ApiErrors.response(429, busy.getMessage()).header(HttpHeaders.RETRY_AFTER, busy.retryAfterSeconds()).build();
    }
}
