package studio.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import studio.testing.Api;
import studio.testing.BrowserSession;
import studio.testing.Keycloak;
import studio.testing.TestDb;

/**
 * docs/API.md's permission table for every route Studio has. The routes are read from the compiled JAX-RS resources (every
 * method with an HTTP method annotation, its class's and its own {@code @Path}); each must have a row below saying
 * which roles may use it, and a route without a row fails the build. Each route is then tried as each role and as
 * nobody, the way each really calls Studio: the JSON API with the role's real bearer token, pages with the demo user's
 * real browser session (signed in through Keycloak, CSRF token in the header). The roles a row does not list get
 * 401/403 (a page sends the anonymous to the login) and nothing is stored; the listed ones get past authorization.
 * Where the answer depends on data (the milestone's governing role, the manual gate's role), the row states it for
 * the fixture: "perm" is governed by security-officer, its manual gate is compliance-officer's, overrides qa-lead's.
 * CI service accounts have no browser session: on pages their token counts for nothing.
 */
@QuarkusTest
class PermissionMatrixTest {

    static final List<String> ROLES = List.of("product-owner", "qa-lead", "domain-architect", "security-officer",
            "compliance-officer", "platform-admin", "auditor", "ci");
    static final String ANONYMOUS = "anonymous";

    static final Set<String> ALL = Set.copyOf(ROLES);
    static final Set<String> PEOPLE = Set.of("product-owner", "qa-lead", "domain-architect", "security-officer", "compliance-officer",
            "platform-admin", "auditor");
    static final Set<String> ACTING = Set.of("product-owner", "qa-lead", "domain-architect", "security-officer", "compliance-officer",
            "platform-admin");
    static final Set<String> AUDIT = Set.of("auditor", "compliance-officer", "platform-admin");
    static final Set<String> ADMIN = Set.of("platform-admin");
    static final Set<String> GOVERNORS = Set.of("security-officer", "platform-admin");
    static final Set<String> RELEASERS = Set.of("product-owner", "platform-admin");
    static final Set<String> EVALUATORS = Set.of("product-owner", "qa-lead", "platform-admin");
    /** Who may reject a milestone's promotion or lift the rejection: its governors and the promoters. */
    static final Set<String> PROMOTION_DECIDERS = Set.of("security-officer", "platform-admin", "product-owner");

    /** How a row's request is sent: as JSON/YAML/text to the API, or as a browser form (with the CSRF header). */
    enum Body { NONE, JSON, YAML, MARKDOWN, NDJSON, FORM, MULTIPART }

    /**
     * One route's expectation: who may use it ({@link #ANONYMOUS} too for public routes), and one concrete request.
     *
     * @param route   "POST /milestones/{id}/escalate", as the resources declare it
     * @param sample  a path of the route to call, with placeholders filled from the fixture ({evidence})
     * @param allowed the roles that get past authorization with the fixture's data
     */
    record Row(String route, String sample, Set<String> allowed, Body body, String content) {

        String method() {
            return route.substring(0, route.indexOf(' '));
        }

        boolean api() {
            return route.contains(" /api/");
        }

        boolean consumesSession() {
            return route.endsWith(" /reauthenticate");
        }

        @Override
        public String toString() {
            return route;
        }
    }

    static Row get(String route, Set<String> allowed) {
        return new Row("GET " + route, route, allowed, Body.NONE, null);
    }

    static Row get(String route, String sample, Set<String> allowed) {
        return new Row("GET " + route, sample, allowed, Body.NONE, null);
    }

    static Row post(String route, String sample, Set<String> allowed, Body body, String content) {
        return new Row("POST " + route, sample, allowed, body, content);
    }

    static final String NO_TAG = "v0.0.0-perm";
    static final String NO_ID = "999999";

