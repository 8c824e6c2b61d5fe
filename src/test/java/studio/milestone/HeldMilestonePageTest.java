package studio.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/** The milestone page's pause, resume, reject-promotion forms and what the page shows while a hold or a sprint timeout lasts. */
@QuarkusTest
class HeldMilestonePageTest {

    static final String PAGE = "/milestones/held";

    @Inject
    GateTimeouts timers;

    @BeforeEach
    void setUp() {
        TestDb.reset();
        Api.importDefinitions(TimeoutsThatFireTest.DEFINITIONS).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void aGovernorPausesAndResumesFromThePageAndASecondTabCannotMoveItMeanwhile() {
        Api.as("qa-lead").post("/api/milestones/held/evaluate").then().statusCode(200);
        given().get(PAGE).then().statusCode(200).body(containsString("action=\"/milestones/held/pause\""));
        var secondTab = CsrfForms.form(PAGE);
        CsrfForms.form(PAGE).formParam("reason", "vendor review").post(PAGE + "/pause").then().statusCode(303)
                .header("Location", endsWith("/milestones/held?done=pause"));
        given().get(PAGE).then().statusCode(200)
                .body(containsString("Paused by qa-lead</strong> (qa-lead): vendor review"))
                .body(containsString("action=\"/milestones/held/unpause\""))
                .body(not(containsString("action=\"/milestones/held/evaluate\"")))
                .body(not(containsString("action=\"/milestones/held/pause\"")));
        given().get("/board").then().statusCode(200).body(containsString("Paused by qa-lead: vendor review"));
        secondTab.post(PAGE + "/evaluate").then().statusCode(409).body(containsString("evaluation needs the milestone not paused; it is paused"));
        assertEquals("verifying", TestDb.text("select state from milestone where id = 'held'"));

        CsrfForms.htmx(PAGE).formParam("reason", "review done").post(PAGE + "/unpause").then().statusCode(200)
                .body(startsWith("<div id=\"milestone-live\"")).body(not(containsString("Paused by")))
                .body(containsString("MilestonePauseLifted"));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void someoneWhoDoesNotGovernItCannotPauseIt() {
        given().get(PAGE).then().statusCode(200).body(not(containsString("action=\"/milestones/held/pause\"")));
        CsrfForms.form(PAGE).formParam("reason", "mine now").post(PAGE + "/pause").then().statusCode(403)
                .body(containsString("pausing milestone held needs one of the roles qa-lead, platform-admin"));
        assertEquals(null, TestDb.text("select paused_by from milestone where id = 'held'"));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void aRejectedPromotionIsShownWithWhoAndWhyAndTakesThePromoteFormAway() {
        TimeoutsThatFireTest.signal("held", "pass");
        Api.as("qa-lead").post("/api/milestones/held/evaluate").then().statusCode(200);
        given().get(PAGE).then().statusCode(200).body(containsString("action=\"/milestones/held/promotion/reject\""));
        CsrfForms.form(PAGE).formParam("reason", "CVE-2025-1234 open").post(PAGE + "/promotion/reject").then().statusCode(303);
        given().get(PAGE).then().statusCode(200)
                .body(containsString("Promotion rejected by product-owner</strong> (product-owner): CVE-2025-1234 open"))
                .body(containsString("action=\"/milestones/held/promotion/lift\""));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void aSprintTimeoutIsShownOnThePageAndTheMilestoneWaitsInItsGovernorsInbox() {
        Api.event("{\"event\":\"SprintStarted\",\"sprintId\":\"slow-running\",\"timestamp\":\"" + java.time.Instant.now() + "\"}")
                .then().statusCode(201);
        TimeoutsThatFireTest.age("slow", 61);
        timers.tick();
        given().get("/milestones/slow").then().statusCode(200)
                .body(containsString("id=\"overdue-sprints\""))
                .body(containsString("slow-never orphaned (never started, "));
        given().get("/approvals").then().statusCode(200).body(containsString("/milestones/slow"));
    }
}
