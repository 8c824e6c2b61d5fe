package studio.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.release.Releasing.decide;
import static studio.release.Releasing.promote;
import static studio.release.Releasing.reached;
import static studio.release.Releasing.release;
import static studio.release.Releasing.report;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/**
 * The hotfix path (docs/API.md "Hotfixes"): a completed version's content with a new commit goes straight to one
 * environment as a new version, under its policy plus one approver more (all different people, never the requester),
 * with a justification signed with it; once CI completed it, someone other than its requester reviews it. Wrong input,
 * the wrong people, a version that never completed and a freeze are refused with nothing stored; it is marked wherever
 * releases are listed.
 */
@QuarkusTest
class HotfixTest {

    static final String WHY = "payments fail for every card since v1.0.0";

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    /** Version v1.0.0 of m1 completed in staging (m1 is Closed). */
    static void completedInStaging() {
        reached("m1", "versionTag: v1.0.0");
        promote("ci", "m1", "staging").then().statusCode(201);
        report("ReleaseCompleted", "v1.0.0", ",\"environment\":\"staging\"").then().statusCode(201);
        Api.milestone("m1").then().body("status", equalTo("closed"));
    }

    static Response hotfix(String who, String base, String body) {
        return Api.as(who).contentType("application/json").body(body).post("/api/releases/" + base + "/hotfixes");
    }

    static String order(String tag, String justification) {
        return "{\"version_tag\":\"" + tag + "\",\"commit\":\"4f2a9c1\",\"justification\":\"" + justification + "\"}";
    }

    static Response review(String who, String tag, String notes) {
        return Api.as(who).contentType("application/json").body("{\"notes\":\"" + notes + "\"}").post("/api/releases/" + tag + "/hotfix-review");
    }

    static long releases() {
        return TestDb.count("select count(*) from release");
    }

    /** v1.0.1, a hotfix of v1.0.0 requested by product-owner, approved by three other people and completed by CI in production. */
    static void hotfixCompleted() {
        hotfix("product-owner", "v1.0.0", order("v1.0.1", WHY)).then().statusCode(201);
        decide("product-owner-2", "v1.0.1", "approve", "the fix is the one line we discussed").then().statusCode(200);
        decide("compliance-officer", "v1.0.1", "approve", "justified").then().statusCode(200);
        decide("security-officer", "v1.0.1", "approve", "no new exposure").then().statusCode(200);
        report("ReleaseCompleted", "v1.0.1", ",\"environment\":\"production\"").then().statusCode(201);
    }

