package studio.release.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.release.Releasing.promote;
import static studio.release.Releasing.reached;
import static studio.release.Releasing.report;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/** What runs where: each environment's version, what waits and failed, its freezes and their calendar, and the forms. */
@QuarkusTest
class EnvironmentsPageTest {

    @BeforeEach
    void releases() {
        TestDb.reset();
        studio.release.Releasing.anyEnvironmentFirst();
        reached("m1", "versionTag: v1.0.0");
        promote("product-owner", "m1", "staging").then().statusCode(201);
        report("ReleaseCompleted", "v1.0.0", ",\"environment\":\"staging\"").then().statusCode(201);
        reached("m2", "versionTag: v2.0.0");
        promote("platform-admin", "m2", "production").then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "platform-admin", roles = "platform-admin")
    void showsWhatRunsWhereAndAFreezeAddedThroughTheFormOnItsCalendar() {
        given().get("/releases/environments").then().statusCode(200)
                .body(containsString("<h2 id=\"env-staging\"><a href=\"/releases/environments/staging\">staging</a> </h2>"))
                .body(containsString("<a class=\"mono\" href=\"/releases/v1.0.0?environment=staging\">v1.0.0</a>"))
                .body(containsString("production releases need approval by a product-owner and a compliance-officer"))
                .body(containsString("<a class=\"mono\" href=\"/releases/v2.0.0?environment=production\">v2.0.0</a>"))
                .body(not(containsString("aria-label=\"frozen\"")));

        String from = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES).toString().replace("Z", "");
        String until = Instant.now().plus(30, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES).toString().replace("Z", "");
        CsrfForms.form("/releases/environments").formParam("environment", "production").formParam("name", "incident-7")
                .formParam("from", from).formParam("until", until).formParam("time_zone", "UTC").formParam("reason", "payments incident")
                .post("/releases/environments/freeze-windows").then().statusCode(303);
        given().get("/releases/environments?done=added").then().statusCode(200)
                .body(containsString("Freeze window added."))
                .body(containsString("Frozen by &#39;incident-7&#39; from "))
                .body(containsString("aria-label=\"frozen\""))
                .body(containsString("Holds now"));
        long id = TestDb.count("select id from freeze_window");
        CsrfForms.form("/releases/environments").formParam("environment", "production").formParam("reason", "done early")
                .post("/releases/environments/freeze-windows/" + id + "/remove").then().statusCode(409)
                .body(containsString("holds now and is not lifted by one person"));
        CsrfForms.form("/releases/environments").formParam("environment", "qa").formParam("name", "train").formParam("weekly_from", "FRYDAY 18:00")
                .formParam("weekly_until", "MON 06:00").formParam("reason", "r").post("/releases/environments/freeze-windows").then().statusCode(400)
                .body(containsString("does not start with a day of the week"))
                .body(containsString("value=\"FRYDAY 18:00\""));
        assertEquals(1, TestDb.count("select count(*) from freeze_window"));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void anAuditorReadsItButHasNoForms() {
        given().get("/releases/environments").then().statusCode(200).body(containsString("Freeze calendar"))
                .body(not(containsString("Add a freeze window")));
        CsrfForms.form("/releases/environments").formParam("environment", "qa").formParam("name", "x").formParam("reason", "r")
                .post("/releases/environments/freeze-windows").then().statusCode(403);
        Api.as("auditor").get("/api/environments").then().statusCode(200);
    }

