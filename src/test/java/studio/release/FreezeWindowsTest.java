package studio.release;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.release.Releasing.decide;
import static studio.release.Releasing.promote;
import static studio.release.Releasing.reached;
import static studio.release.Releasing.release;
import static studio.release.Releasing.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * Deploy freezes: while a window holds over an environment nothing is released there. The check runs at every step
 * that would release (a release requested, an approval given, a handover to CI after a retry), so a release half
 * approved before the freeze began does not slip through; a freeze in force is not lifted by one person.
 */
@QuarkusTest
class FreezeWindowsTest {

    @BeforeEach
    void clean() {
        TestDb.reset();
        Releasing.anyEnvironmentFirst();
    }

    static Response addWindow(String who, String environment, String body) {
        return Api.as(who).contentType("application/json").body(body).post("/api/environments/" + environment + "/freeze-windows");
    }

    /** A one-off window holding from a minute ago for an hour. */
    static long freezeNow(String environment) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Number id = addWindow("platform-admin", environment, "{\"name\":\"incident-42\",\"from\":\"" + now.minusSeconds(60) + "\",\"until\":\""
                + now.plusSeconds(3600) + "\",\"reason\":\"payments incident\"}").then().statusCode(201)
                .body("holds_now", equalTo(true)).extract().path("id");
        return id.longValue();
    }

    @Test
    void aReleaseHalfApprovedBeforeTheFreezeIsNotApprovedOrHandedToCiWhileItHolds() {
        reached("m1", "versionTag: v1.0.0");
        promote("platform-admin", "m1", "production").then().statusCode(201).body("status", equalTo("paused_for_approval"));
        decide("product-owner", "v1.0.0", "approve", "scope delivered").then().statusCode(200);
        long window = freezeNow("production");

        decide("compliance-officer", "v1.0.0", "approve", "controls ok").then().statusCode(409)
                .body("errors[0].message", containsString("production is frozen by 'incident-42' from "))
                .body("errors[0].message", containsString("approving release v1.0.0 waits until the freeze ends"));
        release("v1.0.0").then().body("status", equalTo("paused_for_approval"));
        assertEquals(1, TestDb.count("select count(*) from release_approval"), "the refused approval is not recorded");
        decide("compliance-officer", "v1.0.0", "reject", "not during the incident").then().statusCode(200); // stricter: allowed

        reached("m2", "versionTag: v2.0.0");
        promote("ci", "m2", "production").then().statusCode(409).body("errors[0].message", containsString("releasing m2 to production waits"));
        assertEquals(0, TestDb.count("select count(*) from release where milestone_id = 'm2'"));
        promote("ci", "m2", "staging").then().statusCode(201); // other environments are not frozen

        Api.as("auditor").get("/api/environments").then().statusCode(200)
                .body("environments.name", equalTo(java.util.List.of("staging", "qa", "production")))
                .body("environments[2].frozen.window_id", equalTo((int) window))
                .body("environments[2].frozen.window", containsString("'incident-42'"))
                .body("environments[0].frozen", nullValue())
                .body("environments[0].current", nullValue());
        Api.as("platform-admin").contentType("application/json").body("{\"reason\":\"incident over early\"}")
                .post("/api/environments/production/freeze-windows/" + window + "/remove").then().statusCode(409)
                .body("errors[0].message", containsString("holds now and is not lifted by one person"));
    }

    @Test
    @io.quarkus.test.security.TestSecurity(user = "compliance-officer", roles = "compliance-officer")
    void theReleasePageSaysTheEnvironmentIsFrozen() {
        reached("m1", "versionTag: v1.0.0");
        promote("platform-admin", "m1", "production").then().statusCode(201);
        freezeNow("production");
        io.restassured.RestAssured.given().get("/releases/v1.0.0").then().statusCode(200)
                .body(containsString("<strong>Frozen.</strong> production is frozen by &#39;incident-42&#39; from "))
                .body(containsString("no approval is given and nothing is handed to CI without a granted exception"));
    }

    static Response decideException(String who, long id, String decision, String reason) {
        return Api.as(who).contentType("application/json").body("{\"reason\":\"" + reason + "\"}")
                .post("/api/environments/production/freeze-exceptions/" + id + "/" + decision);
    }

    @Test
    void anExceptionTwoOtherPeopleGrantLetsOneMilestoneThroughTheFreezeAndNothingElse() {
        reached("m1", "versionTag: v1.0.0");
        reached("m2", "versionTag: v2.0.0");
        long window = freezeNow("production");
        String until = Instant.now().plusSeconds(7200).truncatedTo(ChronoUnit.SECONDS).toString();
        long id = Api.as("product-owner").contentType("application/json").body("{\"milestone_id\":\"m2\",\"window_id\":" + window
                + ",\"justification\":\"the payments fix is the incident's cure\",\"expires_at\":\"" + until + "\"}")
                .post("/api/environments/production/freeze-exceptions").then().statusCode(201).body("status", equalTo("requested"))
                .extract().<Integer>path("id");
        Api.as("ci").contentType("application/json").body("{\"milestone_id\":\"m2\",\"window_id\":" + window
                + ",\"justification\":\"x\",\"expires_at\":\"" + until + "\"}").post("/api/environments/production/freeze-exceptions").then().statusCode(403);

        decideException("product-owner", id, "approve", "mine").then().statusCode(403).body("errors[0].message", containsString("two other people"));
        decideException("ci", id, "approve", "ok").then().statusCode(403);
        decideException("qa-lead", id, "approve", "ok").then().statusCode(403).body("errors[0].message", containsString("product-owner or compliance-officer"));
        decideException("product-owner-2", id, "approve", "the fix is small").then().statusCode(200).body("status", equalTo("requested"))
                .body("approved_by", equalTo(java.util.List.of("product-owner-2")));
        decideException("product-owner-2", id, "approve", "again").then().statusCode(409);
        promote("platform-admin", "m2", "production").then().statusCode(409); // one approval is not an exception
        decideException("compliance-officer", id, "approve", "risk accepted").then().statusCode(200).body("status", equalTo("granted"));

        promote("platform-admin", "m2", "production").then().statusCode(201).body("status", equalTo("paused_for_approval"));
        decide("product-owner", "v2.0.0", "approve", "scope").then().statusCode(200);
        decide("compliance-officer", "v2.0.0", "approve", "controls").then().statusCode(200).body("status", equalTo("deploying"));
        promote("platform-admin", "m1", "production").then().statusCode(409)
                .body("errors[0].message", containsString("or for a freeze exception two people grant (window " + window + ")"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'FreezeExceptionGranted' and actor = 'compliance-officer'"
                + " and payload like '%\"reason\":\"risk accepted\"%'"));
        decideException("qa-lead", id, "reject", "late").then().statusCode(403);
        decideException("compliance-officer", id, "reject", "changed my mind").then().statusCode(409);
    }

    @Test
    void anExceptionToOneOfTwoOverlappingWindowsDoesNotLetTheReleaseThroughTheOther() {
        reached("m2", "versionTag: v2.0.0");
        long incident = freezeNow("production");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Number yearEnd = addWindow("platform-admin", "production", "{\"name\":\"year-end\",\"from\":\"" + now.minusSeconds(30)
                + "\",\"until\":\"" + now.plusSeconds(7200) + "\",\"reason\":\"year-end close\"}").then().statusCode(201).extract().path("id");
        String until = now.plusSeconds(7200).toString();
        long id = Api.as("product-owner").contentType("application/json").body("{\"milestone_id\":\"m2\",\"window_id\":" + incident
                + ",\"justification\":\"the payments fix is the incident's cure\",\"expires_at\":\"" + until + "\"}")
                .post("/api/environments/production/freeze-exceptions").then().statusCode(201).extract().<Integer>path("id");
        decideException("product-owner-2", id, "approve", "the fix is small").then().statusCode(200);
        decideException("compliance-officer", id, "approve", "risk accepted").then().statusCode(200).body("status", equalTo("granted"));

        promote("platform-admin", "m2", "production").then().statusCode(409)
                .body("errors[0].message", containsString("'year-end'"))
                .body("errors[0].message", containsString("(window " + yearEnd.longValue() + ")"));
        assertEquals(0, TestDb.count("select count(*) from release where milestone_id = 'm2'"), "the granted exception covers the incident window only");
    }

    @Test
    void aRetryIsHandedToCiOnlyOutsideAFreeze() {
        reached("m1", "versionTag: v1.0.0");
        promote("product-owner", "m1", "staging").then().statusCode(201).body("status", equalTo("deploying"));
        report("ReleaseFailed", "v1.0.0", ",\"reason\":\"registry down\"").then().statusCode(201);
        freezeNow("staging");
        Api.as("product-owner").contentType("application/json").body("{}").post("/api/releases/v1.0.0/retry").then().statusCode(409)
                .body("errors[0].message", containsString("handing release v1.0.0 to CI waits until the freeze ends"));
        release("v1.0.0").then().body("status", equalTo("failed"));
    }

    @Test
    void aFutureWindowIsRemovedWithAReasonAndBadWindowsAreRefusedByField() {
        // a day three days from now in Berlin: the window cannot hold while this test runs
        String day = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(3).getDayOfWeek().name().substring(0, 3);
        long weekly = addWindow("product-owner", "qa", "{\"name\":\"train\",\"weekly_from\":\"" + day + " 09:00\",\"weekly_until\":\"" + day
                + " 09:30\",\"time_zone\":\"Europe/Berlin\",\"reason\":\"release train\"}").then().statusCode(201)
                .body("holds_now", equalTo(false))
                .body("describe", equalTo("'train' every " + day + " 09:00 to " + day + " 09:30 Europe/Berlin")).extract().<Integer>path("id");
        addWindow("qa-lead", "qa", "{\"name\":\"x\",\"weekly_from\":\"TUE 09:00\",\"weekly_until\":\"TUE 10:00\",\"reason\":\"r\"}").then().statusCode(403);
        addWindow("platform-admin", "qa", "{\"name\":\"x\",\"weekly_from\":\"FRYDAY 18:00\",\"weekly_until\":\"MON 06:00\",\"reason\":\"r\"}")
                .then().statusCode(400).body("errors[0].path", equalTo("$.weekly_from")).body("errors[0].message", containsString("day of the week"));
        addWindow("platform-admin", "qa", "{\"name\":\"x\",\"from\":\"2030-01-01T00:00:00Z\",\"until\":\"2030-01-02T00:00:00Z\","
                + "\"weekly_from\":\"TUE 09:00\",\"weekly_until\":\"TUE 10:00\",\"reason\":\"r\"}").then().statusCode(400);
        addWindow("platform-admin", "qa", "{\"name\":\"x\",\"from\":\"2030-01-01T00:00:00Z\",\"until\":\"2030-01-02T00:00:00Z\","
                + "\"time_zone\":\"Mars/Olympus\",\"reason\":\"r\"}").then().statusCode(400).body("errors[0].path", equalTo("$.time_zone"));
        addWindow("platform-admin", "qa", "{\"name\":\"x\",\"from\":\"2020-01-01T00:00:00Z\",\"until\":\"2020-01-02T00:00:00Z\",\"reason\":\"r\"}")
                .then().statusCode(400).body("errors[0].message", containsString("already ended"));
        addWindow("platform-admin", "moon", "{\"name\":\"x\",\"from\":\"2030-01-01T00:00:00Z\",\"until\":\"2030-01-02T00:00:00Z\",\"reason\":\"r\"}")
                .then().statusCode(404);
        addWindow("platform-admin", "qa", "{\"name\":\"x\",\"reason\":\"r\",\"cron\":\"* * *\"}").then().statusCode(400)
                .body("errors[0].message", containsString("unknown field 'cron'"));
        assertEquals(1, TestDb.count("select count(*) from freeze_window"), "nothing refused was stored");

        Api.as("platform-admin").contentType("application/json").body("{\"reason\":\"train cancelled\"}")
                .post("/api/environments/qa/freeze-windows/" + weekly + "/remove").then().statusCode(204);
        assertEquals(1, TestDb.count("""
                select count(*) from audit_event where type = 'FreezeWindowRemoved' and actor = 'platform-admin'
                and payload like '%"reason":"train cancelled"%'"""));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'FreezeWindowAdded' and actor = 'product-owner'"));
    }

    @Test
    void theEnvironmentsListTheVersionEachRuns() {
        reached("m1", "versionTag: v1.0.0");
        promote("product-owner", "m1", "staging").then().statusCode(201);
        report("ReleaseCompleted", "v1.0.0", ",\"environment\":\"staging\"").then().statusCode(201);
        Api.as("ci").get("/api/environments").then().statusCode(200)
                .body("environments[0].current.version_tag", equalTo("v1.0.0"))
                .body("environments[2].policy", equalTo("production releases need approval by a product-owner and a compliance-officer (different people)"))
                .body("environments[2].protected", equalTo(true));
    }
}