    @Test
    void aHotfixGoesStraightToProductionAndNeedsThreeOtherPeopleThenAReviewByAFourth() {
        completedInStaging();
        hotfix("product-owner", "v1.0.0", order("v1.0.1", WHY)).then().statusCode(201)
                .body("version_tag", equalTo("v1.0.1")).body("environment", equalTo("production"))
                .body("status", equalTo("paused_for_approval")).body("hotfix_of", equalTo("v1.0.0"))
                .body("hotfix_justification", equalTo(WHY)).body("hotfix_review", nullValue())
                .body("deployments[0].promoted_from", nullValue()).body("deployments[0].hotfix_of", equalTo("v1.0.0"))
                .body("approval_status.policy", equalTo("production releases need approval by a product-owner and a compliance-officer and "
                        + "a security-officer (different people)"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'ReleaseHotfixRequested' and subject_id = 'v1.0.1'"));

        decide("product-owner", "v1.0.1", "approve", "I asked for it").then().statusCode(403);
        decide("product-owner-2", "v1.0.1", "approve", "the fix is the one line we discussed").then().statusCode(200);
        decide("compliance-officer", "v1.0.1", "approve", "justified").then().statusCode(200);
        release("v1.0.1").then().body("status", equalTo("paused_for_approval"));
        decide("security-officer", "v1.0.1", "approve", "no new exposure").then().statusCode(200);
        release("v1.0.1").then().body("status", equalTo("deploying"));

        review("qa-lead", "v1.0.1", "looked early").then().statusCode(409)
                .body("errors[0].message", containsString("review opens when CI reports it completed"));
        report("ReleaseCompleted", "v1.0.1", ",\"environment\":\"production\"").then().statusCode(201);
        release("v1.0.1").then().body("status", equalTo("completed")).body("hotfix_review.status", equalTo("open"))
                .body("hotfix_review.state", equalTo("open"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'HotfixReviewOpened'"));
        Api.as("auditor").get("/api/releases/v1.0.1/notes.md").then().statusCode(200)
                .body(containsString("**Hotfix of:** v1.0.0")).body(containsString(WHY));

        review("product-owner", "v1.0.1", "all good").then().statusCode(403);
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'AuthorizationRefused'"
                + " and cast(payload as jsonb)->>'action' = 'review hotfix v1.0.1'"));
        review("ci", "v1.0.1", "all good").then().statusCode(403);
        review("qa-lead", "v1.0.1", " ").then().statusCode(400).body("errors[0].message", containsString("'notes' is required"));
        review("qa-lead", "v1.0.1", "root cause fixed; regression test added").then().statusCode(200)
                .body("hotfix_review.status", equalTo("done")).body("hotfix_review.reviewed_by", equalTo("qa-lead"))
                .body("hotfix_review.notes", equalTo("root cause fixed; regression test added"));
        review("compliance-officer", "v1.0.1", "again").then().statusCode(409).body("errors[0].message", containsString("reviewed already"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'HotfixReviewed'"));
        review("qa-lead", "v1.0.0", "not one").then().statusCode(409).body("errors[0].message", containsString("is not a hotfix"));
    }

    @Test
    void wrongInputWrongPeopleAndWrongMomentsAreRefusedWithNothingStored() {
        completedInStaging();
        hotfix("ci", "v1.0.0", order("v1.0.1", WHY)).then().statusCode(403);
        hotfix("qa-lead", "v1.0.0", order("v1.0.1", WHY)).then().statusCode(403);
        hotfix("product-owner", "v1.0.0", "{\"version_tag\":\"v1.0.1\",\"commit\":\"4f2a9c1\"}").then().statusCode(400)
                .body("errors[0].message", containsString("'justification' is required"));
        hotfix("product-owner", "v1.0.0", order("v1.0.1", "urgent")).then().statusCode(400)
                .body("errors[0].message", containsString("'justification' must be at least 20 characters"));
        hotfix("product-owner", "v1.0.0", "{\"version_tag\":\"v1.0.1\",\"justification\":\"" + WHY + "\"}").then().statusCode(400)
                .body("errors[0].message", containsString("'commit' is required"));
        hotfix("product-owner", "v1.0.0", "{\"version_tag\":\"v1.0.1\",\"commit\":\"4f2a9c1\",\n\"justification\":\"" + WHY
                + "\",\n\"approvers\":[\"me\"]}").then().statusCode(400)
                .body("errors[0].message", containsString("unknown field 'approvers'")).body("errors[0].line", equalTo(3));
        hotfix("product-owner", "v1.0.0", order("v1.0.0", WHY)).then().statusCode(409)
                .body("errors[0].message", containsString("version tag v1.0.0 exists"));
        hotfix("product-owner", "v9.9.9", order("v1.0.1", WHY)).then().statusCode(404);

        reached("m2", "versionTag: v2.0.0");
        promote("ci", "m2", "staging").then().statusCode(201).body("status", equalTo("deploying"));
        hotfix("product-owner", "v2.0.0", order("v2.0.1", WHY)).then().statusCode(409)
                .body("errors[0].message", equalTo("version v2.0.0 never completed in any environment; a hotfix starts from a version that did"));

        FreezeWindowsTest.freezeNow("production");
        hotfix("platform-admin", "v1.0.0", order("v1.0.1", WHY)).then().statusCode(409)
                .body("errors[0].message", containsString("production is frozen by 'incident-42' from "))
                .body("errors[0].message", containsString("hotfix v1.0.1 of v1.0.0 to production waits until the freeze ends"));
        assertEquals(2, releases(), "refused hotfixes store nothing");

        Api.as("platform-admin").contentType("application/json").queryParam("dry_run", "true")
                .body("{\"version_tag\":\"v1.0.1\",\"commit\":\"4f2a9c1\",\"justification\":\"" + WHY + "\",\"environment\":\"staging\"}")
                .post("/api/releases/v1.0.0/hotfixes").then().statusCode(200).body("dry_run", equalTo(true))
                .body("hotfix_of", equalTo("v1.0.0")).body("status", equalTo("paused_for_approval"))
                .body("approval_status.policy", equalTo("staging releases need approval by a security-officer"));
        assertEquals(2, releases(), "a dry run stores nothing");
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void theReleasePageAsksForAHotfixAndEveryListMarksIt() {
        completedInStaging();
        String base = "/releases/v1.0.0";
        given().get(base).then().statusCode(200).body(containsString("Request hotfix</button>"))
                .body(containsString("<option value=\"production\" selected>production</option>"));
        CsrfForms.form(base).formParam("version_tag", "v1.0.1").formParam("commit", "4f2a9c1").formParam("environment", "production")
                .formParam("justification", "too short").post(base + "/hotfix").then().statusCode(400)
                .body(containsString("&#39;justification&#39; must be at least 20 characters"));
        assertEquals(1, releases());
        CsrfForms.form(base).formParam("version_tag", "v1.0.1").formParam("commit", "4f2a9c1").formParam("environment", "production")
                .formParam("justification", WHY).post(base + "/hotfix").then().statusCode(303)
                .header("Location", containsString("/releases/v1.0.1?done=hotfix"));

        given().get("/releases/v1.0.1?done=hotfix").then().statusCode(200).body(containsString("Hotfix requested"))
                .body(containsString("<span class=\"chip chip-hotfix\""))
                .body(containsString(">Hotfix of v1.0.0</span>")).body(containsString(WHY))
                .body(not(containsString("Request hotfix</button>"))); // not completed anywhere yet
        given().get("/releases").then().statusCode(200).body(containsString(">Hotfix of v1.0.0</span>"));
        given().get("/releases/history").then().statusCode(200).body(containsString(">Hotfix of v1.0.0</span>"));
        given().get("/releases/environments/production").then().statusCode(200).body(containsString(">Hotfix of v1.0.0</span>"));
        given().get("/releases/environments").then().statusCode(200).body(containsString(">Hotfix of v1.0.0</span>"));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void theReviewIsListedOnTheDashboardAndRecordedFromTheReleasePage() {
        completedInStaging();
        hotfixCompleted();
        given().get("/releases").then().statusCode(200).body(containsString("Hotfix reviews open"))
                .body(containsString("<a class=\"mono\" href=\"/releases/v1.0.1#hotfix-review\">v1.0.1</a>"));
        String page = "/releases/v1.0.1";
        given().get(page).then().statusCode(200).body(containsString("Post-release review")).body(containsString("Record the review</button>"));
        CsrfForms.form(page).formParam("notes", "root cause fixed; regression test added").post(page + "/hotfix-review").then().statusCode(303);
        given().get(page + "?done=hotfix-review").then().statusCode(200).body(containsString("Hotfix review recorded."))
                .body(containsString("Reviewed by <strong>qa-lead</strong>")).body(not(containsString("Record the review</button>")));
        given().get("/releases").then().statusCode(200).body(not(containsString("Hotfix reviews open")));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void theRequesterSeesTheOpenReviewWithoutAForm() {
        completedInStaging();
        hotfixCompleted();
        given().get("/releases/v1.0.1").then().statusCode(200).body(containsString("Post-release review"))
                .body(not(containsString("Record the review</button>")));
    }
}
