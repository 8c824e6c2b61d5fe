package studio.milestone;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.testing.Story.*;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * The "done means": a CI script with only a ci token imports the spec's milestones.yaml, streams the mvp-ready
 * story and reads back a reached milestone whose gate matrix matches the spec's numbers.
 */
@QuarkusTest
class WorkedExampleApiTest {

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    @Test
    void theSpecsMvpReadyStoryEndsReachedWithTheSpecsNumbersAndPromotionTriggered() {
        Api.importDefinitions(MILESTONES).then().statusCode(200).body("created.milestones", equalTo(1));
        Api.milestone("mvp-ready").then().body("status", equalTo("planned"));

        Api.event(planned(CORE, "BookingFlow", "2025-05-12T10:00:00Z")).then().statusCode(201);
        Api.event(planned(COMM, "Notification.Email.Send", "2025-05-12T10:05:00Z")).then().statusCode(201);
        Api.milestone("mvp-ready").then().body("status", equalTo("pending"));

        Api.traceMatrix(CORE, matrix(CORE, "BookingFlow", 17)).then().statusCode(201);
        Api.traceMatrix(COMM, matrix(COMM, "Notification.Email.Send", 18)).then().statusCode(201);
        Api.qaReport(CORE, qa(CORE, "BookingFlow", "93.1")).then().statusCode(201);
        Api.qaReport(COMM, qa(COMM, "Notification.Email.Send", "89.6")).then().statusCode(201);
        Api.event(closed(CORE, "2025-05-13T14:45:00Z")).then().statusCode(201);
        Api.milestone("mvp-ready").then().body("status", equalTo("pending"));
        Api.event(closed(COMM, "2025-05-14T18:30:00Z")).then().statusCode(201);

        Api.milestone("mvp-ready").then().statusCode(200)
                .body("status", equalTo("reached"))
                .body("version_tag", equalTo("mvp-v1"))
                .body("trace_id", equalTo("trace-xyz-123"))
                .body("qa_coverage_avg", equalTo(91.3f))
                .body("sprints_contributing", containsInAnyOrder(CORE, COMM))
                .body("features_covered", containsInAnyOrder("BookingFlow", "Notification.Email.Send"))
                .body("gates_passed", containsInAnyOrder("allSprintsClosed", "qaCoverageAbove", "traceMatrixComplete"))
                .body("gates.find { it.condition == 'qaCoverageAbove' }.status", equalTo("passed"))
                .body("gates.find { it.condition == 'qaCoverageAbove' }.threshold", equalTo(90))
                .body("gates.find { it.condition == 'qaCoverageAbove' }.actual", equalTo(91.3f))
                .body("gates.find { it.condition == 'qaCoverageAbove' }.detail", equalTo(
                        "BookingFlow 93.1%, Notification.Email.Send 89.6%; aggregate 91.3% (weighted by test count) is at least 90"));

        List<String> types = Api.as("auditor").queryParam("milestone", "mvp-ready").queryParam("limit", 200)
                .get("/api/audit").then().statusCode(200).extract().path("events.type");
        List<String> lifecycle = new java.util.ArrayList<>(
                types.stream().filter(t -> t.startsWith("Milestone") && !t.equals("MilestoneDefined")).toList());
        java.util.Collections.reverse(lifecycle);
        assertEquals(List.of("MilestoneReady", "MilestoneVerifying", "MilestoneReached", "MilestonePromotionTriggered"), lifecycle);
        Api.as("auditor").get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aMissingFeatureKeepsTheMilestoneFromBeingReachedAndTheGateSaysWhy() {
        Api.importDefinitions(MILESTONES).then().statusCode(200);
        Api.event(planned(CORE, "BookingFlow", "2025-05-12T10:00:00Z")).then().statusCode(201);
        Api.traceMatrix(CORE, matrix(CORE, "BookingFlow", 17)).then().statusCode(201);
        Api.qaReport(CORE, qa(CORE, "BookingFlow", "93.1")).then().statusCode(201);
        Api.as("product-owner").post("/api/milestones/mvp-ready/evaluate").then().statusCode(200)
                .body("status", equalTo("blocked"))
                .body("gates.find { it.condition == 'qaCoverageAbove' }.status", equalTo("failed"))
                .body("gates.find { it.condition == 'qaCoverageAbove' }.detail", org.hamcrest.Matchers.containsString("Notification.Email.Send"))
                .body("transitions.event", hasItem("MilestoneBlocked"));
    }
}
