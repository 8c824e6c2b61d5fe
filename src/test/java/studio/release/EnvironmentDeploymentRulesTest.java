package studio.release;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.release.Releasing.promote;
import static studio.release.Releasing.reached;
import static studio.release.Releasing.release;
import static studio.release.Releasing.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * An environment's definition says what a deployment there waits for and how it recovers (docs/API.md "Environments as
 * definitions"): requiredSignals CI reports passing before ReleaseCompleted may complete it, maxRetries automatic
 * retries of a failure, then rollbackOnFailure. Adding a signal is in force at once; dropping one waits for a second
 * person; a wrong value is refused with its line and nothing changes.
 */
@QuarkusTest
class EnvironmentDeploymentRulesTest {

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    static Response define(String who, String yaml) {
        return Api.as(who).contentType("application/yaml").body(yaml).post("/api/definitions");
    }

    static Response signal(String tag, String status, String eventId) {
        return Api.event("{\"event\":\"GateSignal\",\"versionTag\":\"" + tag + "\",\"gate\":\"smokeTestsPassed\",\"status\":\"" + status
                + "\",\"eventId\":\"" + eventId + "\",\"detail\":\"checkout smoke suite\"}");
    }

    static final String STAGING = """
            environments:
              - name: staging
                requiredSignals: [smokeTestsPassed]
                maxRetries: 1
                rollbackOnFailure: true
            """;

    @Test
    void aDeploymentWaitsForItsEnvironmentsSignalsAndRecoversByItsRules() {
        define("platform-admin", STAGING).then().statusCode(200).body("environments[0].status", equalTo("defined"));
        Api.as("auditor").get("/api/environments").then().statusCode(200)
                .body("environments[0].deployment.required_signals", equalTo(List.of("smokeTestsPassed")))
                .body("environments[0].deployment.max_retries", equalTo(1)).body("environments[0].deployment.rollback_on_failure", equalTo(true))
                .body("environments[0].policy", containsString("a deployment completes once smokeTestsPassed passed; a failure is retried once, then rolled back"));

        reached("m1", "versionTag: v1.0.0");
        promote("ci", "m1", "staging").then().statusCode(201).body("status", equalTo("deploying"))
                .body("signals.awaits", equalTo(List.of("smokeTestsPassed"))).body("max_retries", equalTo(1));
        report("ReleaseCompleted", "v1.0.0", "").then().statusCode(409).body("errors[0].message", containsString("comes after smokeTestsPassed"));
        signal("v1.0.0", "pass", "smoke-1").then().statusCode(201);
        report("ReleaseCompleted", "v1.0.0", "").then().statusCode(201);
        release("v1.0.0").then().body("status", equalTo("completed"));

        // a failing signal is a failure: retried once by Studio, then rolled back
        reached("m2", "versionTag: v2.0.0");
        promote("ci", "m2", "staging").then().statusCode(201);
        signal("v2.0.0", "fail", "smoke-2").then().statusCode(201);
        release("v2.0.0").then().body("status", equalTo("deploying")).body("retry_count", equalTo(1))
                .body("signals.waiting_for", equalTo(List.of("smokeTestsPassed")));
        signal("v2.0.0", "fail", "smoke-3").then().statusCode(201);
        release("v2.0.0").then().body("status", equalTo("rolled_back")).body("reason", containsString("rolled back automatically"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'ReleaseRetried' and subject_id = 'v2.0.0'"));
        assertEquals(3, TestDb.count("select count(*) from deployment_signal"), "every report is kept");
    }

    @Test
    void droppingASignalWaitsForASecondPersonAndAWrongValueChangesNothing() {
        define("platform-admin", STAGING).then().statusCode(200);
        long id = define("platform-admin", "environments:\n  - name: staging\n    requiredSignals: []\n").then().statusCode(200)
                .body("environments[0].status", equalTo("held"))
                .body("environments[0].weakenings", equalTo(List.of("staging no longer waits for the signal smokeTestsPassed before a deployment completes")))
                .extract().<Integer>path("environments[0].changeId");
        reached("m1", "versionTag: v1.0.0");
        promote("ci", "m1", "staging").then().statusCode(201).body("signals.awaits", equalTo(List.of("smokeTestsPassed")));

        define("platform-admin", "environments:\n  - name: staging\n    requiredSignals: [smoke tests]\n    maxRetries: 11\n").then().statusCode(400)
                .body("errors.line", equalTo(List.of(3, 4)))
                .body("errors[0].message", containsString("a required signal is one word"));
        Api.as("compliance-officer").contentType("application/json").body("{\"reason\":\"smoke tests run before the deploy now\"}")
                .post("/api/environments/staging/changes/" + id + "/approve").then().statusCode(200);
        reached("m2", "versionTag: v2.0.0");
        promote("ci", "m2", "staging").then().statusCode(201);
        report("ReleaseCompleted", "v2.0.0", "").then().statusCode(201);
        release("v1.0.0").then().body("signals.awaits", equalTo(List.of("smokeTestsPassed"))); // bound when it was made
    }
}
