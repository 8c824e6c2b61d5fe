package studio.inbox;

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

/** /q/metrics reports the decisions waiting for an approver and how long the oldest has waited; a decision clears it. */
@QuarkusTest
class ApprovalMetricsTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    @Test
    void anOverrideRequestWaitsUntilItIsDecided() {
        assertEquals(0, Scrape.await(WAIT, v -> v == 0, "approval_waiting", "kind", "override"));
        Api.importDefinitions("""
                milestones:
                  - id: m1
                    gateConditions: [securityValidated]
                    approvalRoles: [qa-lead]
                    governedBy: product-owner
                """).then().statusCode(200);
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"m1\",\"gate\":\"securityValidated\",\"status\":\"fail\",\"detail\":\"scan failed\"}")
                .then().statusCode(201);
        Api.as("product-owner").post("/api/milestones/m1/evaluate").then().statusCode(200).body("status", equalTo("blocked"));
        long id = Api.as("qa-lead").contentType("application/json")
                .body("{\"gates\":[\"securityValidated\"],\"reason\":\"Pen test scheduled; risk accepted\"}")
                .post("/api/milestones/m1/overrides").then().statusCode(201).extract().jsonPath().getLong("override_id");

        assertEquals(1, Scrape.await(WAIT, v -> v == 1, "approval_waiting", "kind", "override"));
        assertEquals(0, Scrape.now().value("approval_waiting", "kind", "release"));
        TestDb.exec("update override_request set requested_at = now() - interval '3 hours' where id = " + id);
        double age = Scrape.await(WAIT, v -> v >= 3 * 3600, "approval_waiting_oldest_seconds", "kind", "override");
        assertTrue(age >= 3 * 3600 && age < 3 * 3600 + 60, "waiting about 3 hours, reported " + age);

        Api.as("qa-lead-2").contentType("application/json").body("{\"reason\":\"Risk reviewed with security\"}")
                .post("/api/overrides/" + id + "/approve").then().statusCode(200).body("status", equalTo("approved"));
        assertEquals(0, Scrape.await(WAIT, v -> v == 0, "approval_waiting", "kind", "override"));
        assertEquals(0, Scrape.now().value("approval_waiting_oldest_seconds", "kind", "override"));
    }
}
