package studio.bypass;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.milestone.GovernedFixture;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/**
 * Force close and terminate are four-eyes requests, whichever route asks: one governor (platform-admin included)
 * cannot push a milestone with failing gates to Reached or end it alone, nor can whoever escalated it approve.
 */
@QuarkusTest
class FourEyesBypassTest {

    static final String PAGE = "/milestones/sec";

    @BeforeEach
    void escalatedWithAFailingGate() {
        GovernedFixture.defined();
        GovernedFixture.blocked("sec", "noCriticalFindings");
    }

    @Test
    void oneGovernorCannotForceCloseAloneAndASecondOneCan() {
        escalate("product-owner");
        long id = request("product-owner", "force-close").statusCode(202).body("status", equalTo("requested"))
                .extract().<Number>path("bypass_id").longValue();
        assertEquals("escalated", state());

        decide("product-owner", id, "approve").statusCode(403).body("errors[0].message", containsString("requested"));
        decide("qa-lead", id, "approve").statusCode(403);
        decide("auditor", id, "approve").statusCode(403);
        assertEquals("escalated", state());

        decide("product-owner-2", id, "approve").statusCode(200).body("status", equalTo("approved"));
        assertEquals("reached", state());
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'MilestoneBypassRequested' and actor = 'product-owner'"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'MilestoneBypassApproved' and actor = 'product-owner-2'"));
        decide("platform-admin", id, "approve").statusCode(409);
    }

    @Test
    void whoeverEscalatedTheMilestoneCannotApproveItsForceClose() {
        escalate("product-owner-2");
        long id = request("product-owner", "force-close").statusCode(202).extract().<Number>path("bypass_id").longValue();
        decide("product-owner-2", id, "approve").statusCode(403).body("errors[0].message", containsString("escalated"));
        assertEquals("escalated", state());
        decide("platform-admin", id, "approve").statusCode(200);
        assertEquals("reached", state());
    }

    @Test
    void aPlatformAdminIsARequesterLikeAnyoneAndACiTokenCannotAsk() {
        escalate("product-owner");
        long id = request("platform-admin", "terminate").statusCode(202).extract().<Number>path("bypass_id").longValue();
        decide("platform-admin", id, "approve").statusCode(403);
        assertEquals("escalated", state());
        request("ci", "force-close").statusCode(403);
        decide("product-owner-2", id, "reject").statusCode(200).body("status", equalTo("rejected"));
        assertEquals("escalated", state());
        decide("compliance-officer", id, "approve").statusCode(403);
        decide("product-owner-2", id, "approve").statusCode(409).body("errors[0].message", containsString("already rejected"));
        assertEquals("escalated", state());
    }

    @Test
    void oneOpenRequestOfAKindAtATime() {
        escalate("product-owner");
        request("product-owner", "force-close").statusCode(202);
        request("product-owner-2", "force-close").statusCode(409);
        assertEquals(1, TestDb.count("select count(*) from bypass_request"));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void thePageFormOnlyRequestsAndTheMilestoneDoesNotMove() {
        escalate("product-owner-2");
        CsrfForms.form(PAGE).formParam("reason", "board decision 2025-05").post(PAGE + "/force-close").then().statusCode(303);
        assertEquals("escalated", state());
        long id = TestDb.count("select id from bypass_request");
        given().get(PAGE + "?done=force-close").then().statusCode(200)
                .body(containsString("Force close requested; a second governor must approve it."))
                .body(containsString("Force close #" + id));
        CsrfForms.form(PAGE).formParam("reason", "me again").post(PAGE + "/bypasses/" + id + "/approve").then().statusCode(403);
        assertEquals("escalated", state());
    }

    @Test
    @TestSecurity(user = "product-owner-2", roles = "product-owner")
    void aSecondGovernorSeesThePendingRequestOnTheMilestonePageAndApprovesItThere() {
        escalate("product-owner");
        long id = request("product-owner", "force-close").statusCode(202).extract().<Number>path("bypass_id").longValue();
        given().get(PAGE).then().statusCode(200)
                .body(containsString("action=\"" + PAGE + "/bypasses/" + id + "/approve\""))
                .body(containsString("Approve force close"));
        CsrfForms.form(PAGE).formParam("reason", "agreed at the board").post(PAGE + "/bypasses/" + id + "/approve").then().statusCode(303);
        assertEquals("reached", state());
    }

    private static void escalate(String who) {
        Api.as(who).contentType("application/json").body("{\"reason\":\"vendor audit overdue\"}").post("/api/milestones/sec/escalate")
                .then().statusCode(200).body("status", equalTo("escalated"));
    }

    private static ValidatableResponse request(String who, String kind) {
        return Api.as(who).contentType("application/json").body("{\"reason\":\"board decision 2025-05\"}")
                .post("/api/milestones/sec/" + kind).then();
    }

    private static ValidatableResponse decide(String who, long id, String decision) {
        return Api.as(who).contentType("application/json").body("{\"reason\":\"agreed at the board\"}")
                .post("/api/bypasses/" + id + "/" + decision).then();
    }

    private static String state() {
        return TestDb.text("select state from milestone where id = 'sec'");
    }
}
