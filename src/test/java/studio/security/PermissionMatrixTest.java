package studio.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * API.md's permission table, tried with every role's real token on every mutating endpoint: the roles the table
 * does not list get 403 and nothing is stored; the listed ones get past authorization.
 */
@QuarkusTest
class PermissionMatrixTest {

    static final List<String> ROLES = List.of("product-owner", "qa-lead", "domain-architect", "security-officer",
            "compliance-officer", "platform-admin", "auditor", "ci");

    record Endpoint(String name, String path, String contentType, String body, Set<String> allowed) {}

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("import definitions", "/api/definitions", "application/yaml",
                    "milestones:\n  - id: perm-new\n    gateConditions: [allSprintsClosed]\n",
                    Set.of("product-owner", "platform-admin", "ci")),
            new Endpoint("post an event", "/api/events", "application/json",
                    "{\"event\":\"SprintStarted\",\"sprintId\":\"perm-sprint\",\"timestamp\":\"2025-01-01T00:00:00Z\"}",
                    Set.of("ci", "platform-admin")),
            new Endpoint("post a trace matrix", "/api/sprints/perm-sprint/trace-matrix", "application/json",
                    "{\"sprint_id\":\"perm-sprint\",\"features\":[]}", Set.of("ci", "platform-admin")),
            new Endpoint("post a QA report", "/api/sprints/perm-sprint/qa-report", "text/markdown",
                    "- BookingFlow: 90%\n", Set.of("ci", "platform-admin")),
            new Endpoint("post execution metadata", "/api/executions", "application/json",
                    "{\"traceId\":\"t\",\"sprintId\":\"perm-sprint\",\"featureId\":\"F\",\"agentId\":\"a\",\"status\":\"Success\"}",
                    Set.of("ci", "platform-admin")),
            new Endpoint("evaluate now", "/api/milestones/perm/evaluate", "application/json", "{}",
                    Set.of("product-owner", "qa-lead", "platform-admin", "ci")),
            new Endpoint("request an override", "/api/milestones/perm/overrides", "application/json",
                    "{\"gates\":[\"securityValidated\"],\"reason\":\"matrix\"}",
                    Set.of("product-owner", "qa-lead", "domain-architect", "security-officer", "compliance-officer", "platform-admin")),
            new Endpoint("escalate", "/api/milestones/perm/escalate", "application/json", "{\"reason\":\"matrix\"}",
                    Set.of("security-officer", "platform-admin")),
            new Endpoint("terminate", "/api/milestones/perm/terminate", "application/json", "{\"reason\":\"matrix\"}",
                    Set.of("security-officer", "platform-admin")),
            new Endpoint("decide the manual gate", "/api/milestones/perm/decisions", "application/json",
                    "{\"gate\":\"manualApproval\",\"decision\":\"conditional\",\"reason\":\"fix the span template first\"}",
                    Set.of("compliance-officer")));

    private static boolean prepared;

    @BeforeEach
    void milestone() {
        if (prepared) return;
        prepared = true;
        TestDb.reset();
        Api.importDefinitions("""
                milestones:
                  - id: perm
                    gateConditions:
                      - securityValidated
                      - manualApproval: compliance-officer
                    governedBy: security-officer
                    approvalRoles: [qa-lead]
                """).then().statusCode(200);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) for (String role : ROLES) cases.add(Arguments.of(e.name(), role, e));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void onlyTheListedRolesGetPastAuthorization(String name, String role, Endpoint e) {
        long evidence = TestDb.count("select count(*) from evidence");
        long milestones = TestDb.count("select count(*) from milestone");
        int status = Api.as(role).contentType(e.contentType()).body(e.body()).post(e.path()).statusCode();
        if (e.allowed().contains(role)) {
            assertNotEquals(403, status, name + " must be allowed for " + role);
            assertNotEquals(401, status);
        } else {
            assertEquals(403, status, name + " must be refused for " + role);
            assertEquals(evidence, TestDb.count("select count(*) from evidence"));
            assertEquals(milestones, TestDb.count("select count(*) from milestone"));
        }
    }
}
