package studio.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.Html;
import studio.testing.TestDb;

/**
 * The timeline: "late" (phase build, owner ana) is past its target date with a running sprint; "fine" (phase launch,
 * owner bo) has a sprint that started and closed and a target far ahead.
 */
@QuarkusTest
@TestSecurity(user = "auditor", roles = "auditor")
class TimelinePageTest {

    static final String PLAN = """
            milestones:
              - id: late
                name: Late delivery
                phase: build
                owner: ana
                targetDate: 2020-01-31
                governedBy: product-owner
                requiredFeatures: [LateFeature]
                gateConditions: [allSprintsClosed]
              - id: fine
                name: Fine launch
                phase: launch
                owner: bo
                targetDate: 2099-01-01
                governedBy: product-owner
                gateConditions: [securityValidated]
            """;

    @BeforeEach
    void setUp() {
        TestDb.reset();
        Api.importDefinitions(PLAN).then().statusCode(200);
        planned("late-s1", "late", "LateFeature", "2026-01-01T09:00:00Z");
        started("late-s1", "2026-01-05T09:00:00Z");
        planned("fine-s1", "fine", "FineFeature", "2026-01-01T09:00:00Z");
        started("fine-s1", "2026-01-02T09:00:00Z");
        Api.event("{\"event\":\"SprintClosed\",\"sprintId\":\"fine-s1\",\"timestamp\":\"2026-01-09T09:00:00Z\"}").then().statusCode(201);
    }

    @Test
    void showsSprintSpansATodayLineAndTheAtRiskMilestone() {
        String page = given().get("/timeline").then().statusCode(200).extract().asString();
        assertEquals(1, Html.elements(page, "svg").stream().filter(e -> "timeline-chart".equals(e.attr("id"))).count());
        assertTrue(Html.elements(page, "title").stream().anyMatch(t -> t.text().contains("Timeline of 2 milestones")), "the chart has a title");
        assertTrue(Html.elements(page, "desc").stream().anyMatch(d -> d.text().contains("today")), "the chart is described");
        assertTrue(Html.elements(page, "line").stream().anyMatch(l -> "today-line".equals(l.attr("id"))), "a today line");
        List<Html.Element> bars = Html.elements(page, "rect").stream().filter(r -> "sprint-bar".equals(r.attr("class"))).toList();
        assertEquals(2, bars.size(), "one bar per started sprint");
        Html.Element late = band(page, "late");
        assertTrue(late.attr("class").contains("at-risk"), "late is marked at risk: " + late.attr("class"));
        assertTrue(late.text().contains("past its target date"), "and says why, in words: " + late.text());
        assertFalse(band(page, "fine").attr("class").contains("at-risk"));
        assertTrue(band(page, "late-s1").text().contains("now (running)"), band(page, "late-s1").text());
        assertTrue(band(page, "fine-s1").text().contains("2026-01-02 to 2026-01-09"), band(page, "fine-s1").text());
        assertEquals("Showing 2 of 2 milestones.", text(page, "timeline-count"));
    }

    @Test
    void filtersByPhaseOwnerAndRiskAndCapsTheRows() {
        String launch = given().queryParam("phase", "launch").get("/timeline").then().statusCode(200).extract().asString();
        assertTrue(bandIds(launch).contains("fine") && !bandIds(launch).contains("late"), bandIds(launch).toString());
        String ana = given().queryParam("owner", "ana").get("/timeline").then().statusCode(200).extract().asString();
        assertEquals(List.of("late", "late-s1"), bandIds(ana));
        String risky = given().queryParam("at_risk", "true").get("/timeline").then().statusCode(200).extract().asString();
        assertEquals(List.of("late", "late-s1"), bandIds(risky));
        String one = given().queryParam("limit", "1").get("/timeline").then().statusCode(200).extract().asString();
        assertEquals("Showing 1 of 2 milestones (the first by target date).", text(one, "timeline-count"));
    }

    @Test
    void aBadFilterIsRefusedClearly() {
        given().queryParam("phase", "nope").get("/timeline").then().statusCode(400)
                .body(containsString("phase &#39;nope&#39; is not the phase of any milestone; phases: build, launch"));
        given().queryParam("at_risk", "maybe").get("/timeline").then().statusCode(400)
                .body(containsString("at_risk &#39;maybe&#39; must be true or false"));
        given().queryParam("limit", "0").get("/timeline").then().statusCode(400).body(containsString("limit"));
    }

    @Test
    void withoutMilestonesItSaysHowToGetSome() {
        TestDb.reset();
        String page = given().get("/timeline").then().statusCode(200).extract().asString();
        assertTrue(text(page, "timeline-empty").contains("No milestones yet"));
    }

    private static Html.Element band(String page, String id) {
        return Html.elements(page, "g").stream().filter(g -> id.equals(g.attr("data-id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no band " + id));
    }

    private static List<String> bandIds(String page) {
        return Html.elements(page, "g").stream().map(g -> g.attr("data-id")).filter(java.util.Objects::nonNull).toList();
    }

    private static String text(String page, String id) {
        return Html.carrying(page, "id").stream().filter(e -> id.equals(e.attr("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no #" + id)).text().strip().replaceAll("\\s+", " ");
    }

    static void planned(String sprint, String milestone, String feature, String at) {
        Api.event("""
                {"event":"SprintPlanned","sprintId":"%s","milestone":"%s","features":["%s"],"timestamp":"%s"}"""
                .formatted(sprint, milestone, feature, at)).then().statusCode(201);
    }

    static void started(String sprint, String at) {
        Api.event("{\"event\":\"SprintStarted\",\"sprintId\":\"" + sprint + "\",\"timestamp\":\"" + at + "\"}").then().statusCode(201);
    }
}
