package studio.sprint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.PageText;
import studio.testing.Story;
import studio.testing.TestDb;

/** The sprint list and the sprint page, as a product owner reads them (the role matrix is in RecordsRolesTest). */
@QuarkusTest
@TestSecurity(user = "po", roles = "product-owner")
class SprintPagesTest {

    private static boolean seeded;

    @BeforeEach
    void story() {
        if (!seeded) RecordsStory.seed();
        seeded = true;
    }

    /** Paths are sent as written (already encoded, as a browser sends the links the pages hand out). */
    static Response page(String path) {
        return given().urlEncodingEnabled(false).when().get(path).then().extract().response();
    }

    static Response htmx(String path) {
        return given().urlEncodingEnabled(false).header("HX-Request", "true").when().get(path).then().extract().response();
    }

    @Test
    void listShowsEachSprintWithStateMilestonesCoverageTestsAndTimes() {
        Response r = page("/sprints");
        assertEquals(200, r.statusCode());
        String html = r.asString();
        assertTrue(html.contains("<title>Sprints · Studio</title>"), "a whole page");
        String core = row(html, Story.CORE);
        assertTrue(core.contains("Core booking sprint") && core.contains("Deliver the fully testable booking flow"), core);
        assertTrue(core.contains("chip-closed") && core.contains("Closed"), "state as colour and text");
        assertTrue(core.contains("href=\"/milestones/mvp-ready\""), core);
        assertTrue(core.contains("93.1%"), "coverage from its QA report");
        assertTrue(core.contains("142 passed<br>0 failed"), core);
        assertTrue(core.contains("2025-06-01 10:00 UTC") && core.contains("2025-06-03 16:30 UTC"), "started and closed");
        assertTrue(core.contains("2 d 6 h"), "started..closed");
        assertTrue(core.contains("trace-xyz-123"), core);
        String comm = row(html, Story.COMM);
        assertTrue(comm.contains("chip-verifying") && comm.contains("89.6%") && comm.contains("96 passed<br>2 failed") && comm.contains("text-failed"), comm);
        assertTrue(comm.contains("<span class=\"muted\">running</span>"), "an open sprint shows its running time");
        assertEquals("HX-Request", r.header("Vary"));
    }

    @Test
    void filtersByStateMilestoneAndText() {
        assertRows("/sprints?state=closed", Story.CORE);
        assertRows("/sprints?state=verifying", Story.COMM);
        assertRows("/sprints?milestone=mvp-ready", Story.CORE, Story.COMM, RecordsStory.HOSTILE);
        assertRows("/sprints?q=ghost", RecordsStory.GHOST);
        assertRows("/sprints?q=booking+flow", Story.CORE);
        assertRows("/sprints?q=%25", new String[0]);
        assertRows("/sprints?state=active&q=sprint", RecordsStory.GHOST);
        String filtered = page("/sprints?state=closed&q=core").asString();
        assertTrue(filtered.contains("<option value=\"closed\" selected>"), "the form shows the filter in force");
        assertTrue(filtered.contains("value=\"core\""), filtered);
    }

    @Test
    void noMatchIsSaidAndBadFiltersAreRefusedByName() {
        assertTrue(page("/sprints?q=nothing-like-this").asString().contains("No sprint matches these filters"));
        Response bad = page("/sprints?state=sleeping&after=nonsense&limit=0");
        assertEquals(400, bad.statusCode());
        String html = bad.asString();
        assertTrue(html.contains("state &#39;sleeping&#39; is not a sprint state") || html.contains("state 'sleeping' is not a sprint state"), html);
        assertTrue(html.contains("(after)") && html.contains("(limit)"), "every bad parameter is named");
        Response badFragment = htmx("/sprints?state=sleeping");
        assertEquals(400, badFragment.statusCode());
        assertEquals("#sprint-rows", badFragment.header("HX-Retarget"));
        assertFalse(badFragment.asString().contains("<html"), "the fragment, for the table");
    }

    @Test
    void anHtmxRequestGetsTheRowsAndAHistoryRestoreTheWholePage() {
        Response rows = htmx("/sprints?state=closed");
        assertEquals(200, rows.statusCode());
        assertFalse(rows.asString().contains("<html"), "only the rows");
        assertTrue(rows.asString().trim().startsWith("<tr"), rows.asString());
        assertTrue(rows.asString().contains(Story.CORE));
        assertEquals("HX-Request", rows.header("Vary"));
        Response restore = given().header("HX-Request", "true").header("HX-History-Restore-Request", "true").get("/sprints");
        assertTrue(restore.asString().contains("<html"), "a history restore needs the page");
    }

