package studio.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.release.Releasing.decide;
import static studio.release.Releasing.defined;
import static studio.release.Releasing.release;
import static studio.release.Releasing.report;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * The trigger contract: POST /api/releases takes promotion-trigger.yaml itself, in YAML or JSON and every shape the spec
 * shows; each field acts (trace_id must be the milestone's, manualApprovalRequired with signedBy and approvalRoles adds
 * approvers, rollbackEnabled and customDeployStrategy set the release's policy and are signed with it) or is refused
 * with its line and name, and a refused trigger stores nothing.
 */
@QuarkusTest
class PromotionTriggerTest {

    static final String TRIGGER = """
            milestone_id: m1
            version_tag: mvp-v1
            trace_id: trace-xyz-789
            environment: staging
            promotion_targets:
            - deploy-to-staging
            - tag-git: mvp-v1
            - notify: teams, email
            manualApprovalRequired: true
            signedBy: product-owner
            rollbackEnabled: true
            customDeployStrategy: canary
            releaseDocumentationStyle: markdown
            """;

    @BeforeEach
    void reached() {
        TestDb.reset();
        Releasing.anyEnvironmentFirst();
        defined("m1", "versionTag: mvp-v1");
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"m1\",\"gate\":\"securityValidated\",\"status\":\"pass\",\"traceId\":\"trace-xyz-789\"}")
                .then().statusCode(201);
        Api.as("product-owner").post("/api/milestones/m1/evaluate").then().statusCode(200).body("status", equalTo("reached"));
    }

    static Response trigger(String who, String yaml) {
        return Api.as(who).contentType("application/yaml").body(yaml).post("/api/releases");
    }

    @Test
    void theSpecsTriggerActsFieldByField() {
        trigger("ci", TRIGGER).then().statusCode(201)
                .body("version_tag", equalTo("mvp-v1")).body("trigger", equalTo("ci"))
                .body("status", equalTo("paused_for_approval")) // staging needs nobody; the trigger's signer must approve
                .body("deploy_strategy", equalTo("canary")).body("rollback_enabled", equalTo(true)).body("signed_by", equalTo("product-owner"))
                .body("documentation_style", equalTo("markdown"))
                .body("approval_status.policy", equalTo("staging releases need approval by a product-owner"));
        Api.as("auditor").get("/api/releases/mvp-v1/promotion-trigger-confirmed.yaml").then().statusCode(409); // not handed to CI yet

        decide("product-owner", "mvp-v1", "approve", "canary first").then().statusCode(200);
        release("mvp-v1").then().body("status", equalTo("deploying"));
        Api.as("auditor").get("/api/releases/mvp-v1/promotion-trigger-confirmed.yaml").then().statusCode(200)
                .body(containsString("- notify: \"teams, email\"")).body(containsString("- tag-git: mvp-v1"))
                .body(containsString("manualApprovalRequired: true"));
        // rollbackEnabled: true rolls back at once, although the installation's setting is false
        report("ReleaseFailed", "mvp-v1", ",\"environment\":\"staging\",\"detail\":\"canary errors\"").then().statusCode(201);
        release("mvp-v1").then().body("status", equalTo("rolled_back"));
        assertEquals(1, TestDb.count("""
                select count(*) from audit_event where type = 'ReleaseRequested' and subject_id = 'mvp-v1'
                and payload like '%"deploy_strategy":"canary"%' and payload like '%"signed_by":"product-owner"%'"""));
    }

    @Test
    void theDeployStrategyAndRollbackAreInTheSignedStatementSoApprovalsCoverThem() {
        trigger("ci", TRIGGER.replace("manualApprovalRequired: true", "manualApprovalRequired: false").replace("signedBy: product-owner\n", ""))
                .then().statusCode(201).body("status", equalTo("deploying"));
        // a canary completes once its validation passed
        Api.event("{\"event\":\"GateSignal\",\"versionTag\":\"mvp-v1\",\"gate\":\"canaryValidationPassed\",\"status\":\"pass\"}")
                .then().statusCode(201);
        report("ReleaseCompleted", "mvp-v1", ",\"environment\":\"staging\"").then().statusCode(201);
        String payload = Api.as("auditor").get("/api/releases/mvp-v1/manifest").then().statusCode(200).extract().path("payload");
        String statement = new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8);
        assertTrue(statement.contains("\"settings\":{\"deploy_strategy\":\"canary\",\"documentation_style\":\"markdown\",\"rollback_enabled\":true}"),
                statement);
    }

    @Test
    void theReleaseCoordinatorsExampleIsTakenAsWrittenAndItsSignerMustApprove() {
        // release-coordinator.md, "Example: promotion-trigger.yaml", with the environment it leaves to the default
        trigger("ci", """
                milestone_id: m1
                version_tag: mvp-v1
                trace_id: trace-xyz-789
                environment: staging
                promotion_targets:
                - deploy-to-staging
                - tag-git: mvp-v1
                - notify: teams, email
                manualApprovalRequired: false
                signedBy: product-owner
                """).then().statusCode(201).body("status", equalTo("paused_for_approval")).body("signed_by", equalTo("product-owner"));
        decide("ci", "mvp-v1", "approve", "me").then().statusCode(403);
        decide("product-owner", "mvp-v1", "approve", "signed").then().statusCode(200);
        release("mvp-v1").then().body("status", equalTo("deploying"));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void theReleasePageShowsWhatTheTriggerSet() {
        trigger("ci", TRIGGER).then().statusCode(201);
        given().get("/releases/mvp-v1").then().statusCode(200)
                .body(containsString("<dt>Deploy strategy</dt><dd class=\"deploy-strategy\">canary"))
                .body(containsString("rolled back at once (the trigger's rollbackEnabled)"))
                .body(containsString("a product-owner must approve (the trigger's signedBy)"));
    }

    @Test
    void maxRetriesHandsAFailureToCiAgainBeforeRollbackEnabledRollsItBack() {
        trigger("ci", TRIGGER.replace("manualApprovalRequired: true", "maxRetries: 1").replace("signedBy: product-owner\n", ""))
                .then().statusCode(201).body("status", equalTo("deploying")).body("max_retries", equalTo(1));
        studio.testing.Scrape before = studio.testing.Scrape.now();
        report("ReleaseFailed", "mvp-v1", ",\"detail\":\"registry timeout\"").then().statusCode(201);
        release("mvp-v1").then().body("status", equalTo("deploying")).body("retry_count", equalTo(1));
        assertEquals(1.0, studio.testing.Scrape.now().value("release_retry_count_total") - before.value("release_retry_count_total"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'ReleaseRetried' and actor = 'studio' and payload like '%\"attempt\":1%'"));
        report("ReleaseFailed", "mvp-v1", ",\"detail\":\"registry timeout again\"").then().statusCode(201);
        release("mvp-v1").then().body("status", equalTo("rolled_back")).body("retry_count", equalTo(1));
        trigger("ci", TRIGGER.replace("mvp-v1", "mvp-v2").replace("rollbackEnabled: true", "maxRetries: 11")).then().statusCode(400)
                .body("errors[0].path", equalTo("$.maxRetries"));
    }

    @Test
    void aTraceOtherThanTheMilestonesIsRefusedAndNothingIsStored() {
        trigger("ci", TRIGGER.replace("trace-xyz-789", "trace-other")).then().statusCode(409)
                .body("errors[0].message", equalTo("the trigger's trace_id trace-other is not milestone m1's trace (trace-xyz-789): "
                        + "a trigger promotes the validation it names"));
        assertEquals(0, TestDb.count("select count(*) from release"));
    }

    @Test
    void signedByAndApprovalRolesAddApproversToAnEnvironmentThatAlreadyNeedsSome() {
        String production = TRIGGER.replace("environment: staging", "environment: production").replace("deploy-to-staging", "deploy-to-production")
                .replace("signedBy: product-owner", "signedBy: security-officer\napprovalRoles: [product-owner]");
        trigger("ci", production).then().statusCode(201).body("status", equalTo("paused_for_approval"))
                .body("approval_status.policy", equalTo("production releases need approval by a product-owner and a compliance-officer "
                        + "and a security-officer (different people)"));
        decide("product-owner", "mvp-v1", "approve", "scope ok").then().statusCode(200);
        decide("compliance-officer", "mvp-v1", "approve", "controls ok").then().statusCode(200);
        release("mvp-v1").then().body("status", equalTo("paused_for_approval")); // the signer has not signed
        decide("security-officer", "mvp-v1", "approve", "signed").then().statusCode(200);
        release("mvp-v1").then().body("status", equalTo("deploying"));
    }

    @Test
    void everyFieldStudioDoesNotActOnIsRefusedWithItsLineAndNothingIsStored() {
        String bad = """
                milestone_id: m1
                environment: staging
                approved_by: qa-lead
                manualApprovalRequired: true
                releaseDocumentationStyle: pdf
                customDeployStrategy: yolo
                rollbakEnabled: true
                """;
        trigger("ci", bad).then().statusCode(400)
                .body("errors.size()", equalTo(5))
                .body("errors.find { it.path == '$.approved_by' }.line", equalTo(3))
                .body("errors.find { it.path == '$.approved_by' }.message", containsString("an approval is a person's decision taken in Studio"))
                .body("errors.find { it.path == '$.manualApprovalRequired' }.message", containsString("'signedBy' is required"))
                .body("errors.find { it.path == '$.releaseDocumentationStyle' }.message", containsString("not pdf"))
                .body("errors.find { it.path == '$.customDeployStrategy' }.message", containsString("canary, blue-green, batch"))
                .body("errors.find { it.path == '$.rollbakEnabled' }.message", containsString("did you mean 'rollbackEnabled'"));
        Api.as("ci").contentType("application/json").body("{\"milestone_id\":\"m1\",\"environment\":\"staging\",\n\"signedBy\":\"release-bot\"}")
                .post("/api/releases").then().statusCode(400)
                .body("errors[0].line", equalTo(2)).body("errors[0].message", containsString("unknown role 'release-bot'"));
        assertEquals(0, TestDb.count("select count(*) from release"));
        assertEquals(0, TestDb.count("select count(*) from audit_event where type like 'Release%'"));
    }

    @Test
    void notifyChannelsThatNameNoChatChannelAreRefusedEachWithItsLine() {
        trigger("ci", """
                milestone_id: m1
                environment: staging
                notifyChannels:
                  - slack
                  - "#releases"
                  - email
                """).then().statusCode(400)
                .body("errors.size()", equalTo(3))
                .body("errors.line", equalTo(java.util.List.of(4, 5, 6)))
                .body("errors[0].message", equalTo("notifyChannels: no slack channel is added yet (Admin > Chat channels)"))
                .body("errors[1].message", equalTo("notifyChannels: no chat channel is named '#releases' (none is added yet)"))
                .body("errors[2].message", containsString("'email' is not a channel a trigger routes"));
        assertEquals(0, TestDb.count("select count(*) from release"));
    }
}
