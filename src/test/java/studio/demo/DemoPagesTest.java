package studio.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * The milestone pages, the inbox and the timeline over the demo's realistic history (coverage bars, contributing
 * sprints, a requested override): what people see first when they run Studio.
 */
@QuarkusTest
class DemoPagesTest {

    @Inject
    DemoData demo;

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead")
    void everyDemoMilestonePageRendersAndTheRequestedOverrideWaitsForTheSecondQaLead() {
        TestDb.reset();
        demo.load();
        for (String id : List.of("mvp-ready", "notifications-beta", "qa-hardening", "security-verification", "onboarding-v2", "v1-release")) {
            given().get("/milestones/" + id).then().statusCode(200).body(containsString("id=\"gate-matrix\""));
        }
        given().get("/milestones/mvp-ready").then()
                .body(containsString("<span class=\"feature-name mono\">BookingFlow</span>"))
                .body(containsString("href=\"/sprints/sprint-2026-11-core\""));
        given().get("/approvals").then().statusCode(200)
                .body(containsString("SMS coverage gap is in vendor fallback paths only"))
                .body(containsString("Approve override"));
        given().get("/audit").then().statusCode(200).body(containsString("MilestoneOverrideRequested"));
    }

    @Test
    @TestSecurity(user = "compliance-officer", roles = "compliance-officer")
    void theDemoShowsReleasesInEachEnvironmentOneWaitingForApprovalWhileProductionIsFrozen() {
        TestDb.reset();
        demo.load();
        Api.as("auditor").get("/api/releases").then().statusCode(200)
                .body("releases.find { it.version_tag == 'mvp-v1' }.status", equalTo("completed"))
                .body("releases.findAll { it.version_tag == 'mvp-v1' }.environment", equalTo(List.of("qa", "staging")))
                // every new version starts in staging: security-reviewed-v1 failed in qa, was rolled back, passed qa on a
                // second promotion and waits for production's approvers (newest deployment first)
                .body("releases.findAll { it.version_tag == 'security-reviewed-v1' }.environment", equalTo(List.of("production", "qa", "qa", "staging")))
                .body("releases.findAll { it.version_tag == 'security-reviewed-v1' }.status",
                        equalTo(List.of("paused_for_approval", "completed", "rolled_back", "completed")));
        Api.as("auditor").get("/api/environments").then().statusCode(200)
                .body("environments[0].current.version_tag", equalTo("security-reviewed-v1"))
                .body("environments[1].current.version_tag", equalTo("security-reviewed-v1"))
                .body("environments[2].waiting_for_approval", equalTo(1))
                .body("environments[2].frozen.window", containsString("'year-end'"));
        String production = Api.as("auditor").get("/api/releases?environment=production").then().extract().path("releases[0].version_tag");
        given().get("/releases/" + production).then().statusCode(200).body(containsString("<strong>Frozen.</strong> production is frozen"));
        given().get("/releases/mvp-v1").then().statusCode(200).body(containsString("<dt>Deployed images</dt>"))
                .body(containsString("Journey across environments"))
                .body(containsString("<a href=\"/releases/mvp-v1?environment=staging\">staging</a>"));
    }
}
