package studio.release;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.release.Releasing.create;
import static studio.release.Releasing.reached;
import static studio.release.Releasing.release;
import static studio.release.Releasing.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * customDeployStrategy: canary waits for its canaryValidationPassed gate (docs/API.md "Canary deployments"): CI's
 * ReleaseCompleted is refused until a GateSignal naming the version passed for the deployment's latest hand-over to
 * CI; a failing one fails the deployment (and rolls it back when rollbackEnabled). Wrong signals change nothing.
 */
@QuarkusTest
class CanaryTest {

    @BeforeEach
    void canary() {
        TestDb.reset();
        reached("m1", "versionTag: v1.0.0");
    }

    static Response signal(String tag, String status, String extra) {
        return Api.event("{\"event\":\"GateSignal\",\"versionTag\":\"" + tag + "\",\"gate\":\"canaryValidationPassed\",\"status\":\"" + status
                + "\",\"detail\":\"5% of traffic for 30 min: error rate 0.2%\"" + extra + "}");
    }

    static long evidence() {
        return TestDb.count("select count(*) from evidence");
    }

    @Test
    void aCanaryCompletesOnlyAfterItsValidationPassed() {
        create("ci", "{\"milestone_id\":\"m1\",\"environment\":\"staging\",\"customDeployStrategy\":\"canary\"}").then().statusCode(201)
                .body("status", equalTo("deploying")).body("canary.waits_for", equalTo("canaryValidationPassed"))
                .body("canary.validated", equalTo(false));
        long before = evidence();
        report("ReleaseCompleted", "v1.0.0", "").then().statusCode(409).body("errors[0].message", equalTo(
                "release v1.0.0: CI's ReleaseCompleted comes after canaryValidationPassed: the deployment is a canary, and completes once CI reported a GateSignal "
                        + "canaryValidationPassed passing for it"));
        assertEquals(before, evidence(), "a refused report stores nothing");
        release("v1.0.0").then().body("status", equalTo("deploying"));

        signal("v1.0.0", "pass", "").then().statusCode(201);
        release("v1.0.0").then().body("status", equalTo("deploying")).body("canary.validated", equalTo(true))
                .body("canary.detail", equalTo("5% of traffic for 30 min: error rate 0.2%"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'CanaryValidationPassed' and subject_id = 'v1.0.0'"));
        report("ReleaseCompleted", "v1.0.0", "").then().statusCode(201);
        release("v1.0.0").then().body("status", equalTo("completed"));
        Api.milestone("m1").then().body("status", equalTo("closed"));
    }

    @Test
    void aFailedValidationFailsTheDeploymentAndARetryMustBeValidatedAgain() {
        create("ci", "{\"milestone_id\":\"m1\",\"environment\":\"staging\",\"customDeployStrategy\":\"canary\"}").then().statusCode(201);
        signal("v1.0.0", "pass", "").then().statusCode(201);
        signal("v1.0.0", "fail", "").then().statusCode(201);
        release("v1.0.0").then().body("status", equalTo("failed"))
                .body("reason", containsString("canaryValidationPassed failed: 5% of traffic for 30 min"));
        report("ReleaseCompleted", "v1.0.0", "").then().statusCode(409);

        Api.as("product-owner").post("/api/releases/v1.0.0/retry").then().statusCode(200).body("status", equalTo("deploying"))
                .body("canary.validated", equalTo(false));
        report("ReleaseCompleted", "v1.0.0", "").then().statusCode(409).body("errors[0].message", containsString("comes after canaryValidationPassed"));
        // the first pass again is a replay (same event): it does not validate the new attempt
        signal("v1.0.0", "pass", "").then().statusCode(201);
        report("ReleaseCompleted", "v1.0.0", "").then().statusCode(409);
        signal("v1.0.0", "pass", ",\"eventId\":\"canary-after-retry\"").then().statusCode(201);
        report("ReleaseCompleted", "v1.0.0", "").then().statusCode(201);
        release("v1.0.0").then().body("status", equalTo("completed"));
    }

    @Test
    void withRollbackEnabledAFailedCanaryIsRolledBack() {
        create("ci", "{\"milestone_id\":\"m1\",\"environment\":\"staging\",\"customDeployStrategy\":\"canary\",\"rollbackEnabled\":true}")
                .then().statusCode(201);
        signal("v1.0.0", "fail", "").then().statusCode(201);
        release("v1.0.0").then().body("status", equalTo("rolled_back"));
    }

    @Test
    void wrongSignalsAreRefusedAndChangeNothing() {
        create("ci", "{\"milestone_id\":\"m1\",\"environment\":\"staging\"}").then().statusCode(201);
        long before = evidence();
        signal("v1.0.0", "pass", "").then().statusCode(409)
                .body("errors[0].message", equalTo("release v1.0.0 in staging does not deploy by canary (customDeployStrategy: none); "
                        + "canaryValidationPassed is a canary's gate"));
        signal("v1.0.0", "pass", ",\"milestoneId\":\"m1\"").then().statusCode(400)
                .body("errors[0].message", containsString("names a milestone (for its gates) or a versionTag"));
        signal("v1.0.0", "pass", ",\"value\":3").then().statusCode(400).body("errors[0].message", containsString("takes no value"));
        Api.event("{\"event\":\"GateSignal\",\"versionTag\":\"v1.0.0\",\"gate\":\"securityValidated\",\"status\":\"pass\"}").then().statusCode(400)
                .body("errors[0].message", containsString("whose one gate is canaryValidationPassed, found 'securityValidated'"));
        Api.event("{\"event\":\"GateSignal\",\"versionTag\":\"v1.0.0\",\"gate\":\"canaryValidationPassed\"}").then().statusCode(400)
                .body("errors[0].message", containsString("'status' (pass or fail) is required"));
        signal("v9.9.9", "pass", "").then().statusCode(404);
        assertEquals(before, evidence(), "refused signals store nothing");
        release("v1.0.0").then().body("status", equalTo("deploying")).body("canary", nullValue());
        report("ReleaseCompleted", "v1.0.0", "").then().statusCode(201);
    }
}