    static long freezeProduction() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return Api.as("platform-admin").contentType("application/json").body("{\"name\":\"incident-9\",\"from\":\"" + now.minusSeconds(60)
                        + "\",\"until\":\"" + now.plusSeconds(3600) + "\",\"reason\":\"payments incident\"}")
                .post("/api/environments/production/freeze-windows").then().statusCode(201).extract().<Integer>path("id");
    }

    @Test
    @TestSecurity(user = "product-owner-2", roles = "product-owner")
    void aFreezeExceptionIsAskedForOnThePageAndItsAskerCannotDecideIt() {
        long window = freezeProduction();
        String expires = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES).toString().replace("Z", "");
        CsrfForms.form("/releases/environments").formParam("window", "production:" + window).formParam("milestone_id", "m2")
                .formParam("justification", " ").formParam("expires_at", expires)
                .post("/releases/environments/freeze-exceptions").then().statusCode(400)
                .body(containsString("Not done: &#39;justification&#39; is required"));
        assertEquals(0, TestDb.count("select count(*) from freeze_exception"));
        CsrfForms.form("/releases/environments").formParam("window", "production:" + window).formParam("milestone_id", "m2")
                .formParam("justification", "the payments fix cures the incident").formParam("expires_at", expires)
                .post("/releases/environments/freeze-exceptions").then().statusCode(303);
        long id = TestDb.count("select id from freeze_exception");
        given().get("/releases/environments?done=asked").then().statusCode(200)
                .body(containsString("Freeze exception requested"))
                .body(containsString("the payments fix cures the incident"))
                .body(containsString("asked by product-owner-2; approvals 0 of 2"))
                .body(not(containsString("Approve exception</button>")));
        CsrfForms.form("/releases/environments").formParam("reason", "mine").post("/releases/environments/freeze-exceptions/" + id + "/approve")
                .then().statusCode(403).body(containsString("two other people decide it"));
        assertEquals(0, TestDb.count("select count(*) from freeze_exception_approval"));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void anotherPersonApprovesOnThePageAndTheSecondApprovalGrantsIt() {
        long window = freezeProduction();
        String until = Instant.now().plusSeconds(7200).truncatedTo(ChronoUnit.SECONDS).toString();
        long id = Api.as("product-owner-2").contentType("application/json").body("{\"milestone_id\":\"m2\",\"window_id\":" + window
                + ",\"justification\":\"the fix is the cure\",\"expires_at\":\"" + until + "\"}")
                .post("/api/environments/production/freeze-exceptions").then().statusCode(201).extract().<Integer>path("id");
        given().get("/releases/environments").then().statusCode(200).body(containsString("Approve exception</button>"));
        CsrfForms.form("/releases/environments").formParam("reason", "small and reviewed")
                .post("/releases/environments/freeze-exceptions/" + id + "/approve").then().statusCode(303);
        given().get("/releases/environments?done=approve").then().statusCode(200)
                .body(containsString("approvals 1 of 2 (product-owner)"))
                .body(not(containsString("Approve exception</button>")));
        Api.as("compliance-officer").contentType("application/json").body("{\"reason\":\"risk accepted\"}")
                .post("/api/environments/production/freeze-exceptions/" + id + "/approve").then().statusCode(200);
        given().get("/releases/environments").then().statusCode(200)
                .body(containsString("<span class=\"chip chip-approved\">granted</span>"))
                .body(containsString("approvals 2 of 2 (product-owner, compliance-officer)"));
    }

    @Test
    @TestSecurity(user = "compliance-officer", roles = "compliance-officer")
    void aChangeThatLoosensAnEnvironmentIsShownAndDecidedOnThePageByASecondPerson() {
        Api.as("platform-admin").contentType("application/yaml").body("environments:\n  - name: qa\n    protected: false\n    approvals: none\n")
                .post("/api/definitions").then().statusCode(200);
        long id = TestDb.count("select max(id) from environment_change");
        given().get("/releases/environments").then().statusCode(200)
                .body(containsString("Change #" + id + " waits for a second person</strong> (proposed by platform-admin"))
                .body(containsString("<li>qa no longer needs 1 approval by qa-lead</li>"))
                .body(containsString("<li>qa is no longer protected</li>"))
                .body(containsString("qa releases need approval by a qa-lead"))
                .body(containsString("Approve change</button>"));
        CsrfForms.form("/releases/environments").formParam("reason", "")
                .post("/releases/environments/qa/changes/" + id + "/approve").then().statusCode(400);
        CsrfForms.form("/releases/environments").formParam("reason", "qa is an open sandbox from now on")
                .post("/releases/environments/qa/changes/" + id + "/approve").then().statusCode(303);
        given().get("/releases/environments?done=change-approve").then().statusCode(200)
                .body(containsString("The change is in force."))
                .body(containsString("qa releases need no approval"))
                .body(containsString("defined by platform-admin on "))
                .body(not(containsString("waits for a second person")));
    }
}
