package studio.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.release.Releasing.decide;
import static studio.release.Releasing.promote;
import static studio.release.Releasing.reached;
import static studio.release.Releasing.release;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.release.approval.ApprovalTimeouts;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/**
 * A deployment approved ahead of time and scheduled for a moment a freeze allows (docs/API.md "Scheduled deployments"):
 * approved, it waits for its moment (no approval timeout meanwhile) and the release timer hands it to CI then; if an
 * approval no longer holds or a freeze holds at that moment, the schedule is missed and said why; a moment that is
 * past, too far ahead or frozen is refused with nothing changed.
 */
@QuarkusTest
class ScheduledDeploymentTest {

    @Inject
    ApprovalTimeouts timer;

    @BeforeEach
    void paused() {
        TestDb.reset();
        Releasing.anyEnvironmentFirst();
        reached("m1", "versionTag: v1.0.0");
        promote("product-owner", "m1", "production").then().statusCode(201).body("status", equalTo("paused_for_approval"));
    }

    static Response schedule(String who, Object at) {
        String value = at == null ? "null" : "\"" + at + "\"";
        return Api.as(who).contentType("application/json").body("{\"at\":" + value + "}").post("/api/releases/v1.0.0/schedule");
    }

    static void approvedByBoth() {
        decide("product-owner-2", "v1.0.0", "approve", "scope delivered").then().statusCode(200);
        decide("compliance-officer", "v1.0.0", "approve", "controls in place").then().statusCode(200);
    }

    @Test
    void approvedAheadOfTimeItWaitsForItsMomentAndThenProceedsByItself() {
        Instant at = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        schedule("product-owner", at).then().statusCode(200).body("scheduled_for", equalTo(at.toString()))
                .body("scheduled_by", equalTo("product-owner"));
        approvedByBoth();
        release("v1.0.0").then().body("status", equalTo("paused_for_approval")).body("approval_status.satisfied", equalTo(true));
        // approved and waiting for its moment: neither handed on early nor aborted by the approval timeout
        TestDb.exec("update release set state_since = state_since - interval '73 hours'");
        timer.tick();
        release("v1.0.0").then().body("status", equalTo("paused_for_approval"));

        TestDb.exec("update release set scheduled_for = now() - interval '1 second'");
        timer.tick();
        release("v1.0.0").then().body("status", equalTo("deploying")).body("scheduled_for", nullValue());
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'ReleaseScheduled'"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where payload::text like '%Studio (scheduled for%by product-owner)%'"),
                "the hand-over says it came from the schedule");
    }

    @Test
    void aMomentThatIsPastTooFarOrFrozenIsRefusedAndNothingChanges() {
        schedule("product-owner", Instant.now().minus(1, ChronoUnit.HOURS)).then().statusCode(409).body("errors[0].message", containsString("has passed"));
        schedule("product-owner", Instant.now().plus(31, ChronoUnit.DAYS)).then().statusCode(409).body("errors[0].message", containsString("30 days ahead"));
        FreezeWindowsTest.freezeNow("production");
        schedule("product-owner", Instant.now().plus(30, ChronoUnit.MINUTES)).then().statusCode(409)
                .body("errors[0].message", containsString("is inside the freeze window 'incident-42'"));
        schedule("ci", Instant.now().plus(3, ChronoUnit.DAYS)).then().statusCode(403);
        schedule("qa-lead", Instant.now().plus(3, ChronoUnit.DAYS)).then().statusCode(403);
        Api.as("product-owner").contentType("application/json").body("{\"at\":\"2030-01-01T00:00:00Z\",\n\"when\":1}")
                .post("/api/releases/v1.0.0/schedule").then().statusCode(400).body("errors[0].line", equalTo(2));
        release("v1.0.0").then().body("scheduled_for", nullValue());
        assertEquals(0, TestDb.count("select count(*) from audit_event where type = 'ReleaseScheduled'"));
    }

    @Test
    void atItsMomentAnExpiredApprovalOrAFreezeMissesTheScheduleAndSaysWhy() {
        schedule("product-owner", Instant.now().plus(1, ChronoUnit.HOURS)).then().statusCode(200);
        approvedByBoth();
        TestDb.exec("update release_approval set expires_at = now() - interval '1 minute'",
                "update release set scheduled_for = now() - interval '1 second'");
        timer.tick();
        release("v1.0.0").then().body("status", equalTo("paused_for_approval")).body("scheduled_for", nullValue());
        assertEquals("its approvals did not all hold", TestDb.text(
                "select substr(payload::jsonb->>'reason', 1, 30) from audit_event where type = 'ScheduledDeploymentMissed'"));

        TestDb.exec("delete from release_approval");
        schedule("product-owner", Instant.now().plus(1, ChronoUnit.HOURS)).then().statusCode(200);
        approvedByBoth();
        FreezeWindowsTest.freezeNow("production"); // a freeze added after it was scheduled
        TestDb.exec("update release set scheduled_for = now() - interval '1 second'");
        timer.tick();
        release("v1.0.0").then().body("status", equalTo("paused_for_approval")).body("scheduled_for", nullValue());
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'ScheduledDeploymentMissed' and payload::text like '%a freeze held%'"));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void theReleasePageSchedulesAndShowsIt() {
        String page = "/releases/v1.0.0";
        given().get(page).then().statusCode(200).body(containsString("id=\"schedule-at\""));
        String at = Instant.now().plus(1, ChronoUnit.DAYS).atZone(java.time.ZoneOffset.UTC).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
        CsrfForms.form(page).formParam("environment", "production").formParam("at", at).post(page + "/schedule").then().statusCode(303);
        given().get(page).then().statusCode(200).body(containsString("Handed to CI at")).body(containsString("value=\"" + at + "\""));
        CsrfForms.form(page).formParam("environment", "production").formParam("at", "tomorrow").post(page + "/schedule").then().statusCode(400)
                .body(containsString("the moment is a date and time"));
        CsrfForms.form(page).formParam("environment", "production").formParam("at", "").post(page + "/schedule").then().statusCode(303);
        release("v1.0.0").then().body("scheduled_for", nullValue());
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'ReleaseScheduleCleared'"));
    }
}
