package studio.release;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.release.Releasing.decide;
import static studio.release.Releasing.promote;
import static studio.release.Releasing.reached;
import static studio.release.Releasing.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * Environments as definitions: an environments: document sets an environment's approvers and whether a version must
 * complete there first. A platform admin's tightening is in force at once and binds the next release; a loosening
 * waits for a second person (a platform admin or compliance officer, never its author, never CI); only a platform admin
 * defines environments; a wrong document is refused with its line and changes nothing.
 */
@QuarkusTest
class EnvironmentDefinitionsTest {

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    static Response define(String who, String yaml) {
        return Api.as(who).contentType("application/yaml").body(yaml).post("/api/definitions");
    }

    static Response decideChange(String who, String environment, long id, String decision, String reason) {
        return Api.as(who).contentType("application/json").body("{\"reason\":\"" + reason + "\"}")
                .post("/api/environments/" + environment + "/changes/" + id + "/" + decision);
    }

    @Test
    void aTighteningIsInForceAtOnceAndBindsTheNextRelease() {
        define("platform-admin", """
                environments:
                  - name: qa
                    order: 2
                    approvals: {qa-lead: 1, security-officer: 1}
                    freezeWindows:
                      - name: pen-test
                        from: "2030-01-05T00:00:00Z"
                        until: "2030-01-06T23:00:00Z"
                        reason: the yearly pen test
                """).then().statusCode(200)
                .body("environments[0].environment", equalTo("qa")).body("environments[0].status", equalTo("defined"))
                .body("environments[0].windowsAdded", equalTo(List.of("pen-test")));
        Api.as("auditor").get("/api/environments").then().statusCode(200)
                .body("environments[1].policy", containsString("security-officer"))
                .body("environments[1].defined.by", equalTo("platform-admin"))
                .body("environments[1].freeze_windows.name", hasItem("pen-test"));
        reached("m1", "versionTag: v1.0.0");
        Releasing.completedThrough("m1", "v1.0.0", "staging");
        Releasing.promoteVersion("product-owner", "v1.0.0", "qa").then().statusCode(201).body("status", equalTo("paused_for_approval"))
                .body("approval_status.policy", containsString("security-officer"));
        decide("qa-lead", "v1.0.0", "approve", "suite green").then().statusCode(200).body("status", equalTo("paused_for_approval"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'EnvironmentDefined'"));
    }

    @Test
    void aLooseningWaitsForASecondPersonAndNeverForItsAuthorOrCi() {
        long id = define("platform-admin", """
                environments:
                  - name: production
                    approvals: {product-owner: 1}
                """).then().statusCode(200).body("environments[0].status", equalTo("held"))
                .body("environments[0].weakenings", equalTo(List.of("production no longer needs 1 approval by compliance-officer")))
                .extract().<Integer>path("environments[0].changeId");
        Api.as("auditor").get("/api/environments").then()
                .body("environments[2].policy", containsString("compliance-officer"))
                .body("environments[2].defined", nullValue())
                .body("environments[2].pending_change.id", equalTo((int) id));
        reached("m1", "versionTag: v1.0.0");
        Releasing.completedThrough("m1", "v1.0.0", "qa");
        Releasing.promoteVersion("product-owner", "v1.0.0", "production").then().statusCode(201)
                .body("approval_status.policy", containsString("compliance-officer"));

        decideChange("platform-admin", "production", id, "approve", "mine").then().statusCode(403)
                .body("errors[0].message", containsString("another person must decide it"));
        decideChange("ci", "production", id, "approve", "ok").then().statusCode(403);
        decideChange("product-owner", "production", id, "approve", "ok").then().statusCode(403)
                .body("errors[0].message", containsString("needs one of the roles platform-admin, compliance-officer"));
        decideChange("compliance-officer", "production", id, "approve", " ").then().statusCode(400);
        decideChange("compliance-officer", "production", id, "approve", "compliance signs off at the CAB instead").then().statusCode(200)
                .body("status", equalTo("approved")).body("decided_by", equalTo("compliance-officer"));
        decideChange("compliance-officer", "production", id, "reject", "again").then().statusCode(409);

        Api.as("auditor").get("/api/environments").then().body("environments[2].policy", equalTo("production releases need approval by a product-owner"))
                .body("environments[2].pending_change", nullValue());
        Api.as("auditor").get("/api/releases/v1.0.0").then().body("approval_status.policy", containsString("compliance-officer")); // bound when requested
        assertEquals("platform-admin", TestDb.text("select payload::jsonb->>'proposed_by' from audit_event where type = 'EnvironmentRedefined'"));
    }

    @Test
    void makingQaOptionalIsALooseningAndOnceApprovedAVersionGoesFromStagingToProduction() {
        long id = define("platform-admin", "environments:\n  - name: qa\n    required: false\n").then().statusCode(200)
                .body("environments[0].weakenings", equalTo(List.of("qa may be skipped on the way to later environments")))
                .extract().<Integer>path("environments[0].changeId");
        reached("m1", "versionTag: v1.0.0");
        promote("ci", "m1", "staging").then().statusCode(201);
        report("ReleaseCompleted", "v1.0.0", ",\"environment\":\"staging\"").then().statusCode(201);
        Api.as("product-owner").contentType("application/json").body("{\"environment\":\"production\"}").post("/api/releases/v1.0.0/promotions")
                .then().statusCode(409).body("errors[0].message", containsString("needs it completed in qa first"));
        decideChange("compliance-officer", "production", id, "approve", "x").then().statusCode(404); // the change is qa's
        decideChange("compliance-officer", "qa", id, "approve", "qa runs in the pipeline now").then().statusCode(200);
        Api.as("product-owner").contentType("application/json").body("{\"environment\":\"production\"}").post("/api/releases/v1.0.0/promotions")
                .then().statusCode(201).body("deployments.environment", equalTo(List.of("staging", "production")));
    }

    @Test
    void onlyAPlatformAdminDefinesEnvironmentsAndAWrongDocumentChangesNothing() {
        define("product-owner", "milestones:\n  - id: m9\n    gateConditions: [securityValidated]\nenvironments:\n  - name: production\n    approvals: []\n")
                .then().statusCode(403).body("errors[0].message", containsString("needs the role platform-admin"));
        define("ci", "environments:\n  - name: production\n    approvals: []\n").then().statusCode(403);
        assertEquals(0, TestDb.count("select count(*) from milestone where id = 'm9'"), "nothing of a refused import is stored");
        define("platform-admin", """
                environments:
                  - name: perf
                  - name: qa
                    order: 1
                  - name: production
                    approvals: {auditor: 1}
                    approvalTtl: soon
                    freezeWindow: []
                """).then().statusCode(400)
                .body("errors.line", equalTo(List.of(2, 4, 6, 7, 8)))
                .body("errors[0].message", containsString("unknown environment 'perf'"))
                .body("errors[1].message", containsString("order 1 for qa is refused"))
                .body("errors[2].message", containsString("cannot be 'auditor'"))
                .body("errors[3].message", containsString("approvalTtl"))
                .body("errors[4].message", containsString("freezeWindow"));
        assertEquals(0, TestDb.count("select count(*) from environment_definition") + TestDb.count("select count(*) from environment_change"));
    }
}
