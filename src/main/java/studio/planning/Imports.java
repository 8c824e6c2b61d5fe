package studio.planning;

import studio.governance.Roles;
import static studio.governance.Roles.*;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import studio.input.Format;
import studio.input.InputProblem;
import studio.input.InvalidInputException;
import studio.security.CurrentUser;
import studio.web.ApiException;
import studio.web.Htmx;

/**
 * The import page (GET/POST /import): paste or upload a milestones/sprints/features document, check it (nothing
 * stored) and import it. Product owners and platform admins import; everyone else sees the page read-only. CI
 * imports through POST /api/definitions, never here.
 */
@Path("/import")
@Produces(MediaType.TEXT_HTML)
public class Imports {

    static final List<String> IMPORTERS = List.of(PRODUCT_OWNER, PLATFORM_ADMIN);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(boolean mayImport, String document, ImportOutcome outcome);

        static native TemplateInstance page$result(ImportOutcome outcome);
    }

    @Inject
    DefinitionImport definitions;
    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed(Roles.EVERYONE)
    public TemplateInstance page() {
        return Templates.page(user.hasAny(IMPORTERS), "", null);
    }

    /** "Check" validates without storing; "Import" stores. Problems answer 400 with every problem and its line. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({PRODUCT_OWNER, PLATFORM_ADMIN})
    public Response submit(@RestForm String document, @RestForm FileUpload file, @RestForm String action,
                           @Context HttpHeaders headers) {
        String text = document == null ? "" : document;
        ImportOutcome outcome;
        try {
            boolean uploaded = file != null && file.size() > 0;
            if (uploaded) text = read(file);
            outcome = run(action, text, uploaded ? formatOf(file.fileName()) : Format.AUTO);
        } catch (InvalidInputException e) {
            outcome = ImportOutcome.invalid(e.problems(), text);
        } catch (ApiException e) {
            outcome = ImportOutcome.invalid(e.problems(), text);
        }
        return respond(outcome, text, headers);
    }

    private ImportOutcome run(String action, String text, Format format) {
        if (text.isBlank()) throw ApiException.badRequest("the document is empty: paste a milestones/sprints/features document or choose a file");
        if ("import".equals(action)) return ImportOutcome.imported(definitions.apply(text, format, user.actor()));
        return ImportOutcome.checked(definitions.validate(text, format));
    }

    private Response respond(ImportOutcome outcome, String text, HttpHeaders headers) {
        int status = outcome.invalid() ? 400 : 200;
        if (!Htmx.wantsFragment(headers)) {
            return Htmx.varying(status, Templates.page(true, text, outcome));
        }
        // htmx swaps a 4xx only when the response says where (static/app.js): the result area, as for a 200.
        return Htmx.refusedInto(status, "#import-result", "outerHTML", Templates.page$result(outcome));
    }

    private static String read(FileUpload file) {
        try {
            byte[] bytes = Files.readAllBytes(file.uploadedFile());
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(InputProblem.of("the file " + file.fileName() + " is not UTF-8 text"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The syntax a file's name announces; anything else is recognised by its first character. */
    static Format formatOf(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) return Format.JSON;
        if (name.endsWith(".yaml") || name.endsWith(".yml")) return Format.YAML;
        return Format.AUTO;
    }
}
