package studio.ingest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import static studio.governance.Roles.CI;
import static studio.governance.Roles.PLATFORM_ADMIN;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import studio.security.CurrentUser;
import studio.web.ApiException;
import studio.web.DryRun;

/**
 * CI's evidence: lifecycle events, sprint trace matrices, QA reports and execution metadata. Every call is
 * idempotent (Idempotency-Key header, an eventId field, or else the body itself): a retry answers as the first
 * time, with {@code Idempotent-Replayed: true}, and stores nothing new.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({CI, PLATFORM_ADMIN})
public class EvidenceApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CurrentUser user;
    @Inject
    EvidenceIntake intake;
    @Inject
    DryRun rehearsal;
    @Inject
    GroupCommit group;

    @POST
    @Path("events")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Report a lifecycle event", description = "A sprint or milestone lifecycle event (SprintClosed, SprintBlocked, GateSignal, ...). Idempotent; dry_run=true answers what it would do and stores nothing.")
    public Response event(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Event"))) String body, @HeaderParam("Idempotency-Key") String key, @QueryParam("dry_run") String dryRun) {
        return take(dryRun, () -> intake.parseEvent(required(body), key, user.actor()), EvidenceApi::respond);
    }

    @POST
    @Path("sprints/{sprintId}/trace-matrix")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Report a sprint trace matrix", description = "The sprint's trace matrix (sprint-trace-matrix.json). Idempotent; dry_run=true stores nothing.")
    public Response traceMatrix(@PathParam("sprintId") String sprintId, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "TraceMatrix"))) String body, @HeaderParam("Idempotency-Key") String key,
                                @QueryParam("dry_run") String dryRun) {
        return take(dryRun, () -> intake.parseTraceMatrix(sprintId, required(body), key, user.actor()), EvidenceApi::respond);
    }

    @POST
    @Path("sprints/{sprintId}/qa-report")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Report a QA coverage report", description = "The sprint's QA validation report, markdown or JSON. Idempotent; dry_run=true stores nothing.")
    public Response qaReport(@PathParam("sprintId") String sprintId, @RequestBody(required = true, content = {@Content(mediaType = "text/markdown", schema = @Schema(type = SchemaType.STRING, description = "The QA validation report: one line per feature, - Feature: 93.1%")), @Content(mediaType = "application/json", schema = @Schema(ref = "QaReport"))}) String body, @HeaderParam("Content-Type") String type,
                             @HeaderParam("Idempotency-Key") String key, @QueryParam("dry_run") String dryRun) {
        boolean json = type != null && type.toLowerCase(java.util.Locale.ROOT).contains("json");
        return take(dryRun, () -> intake.parseQaReport(sprintId, required(body), !json, key, user.actor()), EvidenceApi::respond);
    }

    @POST
    @Path("executions")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Report execution metadata", description = "A pipeline's execution metadata. Idempotent; dry_run=true stores nothing.")
    public Response executions(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Executions"))) String body, @HeaderParam("Idempotency-Key") String key, @QueryParam("dry_run") String dryRun) {
        return take(dryRun, () -> intake.parseExecutions(required(body), key, user.actor()), EvidenceApi::respond);
    }

    /**
     * Many inputs in one call (application/x-ndjson, one {@code {"kind":..,"body":..}} per line): stored whole or
     * not at all, each line answered as its single call would be, the milestones touched judged once at the end.
     */
    @POST
    @Path("evidence/batch")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Report many inputs at once", description = "NDJSON, one object with kind and body per line: stored whole or not at all, each line answered as its own call would be.")
    public Response batch(@RequestBody(required = true, content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING, description = "One JSON object per line: kind (event, trace-matrix, qa-report or executions) and body (the document that call takes)"))) String body, @QueryParam("dry_run") String dryRun) {
        return take(dryRun, () -> intake.parseBatch(required(body), user.actor()), this::batchAnswer);
    }

    /**
     * Parses the input on the request's own thread (refused at once, 400 with line and path, when malformed), then takes
     * it: for real in a group commit with other requests' inputs ({@link GroupCommit}), answered once it committed; in a
     * dry run inside the rehearsal's transaction, which is then rolled back.
     */
    private <T> Response take(String dryRun, java.util.function.Supplier<EvidenceIntake.Parsed<T>> parse,
                              java.util.function.Function<T, Response> answer) {
        boolean rehearsed = DryRun.requested(dryRun);
        return rehearsal.run(rehearsed, () -> {
            EvidenceIntake.Parsed<T> input = parse.get();
            return answer.apply(rehearsed ? input.take() : group.take(input, EvidenceApi::alone));
        });
    }

    /**
     * Takes an input alone in a transaction of its own, again when that transaction met a concurrent change to a row it
     * read (a timer or another instance moved the same milestone first: the version check fails and the whole attempt
     * rolled back). The intake is idempotent and judges from what is stored, so a second attempt does exactly what the
     * first would have done after the other change; CI is not told 409 for a race it did not cause.
     */
    private static <T> T alone(java.util.function.Supplier<T> input) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(input::get);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !stale(e)) throw e;
                LOG.debugf("input met a concurrent change (attempt %d); taking it again: %s", attempt, e.getMessage());
            }
        }
    }

    private static final int ATTEMPTS = 3;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(EvidenceApi.class);

    private static boolean stale(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) return true;
        }
        return false;
    }

    private Response batchAnswer(EvidenceIntake.BatchReceipt receipt) {
        ObjectNode out = JSON.createObjectNode();
        int replayed = (int) receipt.lines().stream().filter(l -> l.receipt().replayed()).count();
        out.put("lines", receipt.lines().size()).put("accepted", receipt.lines().size() - replayed).put("replayed", replayed);
        receipt.milestones().forEach(out.putArray("milestones_evaluated")::add);
        ArrayNode results = out.putArray("results");
        for (EvidenceIntake.LineReceipt l : receipt.lines()) {
            ObjectNode r = results.addObject().put("line", l.line()).put("status", l.receipt().answer().status())
                    .put("replayed", l.receipt().replayed());
            r.set("answer", readAnswer(l.receipt().answer().body()));
        }
        return Response.ok(out.toString(), MediaType.APPLICATION_JSON).build();
    }

    private static JsonNode readAnswer(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    private static String required(String body) {
        if (body == null || body.isBlank()) throw ApiException.badRequest("the request body is empty");
        return body;
    }

    private static Response respond(EvidenceIntake.Receipt receipt) {
        Response.ResponseBuilder r = Response.status(receipt.answer().status()).entity(receipt.answer().body())
                .type(MediaType.APPLICATION_JSON);
        if (receipt.replayed()) r.header("Idempotent-Replayed", "true");
        return r.build();
    }
}
