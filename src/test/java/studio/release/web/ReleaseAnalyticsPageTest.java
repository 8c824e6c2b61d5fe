package studio.release.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.release.Releasing.*;
import static studio.testing.Story.*;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.format.Durations;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * The analytics page's features per version and its time from MilestoneReached to ReleaseCompleted per environment,
 * for releases driven through the real API, and what it says before anything was released.
 */
@QuarkusTest
class ReleaseAnalyticsPageTest {

    private static final Pattern ROW = Pattern.compile("<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td>(.*?)</td>", Pattern.DOTALL);

    @BeforeEach
    void clean() {
        TestDb.reset();
        studio.release.Releasing.anyEnvironmentFirst();
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void beforeAnyReleaseBothChartsSaySoAndOpenTheirEmptyTable() {
        String html = page();
        String features = section(html, "Features per version");
        assertTrue(features.contains("No version released yet."), features);
        assertTrue(features.contains("<details class=\"chart-table\" open>") && features.contains("No data yet."), features);
        assertEquals(0, features.split("<rect ", -1).length - 1, "no bars");
        String lead = section(html, "Time from MilestoneReached to ReleaseCompleted per environment (hours)");
        assertTrue(lead.contains("No release completed in any environment in these weeks after its milestone was reached."), lead);
        assertTrue(lead.contains("No data yet."), lead);
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void releasedVersionsShowTheirFeaturesAndEachEnvironmentItsLeadTime() {
        // the spec's mvp-ready story: two features, released automatically to staging
        Api.importDefinitions(MILESTONES).then().statusCode(200);
        Api.event(planned(CORE, "BookingFlow", "2025-05-12T10:00:00Z")).then().statusCode(201);
        Api.event(planned(COMM, "Notification.Email.Send", "2025-05-12T10:05:00Z")).then().statusCode(201);
        Api.traceMatrix(CORE, matrix(CORE, "BookingFlow", 17)).then().statusCode(201);
        Api.traceMatrix(COMM, matrix(COMM, "Notification.Email.Send", 18)).then().statusCode(201);
        Api.qaReport(CORE, qa(CORE, "BookingFlow", "93.1")).then().statusCode(201);
        Api.qaReport(COMM, qa(COMM, "Notification.Email.Send", "89.6")).then().statusCode(201);
        Api.event(closed(CORE, "2025-05-13T14:45:00Z")).then().statusCode(201);
        Api.event(closed(COMM, "2025-05-14T16:04:00Z")).then().statusCode(201);
        report("ReleaseCompleted", "mvp-v1", "").then().statusCode(201);
        // a release without features, approved into production; and one that never completes
        reached("m1", "versionTag: v1.0.0");
        promote("platform-admin", "m1", "production").then().statusCode(201);
        decide("product-owner", "v1.0.0", "approve", "Scope delivered").then().statusCode(200);
        decide("compliance-officer", "v1.0.0", "approve", "Audit evidence complete").then().statusCode(200);
        report("ReleaseCompleted", "v1.0.0", "").then().statusCode(201);
        reached("m2", "versionTag: v2.0.0");
        promote("product-owner", "m2", "qa").then().statusCode(201);
        release("v1.0.0").then().body("status", equalTo("completed"));

        String html = page();
        List<List<String>> features = rows(section(html, "Features per version"));
        assertEquals(List.of(List.of("mvp-v1", "staging", releasedAt("mvp-v1"), "2"), List.of("v1.0.0", "production", releasedAt("v1.0.0"), "0")),
                features.stream().map(r -> List.of(r.get(0), r.get(1), r.get(2), r.get(3))).toList(), "oldest first; v2.0.0 was not released");
        assertTrue(section(html, "Features per version").contains("<title>mvp-v1 (staging): 2 features</title>"));

        List<List<String>> lead = rows(section(html, "Time from MilestoneReached to ReleaseCompleted per environment (hours)"));
        String staging = leadTime("mvp-ready", "mvp-v1");
        String production = leadTime("m1", "v1.0.0");
        assertEquals(List.of(List.of("staging", staging, staging, "1"), List.of("production", production, production, "1")), lead,
                "in lifecycle order: median and 90th percentile of one release are its own lead time; qa has none completed");
    }

    private static String page() {
        return given().get("/releases/analytics").then().statusCode(200).extract().asString();
    }

    /** The chart's section, found by its heading. */
    private static String section(String html, String title) {
        int heading = html.indexOf(">" + title + "</h2>");
        assertTrue(heading > 0, "no chart " + title);
        int start = html.lastIndexOf("<section", heading);
        return html.substring(start, html.indexOf("</section>", heading));
    }

    /** The chart's table, one list of cells per row (the row header first). */
    private static List<List<String>> rows(String section) {
        List<List<String>> rows = new ArrayList<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            List<String> cells = new ArrayList<>(List.of(row.group(1)));
            Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) cells.add(cell.group(1));
            rows.add(cells);
        }
        return rows;
    }

    private static String releasedAt(String tag) {
        return instant("select to_char(released_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US') from release where version_tag = '" + tag + "'")
                .toString();
    }

    /** From the milestone's MilestoneReached in the audit chain to the release's completion, as the page spells it. */
    private static String leadTime(String milestone, String tag) {
        Instant reached = instant("select to_char(max(occurred_at) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US') from audit_event "
                + "where type = 'MilestoneReached' and subject_id = '" + milestone + "'");
        return Durations.spelled(Duration.between(reached, Instant.parse(releasedAt(tag))));
    }

    private static Instant instant(String sql) {
        return Instant.parse(TestDb.text(sql) + "Z");
    }
}
