package studio.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The OpenAPI document at /q/openapi as a client generator needs it: the JSON API only (the HTML pages are Studio's
 * own business), every operation with an operationId derived from its method and path ("getMilestonesByIdWait"), a
 * tag per resource (declared with a description), the bearer token as its security (roles are not OAuth scopes), and
 * the RFC 9457 problem every error answers with ({@code Problem}, on every 4xx/5xx Studio answers). Summaries and
 * descriptions are on the resource methods ({@code @Operation}).
 */
public class ApiContract implements OASFilter {

    static final String SCHEME = "bearer";

    /** The tags: the first path segment after /api, with what it is about. */
    static final Map<String, String> TAGS = new LinkedHashMap<>();

    static {
        TAGS.put("audit", "The tamper-evident audit trail: list, export, verify, signed checkpoints.");
        TAGS.put("bypasses", "Force close and termination requests and their four-eyes decisions.");
        TAGS.put("chat-channels", "Slack and Microsoft Teams channels told of milestone and release events in words.");
        TAGS.put("definition-changes", "Changes that loosen a governed milestone's definition, waiting for approval.");
        TAGS.put("definitions", "Milestones, sprints and features documents: import (or dry-run) and export.");
        TAGS.put("environments", "The environments releases go to: the version each runs, what waits, and their freeze windows.");
        TAGS.put("evidence", "CI evidence: lifecycle events, trace matrices, QA reports, execution metadata, batches.");
        TAGS.put("milestones", "Milestone status, gate reports, documents, people's commands, and waiting for a state.");
        TAGS.put("overrides", "Override requests of failing gates and their decisions.");
        TAGS.put("releases", "Releases promoted from reached milestones: approvals, documents, rollback, waiting.");
        TAGS.put("sprint-scopes", "Sprints' scopes as imported, their approval before the sprint starts, and comments on the plan.");
        TAGS.put("signing-keys", "The public keys that verify Studio's signatures.");
        TAGS.put("webhooks", "Outbound webhooks (CloudEvents) and their deliveries.");
    }

