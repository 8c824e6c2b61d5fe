package studio.release;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.release.Releasing.*;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.Scrape;
import studio.testing.TestDb;

/**
 * Release outcomes, approvals and the time from request to completion on /q/metrics under the spec's names, counted
 * once per real step: a repeated CI report and a refused decision count nothing.
 */
@QuarkusTest
class ReleaseMetricsTest {

    @BeforeEach
    void clean() {
        TestDb.reset();
        Releasing.anyEnvironmentFirst();
    }

    @Test
    void aFailureThenACompletionAreCountedAndTheCompletionTimed() {
        Scrape before = Scrape.now();
        reached("m1", "versionTag: v2.0.0");
        promote("product-owner", "m1", "staging").then().statusCode(201);
        report("ReleaseFailed", "v2.0.0", ",\"reason\":\"Docker tag push failure\"").then().statusCode(201);
        report("ReleaseFailed", "v2.0.0", ",\"reason\":\"again\"").then().statusCode(201); // a repeat changes nothing
        report("ReleaseCompleted", "v2.0.0", "").then().statusCode(201);
        report("ReleaseCompleted", "v2.0.0", "").then().statusCode(201); // nor does this one
        report("ReleaseFailed", "v9.9.9", "").then().statusCode(404);
        release("v2.0.0").then().body("status", equalTo("completed"));

        Scrape after = Scrape.now();
        assertEquals(1, delta(before, after, "release_outcome_total", "outcome", "failed"));
        assertEquals(1, delta(before, after, "release_outcome_total", "outcome", "completed"));
        assertEquals(0, delta(before, after, "release_outcome_total", "outcome", "rolled_back"));
        assertEquals(1, delta(before, after, "release_failure_total"));
        assertEquals(1, delta(before, after, "release_success_total"));
        assertEquals(0, delta(before, after, "release_rollback_total"));
        assertEquals(0, delta(before, after, "release_manual_approval_total"), "a staging release needs no approval");
        assertEquals(1, delta(before, after, "release_duration_seconds_count"));
        assertTrue(delta(before, after, "release_duration_seconds_sum") > 0);
    }

    @Test
    void aRollbackIsCountedOnceAndARefusedOneNotAtAll() {
        reached("m1", "versionTag: v3.0.0");
        promote("product-owner", "m1", "staging").then().statusCode(201);
        report("ReleaseCompleted", "v3.0.0", "").then().statusCode(201);
        Scrape before = Scrape.now();
        rollback("v3.0.0", "canary errors").then().statusCode(200).body("status", equalTo("rolled_back"));
        rollback("v3.0.0", "again").then().statusCode(409);

        Scrape after = Scrape.now();
        assertEquals(1, delta(before, after, "release_rollback_total"));
        assertEquals(0, delta(before, after, "release_success_total"));
        assertEquals(0, delta(before, after, "release_failure_total"));
        assertEquals(0, delta(before, after, "release_duration_seconds_count"));
    }

    @Test
    void eachReleaseThatRequiredAHumanGateIsCountedOnceHoweverManyDecideIt() {
        reached("m1", "versionTag: v4.0.0");
        reached("m2", "versionTag: v5.0.0");
        Scrape before = Scrape.now();
        promote("platform-admin", "m1", "production").then().statusCode(201).body("status", equalTo("paused_for_approval"));
        promote("platform-admin", "m2", "production").then().statusCode(201);
        assertEquals(2, delta(before, Scrape.now(), "release_manual_approval_total"));
        decide("product-owner", "v4.0.0", "approve", "Scope delivered").then().statusCode(200);
        decide("product-owner", "v4.0.0", "approve", "again").then().statusCode(409);
        decide("platform-admin", "v4.0.0", "approve", "my own").then().statusCode(403);
        decide("compliance-officer", "v4.0.0", "approve", "Audit evidence complete").then().statusCode(200)
                .body("status", equalTo("deploying"));
        decide("compliance-officer", "v5.0.0", "reject", "SBOM missing").then().statusCode(200).body("status", equalTo("rejected"));

        Scrape after = Scrape.now();
        assertEquals(2, delta(before, after, "release_manual_approval_total"), "two releases needed people, whatever they decided");
        assertEquals(1, delta(before, after, "release_outcome_total", "outcome", "rejected"));
        assertEquals(0, delta(before, after, "release_failure_total"), "a rejection is not a failure");
    }

    @Test
    void theSpecNamesAreServedAsThePrometheusTypesTheyName() {
        String text = Api.as("ci").get("/q/metrics").then().statusCode(200).extract().asString();
        for (String counter : new String[] {"release_success_total", "release_failure_total", "release_rollback_total",
                "release_manual_approval_total"}) {
            String family = counter.substring(0, counter.length() - "_total".length());
            assertTrue(text.contains("# TYPE " + family + " counter\n"), counter + " is a counter");
            assertTrue(text.lines().anyMatch(l -> l.startsWith(counter + " ") || l.startsWith(counter + "{")), counter + " is served");
        }
        assertTrue(text.contains("# TYPE release_duration_seconds summary\n"), "release_duration_seconds is a summary in seconds");
    }

    private static io.restassured.response.Response rollback(String tag, String reason) {
        return Api.as("product-owner").contentType("application/json").body("{\"reason\":\"" + reason + "\"}")
                .post("/api/releases/" + tag + "/rollback");
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
