package studio.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * {@code ?dry_run=true} on the calls that change things (definitions, evidence, releases): the call runs exactly as it
 * would, every check, refusal and evaluation included, inside a transaction that is then rolled back, so it answers
 * what it would have done and stores nothing (no rows, no audit entry, no webhook, no metric). The answer carries
 * {@code "dry_run": true} and the header {@code Studio-Dry-Run: true}.
 */
@ApplicationScoped
public class DryRun {

    public static final String HEADER = "Studio-Dry-Run";
    @Inject
    ObjectMapper json;

    /** Whether the query parameter asks for a dry run; anything but true/false (or none) is refused, 400. */
    public static boolean requested(String dryRun) {
        if (dryRun == null || dryRun.equals("false")) return false;
        if (dryRun.equals("true")) return true;
        throw ApiException.badRequest("dry_run must be true or false, not '" + dryRun + "'");
    }

    /** Runs {@code call} for real when {@code dryRun} is false; otherwise rehearses it and marks its answer. */
    public Response run(boolean dryRun, Supplier<Response> call) {
        if (!dryRun) return call.get();
        QuarkusTransaction.begin();
        try {
            return marked(call.get());
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private Response marked(Response answer) {
        Object entity = answer.getEntity();
        JsonNode body = entity == null ? null : entity instanceof String text ? parse(text) : json.valueToTree(entity);
        Response.ResponseBuilder out = Response.status(answer.getStatus() == 201 ? 200 : answer.getStatus()).header(HEADER, "true");
        answer.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Location")) values.forEach(v -> out.header(name, v));
        });
        if (body instanceof ObjectNode object) {
            return out.type(MediaType.APPLICATION_JSON).entity(object.put("dry_run", true).toString()).build();
        }
        return out.entity(entity).build();
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