    static final List<Row> ROWS = List.of(
            // ---- JSON API: bearer tokens
            get("/api/signing-keys", ALL),
            post("/api/definitions", "/api/definitions", Set.of("product-owner", "platform-admin", "ci"), Body.YAML,
                    "milestones:\n  - id: perm-new\n    gateConditions: [allSprintsClosed]\n"),
            get("/api/definitions", ALL),
            get("/api/audit", ALL),
            get("/api/audit/export", "/api/audit/export?format=jsonl&milestone=perm", AUDIT),
            get("/api/audit/verify", AUDIT),
            post("/api/audit/verify", "/api/audit/verify", AUDIT, Body.NONE, null),
            get("/api/audit/checkpoints", ALL),
            get("/api/audit/checkpoints/latest", ALL),
            get("/api/milestones", ALL),
            get("/api/milestones/{id}", "/api/milestones/perm", ALL),
            get("/api/milestones/{id}/wait", "/api/milestones/no-such-milestone/wait?timeout=1", ALL),
            get("/api/milestones/{id}/validation-report.md", "/api/milestones/perm/validation-report.md", ALL),
            get("/api/milestones/{id}/promotion-trigger.yaml", "/api/milestones/perm/promotion-trigger.yaml", ALL),
            get("/api/milestones/{id}/artifacts", "/api/milestones/perm/artifacts", ALL),
            get("/api/milestones/{id}/intervention-events.json", "/api/milestones/perm/intervention-events.json", ALL),
            get("/api/milestones/{id}/milestone-sprint-map.json", "/api/milestones/perm/milestone-sprint-map.json", ALL),
            get("/api/milestones/{id}/milestone-gate-status.json", "/api/milestones/perm/milestone-gate-status.json", ALL),
            get("/api/milestones/{id}/milestone-summary.json", "/api/milestones/perm/milestone-summary.json", ALL),
            get("/api/milestones/{id}/retry-history.json", "/api/milestones/perm/retry-history.json", ALL),
            get("/api/milestones/{id}/status-report", "/api/milestones/perm/status-report", ALL),
            get("/api/status-report", ALL),
            post("/api/milestones/{id}/evaluate", "/api/milestones/perm/evaluate", Set.of("product-owner", "qa-lead", "platform-admin", "ci"),
                    Body.JSON, "{}"),
            post("/api/milestones/{id}/resume", "/api/milestones/perm/resume", Set.of("product-owner", "qa-lead", "platform-admin", "ci"),
                    Body.JSON, "{\"reason\":\"matrix\"}"),
            post("/api/milestones/{id}/escalate", "/api/milestones/perm/escalate", GOVERNORS, Body.JSON, "{\"reason\":\"matrix\"}"),
            post("/api/milestones/{id}/pause", "/api/milestones/perm-hold/pause", GOVERNORS, Body.JSON, "{\"reason\":\"matrix\"}"),
            post("/api/milestones/{id}/unpause", "/api/milestones/perm-hold/unpause", GOVERNORS, Body.JSON, "{\"reason\":\"matrix\"}"),
            post("/api/milestones/{id}/promotion/reject", "/api/milestones/perm-hold/promotion/reject", PROMOTION_DECIDERS, Body.JSON,
                    "{\"reason\":\"matrix\"}"),
            post("/api/milestones/{id}/promotion/lift", "/api/milestones/perm-hold/promotion/lift", PROMOTION_DECIDERS, Body.JSON,
                    "{\"reason\":\"matrix\"}"),
            post("/api/milestones/{id}/{kind}", "/api/milestones/perm-force/force-close", GOVERNORS, Body.JSON, "{\"reason\":\"matrix\"}"),
            get("/api/bypasses", ALL),
            post("/api/bypasses/{id}/approve", "/api/bypasses/" + NO_ID + "/approve", ACTING, Body.JSON, "{\"reason\":\"matrix\"}"),
            post("/api/bypasses/{id}/reject", "/api/bypasses/" + NO_ID + "/reject", ACTING, Body.JSON, "{\"reason\":\"matrix\"}"),
            get("/api/definition-changes", ALL),
            get("/api/definition-changes/{id}", "/api/definition-changes/" + NO_ID, ALL),
            post("/api/definition-changes/{id}/approve", "/api/definition-changes/" + NO_ID + "/approve", ACTING, Body.JSON,
                    "{\"reason\":\"matrix\"}"),
            post("/api/definition-changes/{id}/reject", "/api/definition-changes/" + NO_ID + "/reject", ACTING, Body.JSON,
                    "{\"reason\":\"matrix\"}"),
            get("/api/sprint-scopes", ALL),
            get("/api/sprint-scopes/{id}", "/api/sprint-scopes/" + NO_ID, ALL),
            post("/api/sprint-scopes/{id}/approve", "/api/sprint-scopes/" + NO_ID + "/approve", ACTING, Body.JSON, "{\"reason\":\"matrix\"}"),
            post("/api/sprint-scopes/{id}/reject", "/api/sprint-scopes/" + NO_ID + "/reject", ACTING, Body.JSON, "{\"reason\":\"matrix\"}"),
            post("/api/sprint-scopes/{id}/comments", "/api/sprint-scopes/" + NO_ID + "/comments", ACTING, Body.JSON, "{\"comment\":\"matrix\"}"),
            post("/api/milestones/{id}/decisions", "/api/milestones/perm/decisions", Set.of("compliance-officer"), Body.JSON,
                    "{\"gate\":\"manualApproval\",\"decision\":\"conditional\",\"reason\":\"fix the span template first\"}"),
            post("/api/milestones/{id}/overrides", "/api/milestones/perm/overrides", ACTING, Body.JSON,
                    "{\"gates\":[\"securityValidated\"],\"reason\":\"matrix\"}"),
            get("/api/webhooks", ADMIN),
            post("/api/webhooks", "/api/webhooks", ADMIN, Body.JSON, "{\"url\":\"http://127.0.0.1:9/matrix\"}"),
            new Row("DELETE /api/webhooks/{id}", "/api/webhooks/" + NO_ID, ADMIN, Body.NONE, null),
            get("/api/chat-channels", ADMIN),
            post("/api/chat-channels", "/api/chat-channels", ADMIN, Body.JSON,
                    "{\"name\":\"#matrix\",\"format\":\"slack\",\"url\":\"http://127.0.0.1:9/matrix\"}"),
            new Row("DELETE /api/chat-channels/{id}", "/api/chat-channels/" + NO_ID, ADMIN, Body.NONE, null),
            post("/api/releases", "/api/releases", Set.of("product-owner", "platform-admin", "ci"), Body.JSON,
                    "{\"milestone_id\":\"perm\",\"environment\":\"staging\"}"),
            get("/api/releases", ALL),
            get("/api/environments", ALL),
            post("/api/environments/{environment}/freeze-windows", "/api/environments/production/freeze-windows",
                    Set.of("product-owner", "platform-admin"), Body.JSON, "{}"),
            post("/api/environments/{environment}/freeze-windows/{id}/remove", "/api/environments/production/freeze-windows/" + NO_ID + "/remove",
                    Set.of("product-owner", "platform-admin"), Body.JSON, "{\"reason\":\"matrix\"}"),
            post("/api/environments/{environment}/changes/{id}/{decision}", "/api/environments/production/changes/" + NO_ID + "/approve", ACTING,
                    Body.JSON, "{\"reason\":\"matrix\"}"),
            get("/api/environments/{environment}/freeze-exceptions", "/api/environments/production/freeze-exceptions", ALL),
            post("/api/environments/{environment}/freeze-exceptions", "/api/environments/production/freeze-exceptions", ACTING, Body.JSON, "{}"),
            post("/api/environments/{environment}/freeze-exceptions/{id}/{decision}",
                    "/api/environments/production/freeze-exceptions/" + NO_ID + "/approve", ACTING, Body.JSON, "{\"reason\":\"matrix\"}"),
            get("/api/releases/history.csv", ALL),
            get("/api/releases/{tag}", "/api/releases/" + NO_TAG, ALL),
            get("/api/releases/{tag}/wait", "/api/releases/" + NO_TAG + "/wait?timeout=1", ALL),
            get("/api/releases/{tag}/notes.md", "/api/releases/" + NO_TAG + "/notes.md", ALL),
            get("/api/releases/{tag}/manifest", "/api/releases/" + NO_TAG + "/manifest", ALL),
            get("/api/releases/{tag}/promotion-trigger-confirmed.yaml", "/api/releases/" + NO_TAG + "/promotion-trigger-confirmed.yaml", ALL),
            post("/api/releases/{tag}/approvals", "/api/releases/" + NO_TAG + "/approvals", ACTING, Body.JSON,
                    "{\"decision\":\"approve\",\"reason\":\"matrix\"}"),
            post("/api/releases/{tag}/rollback", "/api/releases/" + NO_TAG + "/rollback", RELEASERS, Body.JSON, "{\"reason\":\"matrix\"}"),
            post("/api/releases/{tag}/retry", "/api/releases/" + NO_TAG + "/retry", RELEASERS, Body.JSON, "{}"),
            post("/api/releases/{tag}/schedule", "/api/releases/" + NO_TAG + "/schedule", RELEASERS, Body.JSON, "{\"at\":null}"),
            post("/api/releases/{tag}/promotions", "/api/releases/" + NO_TAG + "/promotions", Set.of("product-owner", "platform-admin", "ci"),
                    Body.JSON, "{\"environment\":\"qa\"}"),
            post("/api/releases/{tag}/hotfixes", "/api/releases/" + NO_TAG + "/hotfixes", RELEASERS, Body.JSON,
                    "{\"version_tag\":\"matrix-1\",\"commit\":\"abc1234\",\"justification\":\"the permission matrix asks for it\"}"),
            post("/api/releases/{tag}/hotfix-review", "/api/releases/" + NO_TAG + "/hotfix-review",
                    Set.of("product-owner", "qa-lead", "compliance-officer"), Body.JSON, "{\"notes\":\"matrix\"}"),
            get("/api/overrides", ALL),
            get("/api/overrides/{id}", "/api/overrides/" + NO_ID, ALL),
            post("/api/overrides/{id}/approve", "/api/overrides/" + NO_ID + "/approve", ACTING, Body.JSON, "{\"reason\":\"matrix\"}"),
            post("/api/overrides/{id}/reject", "/api/overrides/" + NO_ID + "/reject", ACTING, Body.JSON, "{\"reason\":\"matrix\"}"),
            post("/api/overrides/{id}/revoke", "/api/overrides/" + NO_ID + "/revoke", ACTING, Body.JSON, "{\"reason\":\"matrix\"}"),
            post("/api/events", "/api/events", Set.of("ci", "platform-admin"), Body.JSON,
                    "{\"event\":\"SprintStarted\",\"sprintId\":\"perm-sprint\",\"timestamp\":\"2025-01-01T00:00:00Z\"}"),
            post("/api/sprints/{sprintId}/trace-matrix", "/api/sprints/perm-sprint/trace-matrix", Set.of("ci", "platform-admin"), Body.JSON,
                    "{\"sprint_id\":\"perm-sprint\",\"features\":[]}"),
            post("/api/sprints/{sprintId}/qa-report", "/api/sprints/perm-sprint/qa-report", Set.of("ci", "platform-admin"), Body.MARKDOWN,
                    "- BookingFlow: 90%\n"),
            post("/api/executions", "/api/executions", Set.of("ci", "platform-admin"), Body.JSON,
                    "{\"traceId\":\"t\",\"sprintId\":\"perm-sprint\",\"featureId\":\"F\",\"agentId\":\"a\",\"status\":\"Success\"}"),
            post("/api/evidence/batch", "/api/evidence/batch", Set.of("ci", "platform-admin"), Body.NDJSON,
                    "{\"kind\":\"event\",\"body\":{\"event\":\"SprintStarted\",\"sprintId\":\"perm-sprint-2\",\"timestamp\":\"2025-01-01T00:00:00Z\"}}\n"),

            // ---- pages: browser sessions
            get("/", PEOPLE),
            get("/signed-out", Set.of(ANONYMOUS, "product-owner", "qa-lead", "domain-architect", "security-officer", "compliance-officer",
                    "platform-admin", "auditor", "ci")),
            get("/reauthenticate", "/reauthenticate?to=/approvals", PEOPLE),
            get("/import", PEOPLE),
            post("/import", "/import", RELEASERS, Body.MULTIPART, "milestones:\n  - id: perm-page\n    gateConditions: [allSprintsClosed]\n"),
            get("/audit", PEOPLE),
            get("/audit/entries", PEOPLE),
            get("/audit/events/{seq}", "/audit/events/1", PEOPLE),
            get("/audit/export", "/audit/export?format=csv", AUDIT),
            post("/audit/verify", "/audit/verify", AUDIT, Body.FORM, ""),
            get("/board", PEOPLE),
            get("/board/changes", PEOPLE),
            get("/board/lanes/{state}", "/board/lanes/planned", PEOPLE),
            get("/gates", PEOPLE),
            get("/milestones", PEOPLE),
            get("/milestones/{id}", "/milestones/perm", PEOPLE),
            get("/milestones/{id}/documents/{file}", "/milestones/perm/documents/validation-report.md", PEOPLE),
            get("/milestones/{id}/documents/{file}/download", "/milestones/perm/documents/validation-report.md/download", PEOPLE),
            get("/milestones/{id}/evidence/{evidenceId}", "/milestones/perm/evidence/{evidence}", PEOPLE),
            get("/milestones/{id}/{file}", "/milestones/perm/status-report.md", PEOPLE),
            get("/{file}", "/status-report", PEOPLE),
            get("/timeline", PEOPLE),
            post("/milestones/{id}/evaluate", "/milestones/perm/evaluate", EVALUATORS, Body.FORM, ""),
            post("/milestones/{id}/resume", "/milestones/perm/resume", EVALUATORS, Body.FORM, "reason=matrix"),
            post("/milestones/{id}/escalate", "/milestones/perm-page/escalate", GOVERNORS, Body.FORM, "reason=matrix"),
            post("/milestones/{id}/pause", "/milestones/perm-hold/pause", GOVERNORS, Body.FORM, "reason=matrix"),
            post("/milestones/{id}/unpause", "/milestones/perm-hold/unpause", GOVERNORS, Body.FORM, "reason=matrix"),
            post("/milestones/{id}/promotion/reject", "/milestones/perm-hold/promotion/reject", PROMOTION_DECIDERS, Body.FORM, "reason=matrix"),
            post("/milestones/{id}/promotion/lift", "/milestones/perm-hold/promotion/lift", PROMOTION_DECIDERS, Body.FORM, "reason=matrix"),
            post("/milestones/{id}/{kind}", "/milestones/perm-page/terminate", GOVERNORS, Body.FORM, "reason=matrix"),
            post("/milestones/{id}/bypasses/{item}/{decision}", "/milestones/perm/bypasses/" + NO_ID + "/approve", ACTING, Body.FORM,
                    "reason=matrix"),
            post("/milestones/{id}/definition-changes/{item}/{decision}", "/milestones/perm/definition-changes/" + NO_ID + "/approve",
                    ACTING, Body.FORM, "reason=matrix"),
            post("/sprints/{id}/scope/{scope}/{decision}", "/sprints/perm/scope/" + NO_ID + "/approve", ACTING, Body.FORM, "reason=matrix"),
            post("/sprints/{id}/scope/comments", "/sprints/perm/scope/comments", ACTING, Body.FORM, "comment=matrix"),
            post("/milestones/{id}/decisions", "/milestones/perm-page/decisions", Set.of("compliance-officer"), Body.FORM,
                    "gate=manualApproval&decision=conditional&reason=fix+the+span+template+first"),
            post("/milestones/{id}/criteria", "/milestones/perm/criteria", ACTING, Body.FORM, "criterion=Pen+test+filed&met=true"),
            post("/milestones/{id}/overrides", "/milestones/perm-page/overrides", ACTING, Body.FORM, "gates=securityValidated&reason=matrix"),
            post("/milestones/{id}/overrides/{item}/{decision}", "/milestones/perm/overrides/" + NO_ID + "/approve", ACTING, Body.FORM,
                    "reason=matrix"),
            post("/milestones/{id}/overrides/{item}/revoke", "/milestones/perm/overrides/" + NO_ID + "/revoke", ACTING, Body.FORM,
                    "reason=matrix"),
            get("/approvals", PEOPLE),
            get("/notifications", PEOPLE),
            get("/notifications/bell", PEOPLE),
            get("/notifications/{id}/open", "/notifications/" + NO_ID + "/open", PEOPLE),
            post("/notifications/{id}/read", "/notifications/" + NO_ID + "/read", PEOPLE, Body.FORM, ""),
            post("/notifications/read-all", "/notifications/read-all", PEOPLE, Body.FORM, ""),
            get("/notifications/preferences", PEOPLE),
            post("/notifications/preferences", "/notifications/preferences", PEOPLE, Body.FORM, "outcomes=email"),
            // The digest's unsubscribe link works without signing in: its signed token names the person.
            get("/unsubscribe/{token}", "/unsubscribe/bm9ib2R5.bm9wZQ", Set.of(ANONYMOUS, "product-owner", "qa-lead", "domain-architect",
                    "security-officer", "compliance-officer", "platform-admin", "auditor", "ci")),
            post("/unsubscribe/{token}", "/unsubscribe/bm9ib2R5.bm9wZQ", Set.of(ANONYMOUS, "product-owner", "qa-lead", "domain-architect",
                    "security-officer", "compliance-officer", "platform-admin", "auditor", "ci"), Body.FORM, ""),
            post("/approvals/{kind}/{id}/{decision}", "/approvals/bypasses/" + NO_ID + "/reject", ACTING, Body.FORM, "reason=matrix"),
            post("/approvals/milestones/{milestone}/gates/{gate}", "/approvals/milestones/perm-inbox/gates/manualApproval",
                    Set.of("compliance-officer"), Body.FORM, "decision=conditional&reason=fix+the+span+template+first"),
            get("/admin/webhooks", ADMIN),
            post("/admin/webhooks", "/admin/webhooks", ADMIN, Body.FORM, "url=http%3A%2F%2F127.0.0.1%3A9%2Fpage"),
            get("/admin/webhooks/{id}", "/admin/webhooks/" + NO_ID, ADMIN),
            get("/admin/webhooks/{id}/attempts", "/admin/webhooks/" + NO_ID + "/attempts", ADMIN),
            post("/admin/webhooks/{id}/{change}", "/admin/webhooks/" + NO_ID + "/disable", ADMIN, Body.FORM, ""),
            post("/admin/webhooks/{id}/rotate", "/admin/webhooks/" + NO_ID + "/rotate", ADMIN, Body.FORM, ""),
            post("/admin/webhooks/{id}/test", "/admin/webhooks/" + NO_ID + "/test", ADMIN, Body.FORM, ""),
            get("/admin/webhooks/{id}/delete", "/admin/webhooks/" + NO_ID + "/delete", ADMIN),
            post("/admin/webhooks/{id}/delete", "/admin/webhooks/" + NO_ID + "/delete", ADMIN, Body.FORM, ""),
            get("/admin/chat-channels", ADMIN),
            post("/admin/chat-channels", "/admin/chat-channels", ADMIN, Body.FORM,
                    "name=%23matrix&format=teams&url=http%3A%2F%2F127.0.0.1%3A9%2Fpage&scope=all&event_types=MilestoneBlocked"),
            get("/admin/chat-channels/{id}/delete", "/admin/chat-channels/" + NO_ID + "/delete", ADMIN),
            post("/admin/chat-channels/{id}/delete", "/admin/chat-channels/" + NO_ID + "/delete", ADMIN, Body.FORM, ""),
            post("/admin/webhooks/deliveries/{delivery}/redeliver", "/admin/webhooks/deliveries/" + NO_ID + "/redeliver", ADMIN, Body.FORM, ""),
            get("/releases", PEOPLE),
            get("/releases/more", PEOPLE),
            post("/releases", "/releases", RELEASERS, Body.FORM, "milestone_id=perm&environment=staging"),
            get("/releases/history", PEOPLE),
            get("/releases/history/more", PEOPLE),
            get("/releases/history/release-history.csv", PEOPLE),
            get("/releases/analytics", PEOPLE),
            get("/releases/environments", PEOPLE),
            get("/releases/environments/{environment}", "/releases/environments/production", PEOPLE),
            post("/releases/environments/freeze-windows", "/releases/environments/freeze-windows", Set.of("product-owner", "platform-admin"),
                    Body.FORM, "environment=qa"),
            post("/releases/environments/freeze-windows/{id}/remove", "/releases/environments/freeze-windows/" + NO_ID + "/remove",
                    Set.of("product-owner", "platform-admin"), Body.FORM, "environment=qa&reason=matrix"),
            post("/releases/environments/{environment}/changes/{id}/{decision}", "/releases/environments/production/changes/" + NO_ID + "/approve",
                    ACTING, Body.FORM, "reason=matrix"),
            post("/releases/environments/freeze-exceptions", "/releases/environments/freeze-exceptions", ACTING, Body.FORM,
                    "window=production:" + NO_ID + "&milestone_id=x&justification=matrix&expires_at=2099-01-01T00:00"),
            post("/releases/environments/freeze-exceptions/{id}/{decision}", "/releases/environments/freeze-exceptions/" + NO_ID + "/approve", ACTING,
                    Body.FORM, "reason=matrix"),
            get("/releases/{tag}", "/releases/" + NO_TAG, PEOPLE),
            get("/releases/{tag}/documents/{file}", "/releases/" + NO_TAG + "/documents/release-notes.md", PEOPLE),
            get("/releases/{tag}/documents/{file}/download", "/releases/" + NO_TAG + "/documents/release-notes.md/download", PEOPLE),
            post("/releases/{tag}/{decision}", "/releases/" + NO_TAG + "/approve", ACTING, Body.FORM, "reason=matrix"),
            post("/releases/{tag}/rollback", "/releases/" + NO_TAG + "/rollback", RELEASERS, Body.FORM, "reason=matrix"),
            post("/releases/{tag}/retry", "/releases/" + NO_TAG + "/retry", RELEASERS, Body.FORM, ""),
            post("/releases/{tag}/schedule", "/releases/" + NO_TAG + "/schedule", RELEASERS, Body.FORM, "at="),
            post("/releases/{tag}/promote", "/releases/" + NO_TAG + "/promote", RELEASERS, Body.FORM, "environment=qa"),
            post("/releases/{tag}/hotfix", "/releases/" + NO_TAG + "/hotfix", RELEASERS, Body.FORM,
                    "version_tag=matrix-1&commit=abc1234&justification=the+permission+matrix+asks+for+it"),
            post("/releases/{tag}/hotfix-review", "/releases/" + NO_TAG + "/hotfix-review", Set.of("product-owner", "qa-lead", "compliance-officer"),
                    Body.FORM, "notes=matrix"),
            get("/backlog", PEOPLE),
            get("/backlog/cards", PEOPLE),
            get("/backlog/deferrals", PEOPLE),
            get("/planning/resumptions", PEOPLE),
            get("/planning/resumptions/{id}", "/planning/resumptions/" + NO_ID, PEOPLE),
            get("/planning/resumptions/{id}/{file}", "/planning/resumptions/" + NO_ID + "/resumption-report.md", PEOPLE),
            get("/backlog/features/{id}/plan", "/backlog/features/" + NO_ID + "/plan", Set.of("product-owner")),
            post("/backlog/features/{id}/defer", "/backlog/features/" + NO_ID + "/defer", Set.of("product-owner"), Body.FORM, "reason=matrix"),
            post("/backlog/features/{id}/roll-forward", "/backlog/features/" + NO_ID + "/roll-forward", Set.of("product-owner"), Body.FORM,
                    "reason=matrix&sprint=perm-sprint"),
            get("/sprints", PEOPLE),
            get("/sprints/trace", "/sprints/trace?milestone=perm", PEOPLE),
            get("/sprints/{id}", "/sprints/perm-sprint", PEOPLE),
            get("/sprints/{id}/evidence/{evidenceId}", "/sprints/perm-sprint/evidence/" + NO_ID, PEOPLE),
            get("/sprints/{id}/evidence/{evidenceId}/download", "/sprints/perm-sprint/evidence/" + NO_ID + "/download", PEOPLE));

