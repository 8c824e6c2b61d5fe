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
                .body("status", equalTo("deploying")).body("signals.awaits", equalTo(java.util.List.of("canaryValidationPassed")))
                .body("signals.waiting_for", equalTo(java.util.List.of("canaryValidationPassed")));
        long before = evidence();
        report("ReleaseCompleted", "v1.0.0", "").then().statusCode(409).body("errors[0].message", equalTo(
                "release v1.0.0: CI's ReleaseCompleted comes after canaryValidationPassed: the deployment completes once CI reported a GateSignal "
                        + "passing for each signal it waits for"));
        assertEquals(before, evidence(), "a refused report stores nothing");
        release("v1.0.0").then().body("status", equalTo("deploying"));

        signal("v1.0.0", "pass", "").then().statusCode(201);
        release("v1.0.0").then().body("status", equalTo("deploying")).body("signals.waiting_for", equalTo(java.util.List.of()))
                .body("signals.newest[0].passed", equalTo(true));
        assertEquals("5% of traffic for 30 min: error rate 0.2%", TestDb.text("""
                select payload::jsonb->>'detail' from audit_event where type = 'DeploymentSignalPassed' and subject_id = 'v1.0.0'"""));
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
                .body("signals.waiting_for", equalTo(java.util.List.of("canaryValidationPassed")));
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
                .body("errors[0].message", equalTo("release v1.0.0 in staging does not wait for canaryValidationPassed: it waits for no signal "
                        + "(its environment requires none, and it does not deploy by canary)"));
        signal("v1.0.0", "pass", ",\"milestoneId\":\"m1\"").then().statusCode(400)
                .body("errors[0].message", containsString("names a milestone (for its gates) or a versionTag (for a signal its deployment waits for"));
        signal("v1.0.0", "pass", ",\"value\":3").then().statusCode(400).body("errors[0].message", containsString("takes no value"));
        Api.event("{\"event\":\"GateSignal\",\"versionTag\":\"v1.0.0\",\"gate\":\"smoke tests\",\"status\":\"pass\"}").then().statusCode(400)
                .body("errors[0].message", containsString("a deployment's signal is one word (smokeTestsPassed, canaryValidationPassed), found 'smoke tests'"));
        Api.event("{\"event\":\"GateSignal\",\"versionTag\":\"v1.0.0\",\"gate\":\"canaryValidationPassed\"}").then().statusCode(400)
                .body("errors[0].message", containsString("'status' (pass or fail) is required"));
        signal("v9.9.9", "pass", "").then().statusCode(404);
        assertEquals(before, evidence(), "refused signals store nothing");
        release("v1.0.0").then().body("status", equalTo("deploying")).body("signals", nullValue());
        report("ReleaseCompleted", "v1.0.0", "").then().statusCode(201);
    }
}
