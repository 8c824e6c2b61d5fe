package studio.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.release.Releasing.*;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/**
 * A staging release CI reported failed: retry and roll back only for product-owner and platform-admin, the others
 * refused with nothing changed; a rollback needs a reason, shown next to its form when missing.
 */
@QuarkusTest
class ReleaseOperationsPageTest {

    static final String PAGE = "/releases/v2.0.0";

    @BeforeEach
    void failed() {
        TestDb.reset();
        reached("m1", "versionTag: v2.0.0");
        promote("product-owner", "m1", "staging").then().statusCode(201);
        report("ReleaseFailed", "v2.0.0", ",\"reason\":\"Docker tag push failure\"").then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "platform-admin", roles = "platform-admin")
    void aPlatformAdminSeesRetryAndRollBackWithTheFailureReason() {
        given().get(PAGE).then().statusCode(200)
                .body(containsString("<span class=\"chip chip-failed\">Failed</span>"))
                .body(containsString("<dd class=\"release-reason\">CI reported failure: Docker tag push failure</dd>"))
                .body(containsString("Retry release</button>"))
                .body(containsString("hx-confirm=\"Roll back release v2.0.0? This cannot be undone.\""))
                .body(not(containsString("Approve release</button>")));
    }

    @Test
    @TestSecurity(user = "compliance-officer", roles = "compliance-officer")
    void othersSeeNeitherAndAreRefused() {
        given().get(PAGE).then().statusCode(200).body(not(containsString("Retry release</button>"))).body(not(containsString("Roll back</button>")));
        CsrfForms.form(PAGE).formParam("reason", "bad").post(PAGE + "/rollback").then().statusCode(403);
        CsrfForms.form(PAGE).post(PAGE + "/retry").then().statusCode(403);
        assertEquals("failed", TestDb.text("select state from release"));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void anAuditorIsRefusedToo() {
        given().get(PAGE).then().statusCode(200).body(not(containsString("method=\"post\"")));
        CsrfForms.form(PAGE).formParam("reason", "bad").post(PAGE + "/rollback").then().statusCode(403);
        assertEquals("failed", TestDb.text("select state from release"));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void aRollbackNeedsAReasonAndThenHappensWithoutJavaScript() {
        CsrfForms.form(PAGE).formParam("reason", "").post(PAGE + "/rollback").then().statusCode(400)
                .body(containsString("<p class=\"form-error\" role=\"alert\">a reason is required to roll a release back</p>"));
        assertEquals("failed", TestDb.text("select state from release"));
        CsrfForms.form(PAGE).formParam("reason", "canary errors <b>5xx</b>").post(PAGE + "/rollback").then().statusCode(303)
                .header("Location", endsWith("/releases/v2.0.0?done=rollback"));
        given().get(PAGE + "?done=rollback").then().statusCode(200)
                .body(containsString("Release rolled back."))
                .body(containsString("<span class=\"chip chip-rolled_back\">Rolled back</span>"))
                .body(containsString("canary errors &lt;b&gt;5xx&lt;/b&gt;"))
                .body(not(containsString("Roll back</button>")))
                .body(containsString("ReleaseRolledBack"));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void aRetryHandsItToCiAgainInPlace() {
        CsrfForms.htmx(PAGE).post(PAGE + "/retry").then().statusCode(200)
                .body(ReleasePageTest.LIVE_FRAGMENT)
                .body(containsString("Release handed to CI again."))
                .body(containsString("<span class=\"chip chip-deploying\">Deploying</span>"))
                .body(not(containsString("Retry release</button>")));
        assertEquals("deploying", TestDb.text("select state from release"));
        CsrfForms.htmx(PAGE).post(PAGE + "/retry").then().statusCode(409).header("HX-Retarget", "#release-live")
                .body(containsString("Not done: release v2.0.0"));
    }
}