    /** Statuses every operation may answer with a problem: no or a bad token, a role that may not, Studio unavailable. */
    private static final List<String> ALWAYS = List.of("401", "403", "503");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Map<String, PathItem> kept = new LinkedHashMap<>();
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) kept.put(path, item);
        });
        api.getPaths().setPathItems(kept);
        api.info(api.getInfo().version(api.getInfo().getVersion() == null ? "1" : api.getInfo().getVersion())
                .contact(OASFactory.createContact().name("Studio's operators: see the README's configuration section")));
        api.servers(List.of(OASFactory.createServer().url("/").description("This Studio")));
        api.tags(new ArrayList<>(TAGS.entrySet().stream()
                .map(t -> OASFactory.createTag().name(t.getKey()).description(t.getValue())).toList()));
        if (api.getComponents() == null) api.components(OASFactory.createComponents());
        api.getComponents().addSchema("Problem", problem());
        requestSchemas().forEach(api.getComponents()::addSchema);
        api.getComponents().securitySchemes(new LinkedHashMap<>(Map.of(SCHEME, OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An OIDC access token from Studio's identity provider (./studio token <user> locally)."))));
        kept.forEach((path, item) -> item.getOperations().forEach((method, op) -> shape(path, method, op)));
        dropUnusedSchemas(api, kept);
    }

    /** The schemas only the pages used (TemplateInstance, RoutingContext, ...) go with them. */
    private static void dropUnusedSchemas(OpenAPI api, Map<String, PathItem> paths) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null) return;
        java.util.Set<String> used = new java.util.HashSet<>();
        java.util.Deque<Schema> todo = new java.util.ArrayDeque<>();
        paths.values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().getMediaTypes().values().forEach(m -> add(todo, m.getSchema()));
            }
            if (op.getParameters() != null) op.getParameters().forEach(p -> add(todo, p.getSchema()));
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(r -> {
                    if (r.getContent() != null) r.getContent().getMediaTypes().values().forEach(m -> add(todo, m.getSchema()));
                });
            }
        }));
        while (!todo.isEmpty()) {
            Schema next = todo.pop();
            if (next.getRef() != null) {
                String name = next.getRef().substring(next.getRef().lastIndexOf('/') + 1);
                if (used.add(name) && schemas.containsKey(name)) add(todo, schemas.get(name));
            }
            if (next.getProperties() != null) next.getProperties().values().forEach(p -> add(todo, p));
            add(todo, next.getItems());
            if (next.getAdditionalPropertiesSchema() != null) add(todo, next.getAdditionalPropertiesSchema());
            for (List<Schema> group : java.util.Arrays.asList(next.getAllOf(), next.getAnyOf(), next.getOneOf())) {
                if (group != null) group.forEach(g -> add(todo, g));
            }
        }
        Map<String, Schema> kept = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> {
            if (used.contains(name)) kept.put(name, schema);
        });
        api.getComponents().setSchemas(kept);
    }

    private static void add(java.util.Deque<Schema> todo, Schema schema) {
        if (schema != null) todo.push(schema);
    }

    private static void shape(String path, PathItem.HttpMethod method, Operation op) {
        if (op.getOperationId() == null) op.operationId(operationId(method, path));
        op.tags(List.of(tag(path)));
        op.security(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        Map<String, APIResponse> all = responses.getAPIResponses() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(responses.getAPIResponses());
        all.keySet().stream().filter(code -> code.startsWith("4") || code.startsWith("5")).toList()
                .forEach(code -> all.put(code, problemResponse(all.get(code).getDescription())));
        boolean takesInput = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT || path.contains("{")
                || (op.getParameters() != null && !op.getParameters().isEmpty());
        if (takesInput) all.putIfAbsent("400", problemResponse("Bad input: what was wrong, with line, column and path where known"));
        if (path.contains("{")) all.putIfAbsent("404", problemResponse("Nothing with that id"));
        if (method == PathItem.HttpMethod.POST) all.putIfAbsent("409", problemResponse("Not possible in the current state"));
        ALWAYS.forEach(code -> all.putIfAbsent(code, problemResponse(switch (code) {
            case "401" -> "No valid bearer token";
            case "403" -> "The token's roles do not allow this";
            default -> "Studio cannot reach its database; retry after the Retry-After delay";
        })));
        responses.setAPIResponses(all);
        op.responses(responses);
    }

    /** "getMilestonesByIdWait" for GET /api/milestones/{id}/wait. */
    static String operationId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String segment : path.substring("/api/".length()).split("/")) {
            if (segment.isEmpty()) continue;
            boolean parameter = segment.startsWith("{");
            String words = parameter ? segment.substring(1, segment.indexOf('}')).split(":")[0] : segment;
            if (parameter) id.append("By");
            for (String word : words.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return id.toString();
    }

    static String tag(String path) {
        String first = path.substring("/api/".length()).split("/")[0];
        return switch (first) {
            case "events", "sprints", "executions", "evidence" -> "evidence";
            default -> TAGS.containsKey(first) ? first : "milestones";
        };
    }

    private static APIResponse problemResponse(String description) {
        return OASFactory.createAPIResponse().description(description == null ? "A problem" : description)
                .content(OASFactory.createContent().addMediaType(ApiErrors.PROBLEM_JSON,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
    }

    /** The request bodies the API takes, as docs/API.md describes them (field spellings: snake_case; camelCase is accepted too). */
    static Map<String, Schema> requestSchemas() {
        Map<String, Schema> out = new LinkedHashMap<>();
        out.put("Reason", object("A decision or command with the person's written reason", List.of("reason"),
                "reason", text("Why: recorded in the audit trail")));
        out.put("Comment", object("A comment on a sprint's plan", List.of("comment"), "comment", text("What the person says about the plan")));
        out.put("ManualDecision", object("A manual approval gate's decision", List.of("gate", "decision", "reason"),
                "gate", text("The gate: manualApproval"), "role", text("The gate's role, when the milestone has several manual gates"),
                "decision", text("approved, conditional or rejected"), "reason", text("Why")));
        out.put("OverrideRequest", object("A request to override named failing gates", List.of("gates", "reason"),
                "gates", list(text("A gate of the milestone")), "reason", text("The written justification"),
                "expires_at", text("When the override lapses (ISO 8601), optional")));
        Schema flag = OASFactory.createSchema().type(List.of(Schema.SchemaType.BOOLEAN));
        out.put("ReleaseOrder", object("A promotion trigger (promotion-trigger.yaml): a release promoted from a reached milestone. "
                        + "approved_by is refused (400 naming the field)", List.of("milestone_id"),
                "milestone_id", text("The reached milestone"), "version_tag", text("The version; resolved from the milestone when absent"),
                "environment", text("The target environment"),
                "promotion_targets", list(text("A target: deploy-to-staging, generate-release-notes, or one key and value such as tag-git: mvp-v1")),
                "commit", text("The commit the release is built from"),
                "trace_id", text("The milestone's trace; a different one is 409"),
                "manualApprovalRequired", flag.description("Pause for approval; needs signedBy"),
                "approvalRoles", list(text("A role of which one person must approve, added to the environment's approvers")),
                "signedBy", text("The role of the human signer of the gated promotion: one person of it must approve"),
                "rollbackEnabled", OASFactory.createSchema().type(List.of(Schema.SchemaType.BOOLEAN))
                        .description("Roll back as soon as CI reports a failure (default: the installation's setting)"),
                "maxRetries", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .description("How often Studio hands a failed release to CI again by itself (0..10)"),
                "customDeployStrategy", text("canary, blue-green or batch, recorded in the release's signed statement; a canary completes only "
                        + "after CI's GateSignal canaryValidationPassed passed for it"),
                "releaseDocumentationStyle", text("markdown or json"),
                "notifyChannels", list(text("A chat channel's name (#releases), or slack / teams for every channel of that kind: the version's "
                        + "events also go there, whatever the channel's scope; anything else is 400 with its line"))));
        out.put("Schedule", object("When a deployment waiting for approvals is handed to CI once approved", List.of("at"),
                "at", text("ISO-8601 with offset, within 30 days, outside the environment's freeze windows; null clears the schedule"),
                "environment", text("The deployment meant (default: the version's newest); refused (409) once it is no longer the newest")));
        out.put("Promotion", object("A version promoted to a later environment of the lifecycle", List.of("environment"),
                "environment", text("staging, qa or production")));
        out.put("Hotfix", object("A hotfix of a completed version: a new version of its milestone with its content and a new commit, straight to one "
                + "environment under a stricter policy", List.of("version_tag", "commit", "justification"),
                "version_tag", text("The new version's tag (must be free)"), "commit", text("The commit that fixes it"),
                "justification", text("Why it skips the lifecycle, at least 20 characters; signed with the release"),
                "environment", text("staging, qa or production (default production)")));
        out.put("HotfixReview", object("The post-release review of a completed hotfix", List.of("notes"), "notes", text("What the review found")));
        out.put("FreezeWindow", object("A freeze window: one-off (from, until) or weekly (weekly_from, weekly_until) in a time zone",
                List.of("name", "reason"), "name", text("What people call it: year-end"), "from", text("Start, ISO-8601 with offset"),
                "until", text("End, ISO-8601 with offset"), "weekly_from", text("Weekly start: a day and time, FRI 18:00"),
                "weekly_until", text("Weekly end: a day and time, MON 06:00"), "time_zone", text("The zone of the times (default UTC)"),
                "reason", text("Why releases stop")));
        out.put("FreezeException", object("A request to release one milestone to an environment while a freeze window holds",
                List.of("milestone_id", "window_id", "justification", "expires_at"), "milestone_id", text("The milestone whose releases may pass"),
                "window_id", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).description("The freeze window"),
                "justification", text("Why it cannot wait"), "expires_at", text("When the exception ends, ISO-8601 with offset, at most 7 days on")));
        out.put("ReleaseDecision", object("An approval or rejection of a release's content", List.of("decision", "reason"),
                "decision", text("approve or reject"), "reason", text("Why"),
                "role", text("The role to decide in, when the person holds several the policy names"),
                "environment", text("The deployment decided on (default: the version's newest); refused (409) once it is no longer the newest")));
        out.put("ReleaseCommand", object("A rollback (with its reason) or a retry of a version's deployment", List.of(),
                "reason", text("Why (required to roll back)"),
                "environment", text("The deployment acted on (default: the version's newest); refused (409) once it is no longer the newest")));
        out.put("ChatChannel", object("A chat channel: where to post messages in words, about what", List.of("name", "format", "url"),
                "name", text("What people call it: #releases"), "format", text("slack (or a Slack-compatible service) or teams"),
                "url", text("The service's incoming webhook URL; its host must be allowed by the destination policy"),
                "scope", text("all (the default), milestone, environment or team"),
                "scope_value", text("The milestone id, the environment (staging, qa, production) or the team (a milestone label)"),
                "event_types", list(text("An event name: MilestoneBlocked, ReleaseFailed, ...; absent: the events people act on"))));
        out.put("Event", object("A lifecycle event (SprintPlanned, SprintClosed, SprintBlocked, GateSignal, ...) with the fields its kind documents",
                List.of("event"), "event", text("The event's kind"), "sprintId", text("The sprint"), "milestoneId", text("The milestone"),
                "traceId", text("The pipeline's trace id"), "timestamp", text("When it happened (ISO 8601)")));
        out.put("TraceMatrix", object("A sprint's trace matrix (sprint-trace-matrix.json)", List.of("features"),
                "sprint_id", text("The sprint"), "milestone_id", text("The milestone"), "trace_id", text("The pipeline's trace id"),
                "features", list(object("A feature with its tests and artifacts", List.of("id"), "id", text("The feature"),
                        "tests", list(text("A test")), "artifacts", list(text("An artifact")), "agent", text("Who delivered it")))));
        out.put("QaReport", object("A QA validation report as JSON", List.of("features"),
                "features", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                        .description("Coverage by feature id: a number, \"93.2%\", or {coverage, tests}")
                        .additionalPropertiesSchema(OASFactory.createSchema().description("The feature's coverage")),
                "tests_passed", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)),
                "tests_failed", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
        out.put("Executions", object("A pipeline's execution metadata (records of agent runs)", List.of(),
                "traceId", text("The pipeline's trace id"), "records", list(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                        .description("One execution record"))));
        out.put("Definitions", object("Milestones, sprints, features and environments (the milestones.yaml document as JSON)", List.of(),
                "milestones", list(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)).description("A milestone definition")),
                "sprints", list(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)).description("A sprint definition")),
                "features", list(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)).description("A feature definition")),
                "environments", list(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)).description(
                        "An environment (platform-admin): name, order, required, protected, approvals, distinctApprovers, approvalTtl, "
                                + "approvalTimeout, freezeWindows"))));
        return out;
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }

    private static Schema list(Schema items) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(items);
    }

    /** An object schema: its description, required fields, then name, schema pairs. */
    private static Schema object(String description, List<String> required, Object... properties) {
        Schema schema = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)).description(description);
        for (int i = 0; i < properties.length; i += 2) schema.addProperty((String) properties[i], (Schema) properties[i + 1]);
        if (!required.isEmpty()) schema.required(required);
        return schema;
    }

    private static Schema problem() {
        Schema error = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)).description("One problem, with its place in the input")
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("line", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("column", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("path", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .required(List.of("message"));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem (application/problem+json) with the problems listed one by one")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(error))
                .required(List.of("type", "title", "status", "detail", "errors"));
    }
}
