package studio.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import studio.governance.Roles;
import studio.security.CurrentUser;
import studio.web.ApiErrors;

/** The audit trail for auditors' scripts and CI (API.md "Audit"): list, export, verify. */
@Path("/api/audit")
public class AuditApi {

    private static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Inject
    AuditQuery query;

    @Inject
    AuditVerification verification;

    @Inject
    CurrentUser user;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRODUCT_OWNER, Roles.QA_LEAD, Roles.DOMAIN_ARCHITECT, Roles.SECURITY_OFFICER,
            Roles.COMPLIANCE_OFFICER, Roles.PLATFORM_ADMIN, Roles.AUDITOR, Roles.CI})
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
    public Response export(@RestQuery String format, @RestQuery String milestone, @RestQuery String release,
                           @RestQuery String sprint, @RestQuery String actor, @RestQuery String role,
                           @RestQuery String type, @RestQuery String from, @RestQuery String to) {
        AuditExportFormat chosen = AuditExportFormat.named(format);
        AuditFilter filter = new AuditParams(milestone, release, sprint, actor, role, type, from, to, null, null).filter();
        StreamingOutput body = out -> query.export(filter, chosen.open(out));
        String file = "studio-audit-" + FILE_STAMP.format(Instant.now()) + "." + chosen.extension();
        return Response.ok(body, chosen.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .build();
    }

    /** Recomputes the chain now; answers 200 with the verdict either way (a broken chain is a finding, not an error). */
    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AUDITOR, Roles.COMPLIANCE_OFFICER, Roles.PLATFORM_ADMIN})
    public String verify() {
        return AuditEventJson.verdict(verification.verifyAndRecord(user.actor())).toString();
    }

    @ServerExceptionMapper
    Response invalidQuery(InvalidAuditQuery invalid) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(ApiErrors.json(invalid.problems())).build();
    }
}
