package studio.release.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.release.Releasing.*;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/** The release dashboard: empty state, cards, filters, keyset "load more", and promotion for the people who may. */
@QuarkusTest
class ReleaseDashboardPageTest {

    @BeforeEach
    void clean() {
        TestDb.reset();
        studio.release.Releasing.anyEnvironmentFirst();
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void theEmptyStateExplainsPromotionAndAnAuditorGetsNoForm() {
        given().get("/releases").then().statusCode(200)
                .body(containsString("No releases yet"))
                .body(containsString("A release is promoted from a milestone that is <strong>Reached</strong>"))
                .body(containsString("<a href=\"/releases\" aria-current=\"page\">Releases</a>"))
                .body(not(containsString("Promote a milestone")));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void aProductOwnerPromotesAReachedMilestoneFromTheDashboardWithoutJavaScript() {
        defined("m0");
        reached("m1", "versionTag: v1.0.0");
        given().get("/releases").then().statusCode(200)
                .body(containsString("Promote a milestone"))
                .body(containsString("<option value=\"m1\">Milestone m1 (m1) · Reached</option>"))
                .body(not(containsString("<option value=\"m0\"")));
        CsrfForms.form("/releases").formParam("milestone_id", "m1").formParam("environment", "production").post("/releases").then()
                .statusCode(303).header("Location", endsWith("/releases/v1.0.0?done=created"));
        given().get("/releases/v1.0.0?done=created").then().statusCode(200).body(containsString("Release requested."));
        given().get("/releases").then().statusCode(200)
                .body(containsString("<a class=\"release-tag mono\" href=\"/releases/v1.0.0\">v1.0.0</a>"))
                .body(containsString("<span class=\"chip chip-paused_for_approval\">Paused for approval</span>"))
                .body(containsString("<dt>Milestone</dt><dd><a href=\"/milestones/m1\">Milestone m1</a></dd>"))
                .body(containsString("<dt>Environment</dt><dd>production</dd>"))
                .body(containsString("<dt>QA coverage</dt><dd class=\"num\">no QA data</dd>"))
                .body(containsString("<dt>Approvals</dt><dd>0/2 given/required</dd>"))
                .body(containsString("<dt>Trigger</dt><dd>manual</dd>"))
                .body(containsString("just now</time> · by product-owner"));
    }

    @Test
    @TestSecurity(user = "platform-admin", roles = "platform-admin")
    void aRefusedPromotionIsShownWithWhatWasTypedAndNothingIsStored() {
        defined("m0");
        reached("m1", "versionTag: v1.0.0");
        CsrfForms.form("/releases").formParam("milestone_id", "m0").formParam("environment", "production").formParam("version_tag", "v9")
                .post("/releases").then().statusCode(409)
                .body(containsString("Not promoted (409): milestone m0 is "))
                .body(containsString("only a Reached or Closed milestone can be released"))
                .body(containsString("name=\"version_tag\" value=\"v9\""));
        assertEquals(0, TestDb.count("select count(*) from release"));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void aQaLeadSeesNoPromotionAndIsRefusedIt() {
        reached("m1", "versionTag: v1.0.0");
        given().get("/releases").then().statusCode(200).body(not(containsString("Promote a milestone")));
        given().get("/milestones/m1").then().statusCode(200).body(not(containsString("Promote to a release</button>")))
                .body(containsString("href=\"/releases?milestone=m1\""));
        CsrfForms.form("/releases").formParam("milestone_id", "m1").formParam("environment", "staging").post("/releases").then().statusCode(403);
        assertEquals(0, TestDb.count("select count(*) from release"));
    }

    @Test
    @TestSecurity(user = "platform-admin", roles = "platform-admin")
    void theMilestonePageOffersPromotionOnceReached() {
        defined("m0");
        given().get("/milestones/m0").then().statusCode(200).body(not(containsString("Promote to a release")));
        reached("m1", "versionTag: v1.0.0");
        given().get("/milestones/m1").then().statusCode(200)
                .body(containsString("<input type=\"hidden\" name=\"milestone_id\" value=\"m1\">"))
                .body(containsString("Promote to a release</button>"));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void filtersNarrowTheCardsAndAWrongOneIsExplained() {
        reached("m1", "versionTag: v1.0.0");
        promote("product-owner", "m1", "production").then().statusCode(201);
        create("product-owner", "{\"milestone_id\":\"m1\",\"environment\":\"staging\",\"version_tag\":\"v1.0.1\"}").then().statusCode(201);
        given().get("/releases?environment=production").then().statusCode(200)
                .body(containsString(">v1.0.0</a>")).body(not(containsString(">v1.0.1</a>")))
                .body(containsString("<option value=\"production\" selected>"));
        given().get("/releases?state=deploying").then().statusCode(200)
                .body(containsString(">v1.0.1</a>")).body(not(containsString(">v1.0.0</a>")));
        given().get("/releases?milestone=other").then().statusCode(200).body(containsString("No release matches these filters"));
        given().get("/releases?state=flying").then().statusCode(400).body(containsString("unknown status &#39;flying&#39;"));
        given().header("HX-Request", "true").get("/releases?environment=staging").then().statusCode(200)
                .body(org.hamcrest.Matchers.matchesPattern("(?s)\\s*<section id=\"release-results\".*</section>\\s*"))
                .body(containsString(">v1.0.1</a>"));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void loadMoreContinuesAfterTheLastCardWithoutOffset() {
        reached("m1", "versionTag: v1.0.0");
        for (int i = 1; i <= ReleaseDashboardQuery.CARDS + 1; i++) {
            create("product-owner", "{\"milestone_id\":\"m1\",\"environment\":\"staging\",\"version_tag\":\"r" + i + "\"}").then().statusCode(201);
        }
        String first = given().get("/releases").then().statusCode(200).extract().asString();
        assertEquals(ReleaseDashboardQuery.CARDS, count(first, "class=\"release-card\""));
        assertEquals(false, first.contains(">r1</a>"), "the oldest release is on the next page");
        Matcher more = Pattern.compile("hx-get=\"(/releases/more\\?after=[^\"]+)\"").matcher(first);
        assertEquals(true, more.find(), "a load-more link");
        String next = given().header("HX-Request", "true").get(more.group(1).replace("&amp;", "&")).then().statusCode(200).extract().asString();
        assertEquals(1, count(next, "class=\"release-card\""));
        assertEquals(true, next.contains(">r1</a>"));
        assertEquals(false, next.contains("Load more releases"));
    }

    static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