    static final Map<String, Row> BY_ROUTE = byRoute();

    private static Map<String, Row> byRoute() {
        Map<String, Row> rows = new TreeMap<>();
        for (Row r : ROWS) if (rows.put(r.route(), r) != null) throw new IllegalStateException("two rows for " + r.route());
        return rows;
    }

    // ------------------------------------------------------------------ the routes, from the compiled resources

    /** Every JAX-RS resource method of Studio as "METHOD /path", its path parameters written {name}. */
    static Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("studio")) {
            if (!resource.isAnnotatedWith(Path.class)) continue;
            Class<?> type = resource.reflect();
            String base = type.getAnnotation(Path.class).value();
            for (Method m : resourceMethods(type)) {
                String verb = httpMethod(m);
                if (verb == null) {
                    if (m.isAnnotationPresent(Path.class)) fail(type.getName() + "." + m.getName() + " is a sub-resource locator: give it a row of its own");
                    continue;
                }
                String path = m.isAnnotationPresent(Path.class) ? base + "/" + m.getAnnotation(Path.class).value() : base;
                routes.add(verb + " " + normalise(path));
            }
        }
        return routes;
    }

    /** The class's methods and those it inherits (the approve/reject routes every decision desk shares). */
    private static List<Method> resourceMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) methods.addAll(List.of(c.getDeclaredMethods()));
        return methods;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) return verb.value();
        }
        return null;
    }

    static String normalise(String path) {
        String p = ("/" + path).replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    @Test
    void everyRouteHasARowAndEveryRowIsARoute() {
        Set<String> routes = routes();
        assertTrue(routes.size() > 100, "found only " + routes.size() + " routes: is the scan looking at the right classes?");
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(BY_ROUTE.keySet());
        assertEquals(Set.of(), missing, "routes without a row in PermissionMatrixTest.ROWS: say which roles may use them");
        Set<String> stale = new TreeSet<>(BY_ROUTE.keySet());
        stale.removeAll(routes);
        assertEquals(Set.of(), stale, "rows for routes that no longer exist");
    }

    @Test
    void everySampleRequestIsOfItsRoute() {
        for (Row r : ROWS) {
            String template = r.route().substring(r.route().indexOf(' ') + 1);
            Pattern route = Pattern.compile(Pattern.quote(template).replaceAll("\\{[A-Za-z0-9_]+}", "\\\\E[^/]+\\\\Q").replace("\\Q\\E", ""));
            String sample = r.sample().split("\\?")[0];
            assertTrue(route.matcher(sample).matches(), r.sample() + " is not a path of " + r.route());
            if (!r.api() && !r.allowed().contains(ANONYMOUS)) {
                assertFalse(r.allowed().contains("ci"), r.route() + ": a CI service account has no browser session");
            }
        }
    }

    // ------------------------------------------------------------------ each route as each role and as nobody

    private static boolean prepared;
    private static final Map<String, String> PLACEHOLDERS = new HashMap<>();
    private static final Map<String, BrowserSession> SESSIONS = new HashMap<>();

    @BeforeEach
    void fixture() {
        if (prepared) return;
        prepared = true;
        TestDb.reset();
        StringBuilder yaml = new StringBuilder("milestones:\n");
        for (String id : List.of("perm", "perm-force", "perm-page", "perm-inbox", "perm-hold")) {
            yaml.append("  - id: ").append(id).append("""

                        gateConditions:
                          - securityValidated
                          - manualApproval: compliance-officer
                        governedBy: security-officer
                        approvalRoles: [qa-lead]
                        acceptanceCriteria:
                          - "[ ] Pen test filed"
                    """);
        }
        Api.importDefinitions(yaml.toString()).then().statusCode(200);
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"perm\",\"gate\":\"securityValidated\",\"status\":\"fail\",\"detail\":\"matrix\"}")
                .then().statusCode(201);
        PLACEHOLDERS.put("{evidence}", TestDb.text("select max(id) from evidence where milestone_id = 'perm'"));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        Set<String> routes = routes();
        for (String route : routes) {
            for (String who : identities()) cases.add(Arguments.of(route, who));
        }
        return cases.stream();
    }

    static List<String> identities() {
        List<String> all = new ArrayList<>(ROLES);
        all.add(ANONYMOUS);
        return all;
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void onlyTheListedRolesGetPastAuthorization(String route, String who) {
        Row row = BY_ROUTE.get(route);
        if (row == null) fail("no row for " + route + " in PermissionMatrixTest.ROWS: say which roles may use it");
        boolean allowed = row.allowed().contains(who);
        String before = state();
        Response response = send(row, who);
        int status = response.statusCode();
        String location = response.header("Location");
        boolean refused = status == 401 || status == 403
                || status == 302 && location != null && location.startsWith(Keycloak.realmUrl() + "/protocol/openid-connect/auth");
        if (allowed) {
            assertFalse(refused, route + " must be allowed for " + who + ", was " + status + " " + response.asString());
        } else {
            assertTrue(refused, route + " must be refused for " + who + ", was " + status);
            boolean signedOut = ANONYMOUS.equals(who) || !row.api() && "ci".equals(who);
            if (!signedOut) assertEquals(403, status, route + ": " + who + " is signed in, so the refusal is 403");
            else if (row.api()) assertEquals(401, status, route + ": no token is 401");
            else assertEquals(302, status, "a page sends " + who + " to sign in");
            assertEquals(before, state(), route + " refused for " + who + " but something was stored");
        }
    }

    private static Response send(Row row, String who) {
        String path = row.sample();
        for (var p : PLACEHOLDERS.entrySet()) path = path.replace(p.getKey(), p.getValue());
        RequestSpecification request = request(row, who);
        if (!"GET".equals(row.method()) && row.allowed().contains(ANONYMOUS) && (ANONYMOUS.equals(who) || "ci".equals(who))) {
            // A public form (the digest's unsubscribe page) is posted as a browser does: with the CSRF token its page set.
            String token = io.restassured.RestAssured.given().get(path).cookie("studio-csrf");
            request.cookie("studio-csrf", token).header("X-CSRF-TOKEN", token);
        }
        switch (row.body()) {
            case JSON -> request.contentType("application/json").body(row.content());
            case YAML -> request.contentType("application/yaml").body(bytes(row.content()));
            case MARKDOWN -> request.contentType("text/markdown").body(bytes(row.content()));
            case NDJSON -> request.contentType("application/x-ndjson").body(bytes(row.content()));
            case FORM -> request.contentType("application/x-www-form-urlencoded").body(row.content());
            case MULTIPART -> request.multiPart("action", "check").multiPart("document", row.content());
            case NONE -> { }
        }
        return request.request(row.method(), path);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The request as {@code who} really sends it to this kind of route. */
    private static RequestSpecification request(Row row, String who) {
        if (ANONYMOUS.equals(who)) return io.restassured.RestAssured.given().redirects().follow(false);
        if (row.api() || "ci".equals(who)) {
            return Api.as(who).redirects().follow(false);
        }
        BrowserSession browser = row.consumesSession() ? BrowserSession.signIn(who) : SESSIONS.computeIfAbsent(who, BrowserSession::signIn);
        RequestSpecification r = browser.request();
        return "GET".equals(row.method()) ? r : r.header("X-CSRF-TOKEN", browser.csrf());
    }

    /** What a refused request must leave as it was (the audit trail records refusals, so it is not compared). */
    private static String state() {
        return TestDb.text("""
                select (select count(*) from evidence) || '/' || (select count(*) from override_request) || '/'
                    || (select count(*) from gate_decision) || '/' || (select count(*) from criterion_mark) || '/'
                    || (select count(*) from release) || '/' || (select count(*) from release_approval) || '/'
                    || (select count(*) from sprint) || '/'
                    || (select coalesce(string_agg(id || ':' || active, ',' order by id), '') from webhook) || '/'
                    || (select coalesce(string_agg(id || ':' || state || ':' || version, ',' order by id), '') from milestone)""");
    }
}
