package studio.release;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.release.Releasing.*;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Scrape;
import studio.testing.TestDb;

/** Release outcomes and the time from request to completion on /q/metrics, counted once each step committed. */
@QuarkusTest
class ReleaseMetricsTest {

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    @Test
    void aFailureThenACompletionAreCountedAndTheCompletionTimed() {
        Scrape before = Scrape.now();
        reached("m1", "versionTag: v2.0.0");
        promote("product-owner", "m1", "staging").then().statusCode(201);
        report("ReleaseFailed", "v2.0.0", ",\"reason\":\"Docker tag push failure\"").then().statusCode(201);
        report("ReleaseFailed", "v2.0.0", ",\"reason\":\"again\"").then().statusCode(201); // a repeat changes nothing
        report("ReleaseCompleted", "v2.0.0", "").then().statusCode(201);
        report("ReleaseFailed", "v9.9.9", "").then().statusCode(404);
        release("v2.0.0").then().body("status", equalTo("completed"));

        Scrape after = Scrape.now();
        assertEquals(1, delta(before, after, "release_outcome_total", "outcome", "failed"));
        assertEquals(1, delta(before, after, "release_outcome_total", "outcome", "completed"));
        assertEquals(0, delta(before, after, "release_outcome_total", "outcome", "rolled_back"));
        assertEquals(1, delta(before, after, "release_duration_seconds_count"));
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
