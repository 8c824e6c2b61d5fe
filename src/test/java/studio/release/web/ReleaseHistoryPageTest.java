package studio.release.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.release.Releasing.*;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.release.document.ReleaseHistoryCsv;
import studio.testing.TestDb;

/** The history table: filters including a time range, the CSV of the same filters, analytics over the same releases. */
@QuarkusTest
class ReleaseHistoryPageTest {

    @BeforeEach
    void releases() {
        TestDb.reset();
        studio.release.Releasing.anyEnvironmentFirst();
        reached("m1", "versionTag: v1.0.0");
        reached("m2", "versionTag: v2.0.0");
        promote("product-owner", "m1", "staging").then().statusCode(201);
        report("ReleaseCompleted", "v1.0.0", "").then().statusCode(201);
        promote("product-owner", "m2", "qa").then().statusCode(201);
        create("platform-admin", "{\"milestone_id\":\"m2\",\"environment\":\"staging\",\"version_tag\":\"v2.0.1\"}").then().statusCode(201);
        report("ReleaseFailed", "v2.0.1", ",\"reason\":\"smoke tests red\"").then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void theTableListsEveryReleaseNewestFirstAndFiltersNarrowIt() {
        String all = given().get("/releases/history").then().statusCode(200)
                .body(containsString("<a class=\"mono\" href=\"/releases/v1.0.0\">v1.0.0</a>"))
                .body(containsString("<span class=\"chip chip-failed\">Failed</span>"))
                .body(containsString("href=\"/releases/history/release-history.csv\""))
                .extract().asString();
        assertEquals(true, all.indexOf(">v2.0.1</a>") < all.indexOf(">v1.0.0</a>"), "newest first");
        given().get("/releases/history?milestone=m2&environment=staging").then().statusCode(200)
                .body(containsString(">v2.0.1</a>")).body(not(containsString(">v2.0.0</a>"))).body(not(containsString(">v1.0.0</a>")))
                .body(containsString("href=\"/releases/history/release-history.csv?milestone=m2&amp;environment=staging\""));
        given().get("/releases/history?from=2999-01-01T00:00").then().statusCode(200).body(containsString("No release matches these filters"));
        given().get("/releases/history?to=2999-01-01T00:00&state=completed").then().statusCode(200)
                .body(containsString(">v1.0.0</a>")).body(not(containsString(">v2.0.1</a>")));
        given().get("/releases/history?from=yesterday").then().statusCode(400).body(containsString("&#39;from&#39; is not a time: yesterday"));
        given().header("HX-Request", "true").get("/releases/history?state=failed").then().statusCode(200)
                .body(org.hamcrest.Matchers.matchesPattern("(?s)\\s*<section id=\"history-results\".*</section>\\s*"));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void theCsvHasTheSameFilters() {
        String csv = given().get("/releases/history/release-history.csv?environment=staging").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"release-history.csv\"").extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length);
        assertEquals(String.join(",", ReleaseHistoryCsv.HEADER), lines[0]);
        assertEquals(true, lines[1].startsWith("v1.0.0,m1,staging,completed,"));
        assertEquals(true, lines[2].startsWith("v2.0.1,m2,staging,failed,"));
        given().get("/releases/history/release-history.csv?state=nope").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void analyticsDrawAccessibleSvgWithoutInlineStyles() {
        String html = given().get("/releases/analytics").then().statusCode(200)
                .body(containsString("<title id=\"chart-0-title\">Completed and failed releases per week</title>"))
                .body(containsString("1 completed and 1 failed or rolled back over 12 weeks"))
                .body(containsString("Median time from MilestoneReached to ReleaseCompleted"))
                .body(containsString("from MilestoneReached to ReleaseCompleted over 1 releases"))
                .body(containsString("No deployed release has QA data yet"))
                .body(containsString("<th scope=\"col\">Completed</th>"))
                .extract().asString();
        assertEquals(5, ReleaseDashboardPageTest.count(html, "<svg class=\"chart\""));
        assertEquals(0, ReleaseDashboardPageTest.count(html, " style="), "CSP forbids inline styles");
        assertEquals(0, ReleaseDashboardPageTest.count(html, "<script>"));
    }
}
