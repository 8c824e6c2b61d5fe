package studio.planning;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import studio.governance.Roles;
import static studio.governance.Roles.*;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import studio.definition.DefinitionWriter;
import studio.input.Format;
import studio.security.CurrentUser;
import studio.web.ApiException;
import studio.web.DryRun;

/** CI and product owners import milestones/sprints/features documents; anyone exports them back as YAML. */
@Path("/api/definitions")
public class DefinitionsApi {

    @Inject
    CurrentUser user;
    @Inject
    DefinitionImport definitions;
    @Inject
    DefinitionStore store;
    @Inject
    DryRun rehearsal;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({PRODUCT_OWNER, PLATFORM_ADMIN, CI})
    @Operation(summary = "Import definitions", description = "A milestones/sprints/features document (YAML or JSON): problems with line and column, changes that loosen a milestone under way wait for approval; dry_run=true answers what would change and stores nothing.")
    public Response importDocument(@RequestBody(required = true, content = {@Content(mediaType = "application/yaml", schema = @Schema(type = SchemaType.STRING, description = "A milestones/sprints/features document (docs/spec: milestones.yaml)")), @Content(mediaType = "application/json", schema = @Schema(ref = "Definitions"))}) String body, @HeaderParam("Content-Type") String contentType, @QueryParam("dry_run") String dryRun) {
        if (body == null || body.isBlank()) throw ApiException.badRequest("the request body is empty: send a milestones/sprints/features document");
        return rehearsal.run(DryRun.requested(dryRun), () -> Response.ok(definitions.apply(body, format(contentType), user.actor())).build());
    }

    @GET
    @Produces("application/yaml")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "Export definitions", description = "Every definition as one YAML document.")
    public String export() {
        return DefinitionWriter.toYaml(store.exportAll());
    }

    static Format format(String contentType) {
        if (contentType == null) return Format.AUTO;
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.contains("json")) return Format.JSON;
        if (type.contains("yaml") || type.contains("yml")) return Format.YAML;
        return Format.AUTO;
    }
}
