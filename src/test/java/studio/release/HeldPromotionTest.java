package studio.release;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.release.Releasing.*;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/**
 * "Reject Promotion: block further attempts until fix", and no release of a paused milestone: every route to a
 * release (POST /api/releases, the page's promote form, a second tab, autoPromotion) is refused naming the reason.
 */
@QuarkusTest
class HeldPromotionTest {

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    static long releases() {
        return TestDb.count("select count(*) from release");
    }

    static void hold(String user, String path, String reason) {
        Api.as(user).contentType("application/json").body("{\"reason\":\"" + reason + "\"}").post(path).then().statusCode(200);
    }

    @Test
    void aRejectedPromotionRefusesTheReleaseApiUntilLifted() {
        reached("rp");
        hold("product-owner", "/api/milestones/rp/promotion/reject", "CVE-2025-1234 still open");
        promote("platform-admin", "rp", "staging").then().statusCode(409)
                .body("errors[0].message", containsString("the promotion of milestone rp was rejected by product-owner: CVE-2025-1234 still open"));
        assertEquals(0, releases());
        hold("product-owner", "/api/milestones/rp/promotion/lift", "CVE fixed in 1.0.1");
        promote("platform-admin", "rp", "staging").then().statusCode(201);
    }

    @Test
    void aPausedMilestoneIsNotReleasedByTheApiNorByAutoPromotion() {
        reached("pz");
        hold("product-owner", "/api/milestones/pz/pause", "legal hold");
        promote("product-owner", "pz", "staging").then().statusCode(409)
                .body("errors[0].message", containsString("milestone pz is paused by product-owner: legal hold"));
        assertEquals(0, releases());

        defined("auto", "autoPromotion: true");
        Api.as("product-owner").post("/api/milestones/auto/evaluate").then().statusCode(200);
        hold("product-owner", "/api/milestones/auto/pause", "legal hold");
        signal("auto", "pass");
        assertEquals("verifying", TestDb.text("select state from milestone where id = 'auto'"), "paused: evidence does not reach it");
        hold("product-owner", "/api/milestones/auto/unpause", "cleared");
        assertEquals("reached", TestDb.text("select state from milestone where id = 'auto'"));
        assertEquals(1, TestDb.count("select count(*) from release where milestone_id = 'auto'"), "resumed: autoPromotion goes ahead");
    }

    @Test
    void aPausedMilestoneCannotBeForceClosed() {
        defined("fc", "manualOverrideAllowed: true");
        signal("fc", "fail");
        Api.as("product-owner").post("/api/milestones/fc/evaluate").then().statusCode(200);
        Api.as("product-owner").contentType("application/json").body("{\"reason\":\"needs a decision\"}")
                .post("/api/milestones/fc/escalate").then().statusCode(200);
        hold("platform-admin", "/api/milestones/fc/pause", "investigating");
        Api.as("product-owner").contentType("application/json").body("{\"reason\":\"accept the risk\"}")
                .post("/api/milestones/fc/force-close").then().statusCode(409)
                .body("errors[0].message", containsString("not paused"));
        assertEquals("escalated", TestDb.text("select state from milestone where id = 'fc'"));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void theReleasePageFormIsRefusedInASecondTabAfterARejection() {
        reached("tab");
        var secondTab = CsrfForms.form("/milestones/tab").formParam("milestone_id", "tab").formParam("environment", "staging");
        hold("product-owner", "/api/milestones/tab/promotion/reject", "wrong build");
        secondTab.post("/releases").then().statusCode(409).body(containsString("wrong build"));
        assertEquals(0, releases());
        CsrfForms.form("/milestones/tab").formParam("reason", "fixed").post("/milestones/tab/promotion/lift").then().statusCode(303);
        CsrfForms.form("/releases").formParam("milestone_id", "tab").formParam("environment", "staging").post("/releases").then().statusCode(303);
    }
}