    @Test
    void sprintPageShowsLifecycleFeaturesTestsTraceMilestonesAndDocuments() {
        Response r = page("/sprints/" + Story.CORE);
        assertEquals(200, r.statusCode());
        String html = r.asString();
        assertTrue(html.contains("Core booking sprint") && html.contains("Goal: Deliver the fully testable booking flow"));
        assertTrue(html.contains("BookingService"), "definition fields");
        PageText.assertOrder(html, "SprintPlanned", "SprintStarted", "SprintClosed");
        assertTrue(html.contains("93.1%") && html.contains("QA report"), "feature coverage and its source");
        assertTrue(html.contains("142 passed, 0 failed"));
        String current = html.substring(html.indexOf("id=\"trace\""), html.indexOf("<details class=\"older\">"));
        assertEquals(17, count(current, ">BookingFlowTests.case"), "every test of the newest matrix");
        String older = html.substring(html.indexOf("<details class=\"older\">"), html.indexOf("id=\"milestones\""));
        assertTrue(older.contains("1 earlier submission(s)"), "the older matrix, collapsed");
        assertEquals(15, count(older, ">BookingFlowTests.case"));
        assertTrue(html.contains("GenerateHandler") && html.contains("1.3 s") && html.contains("BookAppointmentHandler.cs"),
                "execution metadata");
        assertTrue(html.contains("BookingFlowHandler.cs") && html.contains("BackendDeveloperAgent"));
        assertTrue(html.contains("href=\"/milestones/mvp-ready\""));
        assertTrue(html.contains("Trace matrix") && html.contains("Event SprintClosed"), "documents listed");
        assertFalse(html.contains("Known only from CI evidence"));
    }

    @Test
    void aSprintKnownOnlyFromEventsSaysSo() {
        String html = page("/sprints/" + RecordsStory.GHOST).asString();
        assertTrue(html.contains("Known only from CI evidence"), html);
        assertTrue(html.contains("chip-active") && html.contains("SprintStarted"));
        assertTrue(html.contains("No definition."));
        assertTrue(row(page("/sprints").asString(), RecordsStory.GHOST).contains("trace-sprint-ghost"), "listed like any other");
    }

    @Test
    void anUnknownSprintIsNotFound() {
        given().get("/sprints/no-such-sprint").then().statusCode(404).body(containsString("Studio knows no sprint no-such-sprint"));
    }

    @Test
    void documentsAreViewedEscapedAndDownloadedAsReceived() {
        long qa = TestDb.count("select id from evidence where kind = 'qa-report' and sprint_id = '" + Story.CORE + "'");
        String stored = TestDb.text("select body from evidence where id = " + qa);
        String page = page("/sprints/" + Story.CORE + "/evidence/" + qa).asString();
        assertTrue(page.contains("<html") && page.contains("QA Validation Summary"), page);
        Response fragment = htmx("/sprints/" + Story.CORE + "/evidence/" + qa);
        assertFalse(fragment.asString().contains("<html"));
        assertTrue(fragment.asString().contains("- BookingFlow: 93.1%"));
        given().get("/sprints/" + Story.CORE + "/evidence/" + qa + "/download").then().statusCode(200)
                .contentType(startsWith("text/markdown"))
                .header("Content-Disposition", equalTo("attachment; filename=\"" + Story.CORE + "-qa-report-" + qa + ".md\""))
                .body(equalTo(stored));
        long other = TestDb.count("select id from evidence where kind = 'qa-report' and sprint_id = '" + Story.COMM + "'");
        given().get("/sprints/" + Story.CORE + "/evidence/" + other).then().statusCode(404);
    }

    @Test
    void namesAndEvidenceFromOutsideRenderAsText() {
        for (String path : new String[] {"/sprints", "/sprints/" + RecordsStory.HOSTILE, "/sprints?q=hostile"}) {
            String html = page(path).asString();
            assertFalse(html.contains(RecordsStory.XSS), path + " renders the script tag as markup");
            assertTrue(html.contains(RecordsStory.XSS_ESCAPED), path + " shows it as text");
        }
        long matrix = TestDb.count("select id from evidence where kind = 'trace-matrix' and sprint_id = '" + RecordsStory.HOSTILE + "'");
        String document = page("/sprints/" + RecordsStory.HOSTILE + "/evidence/" + matrix).asString();
        assertFalse(document.contains(RecordsStory.XSS));
        assertTrue(document.contains(RecordsStory.XSS_ESCAPED));
    }

    @Test
    void emptyStateExplainsWhereSprintsComeFrom() {
        TestDb.reset();
        seeded = false;
        String html = page("/sprints").asString();
        assertTrue(html.contains("No sprints yet") && html.contains("href=\"/import\""), html);
        assertTrue(html.contains("SprintPlanned"));
    }

    static void assertRows(String path, String... sprints) {
        Response r = page(path);
        assertEquals(200, r.statusCode(), path);
        java.util.Set<String> shown = new java.util.TreeSet<>(SprintKeysetWalkTest.ids(r.asString()));
        assertEquals(new java.util.TreeSet<>(java.util.List.of(sprints)), shown, path);
    }

    static String row(String html, String sprint) {
        int start = html.indexOf("<tr id=\"sprint-" + sprint + "\"");
        assertTrue(start >= 0, "a row for " + sprint);
        return html.substring(start, html.indexOf("</tr>", start));
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }
}
