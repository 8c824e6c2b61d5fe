package studio.milestone;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.Scrape;
import studio.testing.TestDb;

/** /q/metrics reports how many milestones are blocked now and for how long the longest-blocked one has been. */
@QuarkusTest
class MilestoneStateMetricsTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    @Test
    void aBlockedMilestoneIsCountedWithHowLongItHasBeenBlocked() {
        assertEquals(0, Scrape.await(WAIT, v -> v == 0, "milestone_in_state", "state", "blocked"));
        double failures = Scrape.now().value("milestone_gate_failure_total");

        Api.importDefinitions("""
                milestones:
                  - id: m1
                    gateConditions: [securityValidated]
                    governedBy: product-owner
                """).then().statusCode(200);
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"m1\",\"gate\":\"securityValidated\",\"status\":\"fail\",\"detail\":\"scan failed\"}")
                .then().statusCode(201);
        Api.as("product-owner").post("/api/milestones/m1/evaluate").then().statusCode(200).body("status", equalTo("blocked"));

        assertEquals(1, Scrape.await(WAIT, v -> v == 1, "milestone_in_state", "state", "blocked"));
        assertEquals(0, Scrape.now().value("milestone_in_state", "state", "verifying"));
        assertEquals(failures + 1, Scrape.now().value("milestone_gate_failure_total"));

        TestDb.exec("update milestone set state_since = now() - interval '20 minutes' where id = 'm1'");
        double age = Scrape.await(WAIT, v -> v >= 1200, "milestone_in_state_oldest_seconds", "state", "blocked");
        assertTrue(age >= 1200 && age < 1260, "blocked for about 20 minutes, reported " + age);
        assertEquals(0, Scrape.now().value("milestone_in_state_oldest_seconds", "state", "escalated"), "none is escalated");
    }
}
