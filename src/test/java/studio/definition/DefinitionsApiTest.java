package studio.definition;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.Story;
import studio.testing.TestDb;

@QuarkusTest
class DefinitionsApiTest {

    static final String PLAN = """
            milestones:
              - id: mvp-core
                name: Core MVP Delivery
                requiredFeatures: [BookingFlow, Notification.Email.Send, Auth.Login]
                gateConditions:
                  - allSprintsClosed
                  - testCoverageAbove90
                  - traceMatrixComplete
                versionTag: mvp-v1
                phase: CoreFeature
                owner: product-owner
                targetDate: 2025-06-30
                approvalRoles: [qa-lead, domain-architect]
                acceptanceCriteria:
                  - "[x] API contract stable"
                  - text: Coverage at least 90%
                    gate: testCoverageAbove90
            sprints:
              - id: sprint-1
                name: MVP Sprint
                goal: Deliver first fully testable Booking flow
                includes:
                  - Milestone: mvp-core
                  - Features: [BookingFlow, Auth.Login]
            features:
              - featureId: BookingFlow
                title: Book an appointment
                priority: P1
                requiredBy: milestone:mvp-core
                status: planned
            """;

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    @Test
    void importsCountsPerKindAndExportReimportsToTheSameState() {
        Api.importDefinitions(PLAN).then().statusCode(200)
                .body("created.milestones", equalTo(1)).body("created.sprints", equalTo(1)).body("created.features", equalTo(1));
        String exported = Api.as("auditor").get("/api/definitions").then().statusCode(200)
                .contentType(containsString("yaml")).extract().asString();

        Api.importDefinitions(exported).then().statusCode(200)
                .body("unchanged.milestones", equalTo(1)).body("unchanged.sprints", equalTo(1)).body("unchanged.features", equalTo(1))
                .body("updated.milestones", equalTo(0));
        assertEquals(exported, Api.as("auditor").get("/api/definitions").then().extract().asString());
    }

    @Test
    void aChangedMilestoneIsUpdatedAndAudited() {
        Api.importDefinitions(PLAN).then().statusCode(200);
        Api.importDefinitions(PLAN.replace("testCoverageAbove90", "testCoverageAbove85")).then().statusCode(200)
                .body("updated.milestones", equalTo(1));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'MilestoneRedefined'"));
        Api.milestone("mvp-core").then().body("gates.find { it.condition == 'testCoverageAbove85' }.threshold", equalTo(85));
    }

    @Test
    void errorsNameLineAndPathAndNothingIsStored() {
        String broken = """
                milestones:
                  - id: ok-one
                    gateConditions: [allSprintsClosed]
                  - id: bad-one
                    gateConditions:
                      - qaCoverageAbove: 120
                      - qaCoverageAbov: 90
                """;
        Api.importDefinitions(broken).then().statusCode(400)
                .body("errors.line", hasItem(6))
                .body("errors.path", hasItem("$.milestones[1].gateConditions[0].qaCoverageAbove"))
                .body("errors.message", hasItem(containsString("did you mean 'qaCoverageAbove'")));
        assertEquals(0, TestDb.count("select count(*) from milestone"));
        assertEquals(0, TestDb.count("select count(*) from audit_event"));
    }

    @Test
    void aYamlSyntaxErrorHasLineAndColumn() {
        Api.importDefinitions("milestones:\n  - id: a\n    gateConditions: [allSprintsClosed\n").then().statusCode(400)
                .body("errors[0].line", org.hamcrest.Matchers.notNullValue())
                .body("errors[0].column", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aReferenceToAnUnknownMilestoneIsRefused() {
        Api.importDefinitions("sprints:\n  - id: s1\n    includes:\n      - Milestone: ghost\n").then().statusCode(400)
                .body("errors[0].message", containsString("ghost"))
                .body("errors[0].line", equalTo(4));
        assertEquals(0, TestDb.count("select count(*) from sprint"));
    }

    @Test
    void aDuplicateIdIsRefused() {
        Api.importDefinitions("milestones:\n  - id: a\n  - id: a\n").then().statusCode(400)
                .body("errors[0].message", containsString("a"));
    }

    @Test
    void theSpecsMilestonesYamlStandsAlone() {
        Api.importDefinitions(Story.MILESTONES).then().statusCode(200).body("created.milestones", equalTo(1));
        assertEquals(2, TestDb.count("select count(*) from feature where not defined"));
    }

    @Test
    void jsonDocumentsAreAcceptedToo() {
        Api.as("ci").contentType("application/json")
                .body("{\"milestones\":[{\"id\":\"j1\",\"gateConditions\":[\"allSprintsClosed\",{\"qaCoverageAbove\":80}]}]}")
                .post("/api/definitions").then().statusCode(200).body("created.milestones", equalTo(1));
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        Api.as("ci").contentType("application/yaml").body("").post("/api/definitions").then().statusCode(400);
    }

    @Test
    void milestoneProgressComesFromCriteria() {
        Api.importDefinitions(PLAN).then().statusCode(200);
        Api.milestone("mvp-core").then()
                .body("progress.criteria_total", equalTo(2))
                .body("progress.criteria_met", equalTo(1))
                .body("at_risk", equalTo(true)); // target date 2025-06-30 has passed and the coverage gate fails
    }
}
