package studio.sprint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.Story;

/** The trace explorer the milestone page embeds (htmx fragment) and its own page when opened directly. */
@QuarkusTest
@TestSecurity(user = "auditor", roles = "auditor")
class TraceExplorerTest {

    private static boolean seeded;

    @BeforeEach
    void story() {
        if (!seeded) RecordsStory.seed();
        seeded = true;
    }

    @Test
    void theFragmentWalksFromTheMilestoneToEveryTracedTest() {
        Response r = SprintPagesTest.htmx("/sprints/trace?milestone=mvp-ready");
        assertEquals(200, r.statusCode());
        assertEquals("HX-Request", r.header("Vary"));
        String html = r.asString();
        assertFalse(html.contains("<html"), "a fragment to embed");
        assertTrue(html.trim().startsWith("<section class=\"records trace-explorer"), html);
        assertEquals(17, SprintPagesTest.count(html, ">BookingFlowTests.case"), "the 17 BookingFlow tests of the story");
        assertEquals(18, SprintPagesTest.count(html, ">Notification.Email.SendTests.case"));
        assertTrue(html.contains("BookingFlowHandler.cs") && html.contains("BackendDeveloperAgent"), "artifacts and agents");
        assertTrue(html.contains("href=\"/sprints/" + Story.CORE + "\"") && html.contains("href=\"/sprints/" + Story.COMM + "\""));
    }

    @Test
    void requiredFeaturesAreMarkedDeliveredOrMissingInWordsNotOnlyColour() {
        String html = SprintPagesTest.htmx("/sprints/trace?milestone=mvp-ready").asString();
        String required = html.substring(html.indexOf("Required features"), html.indexOf("Contributing sprints"));
        String booking = required.substring(required.indexOf("BookingFlow") - 120, required.indexOf("BookingFlow"));
        assertTrue(booking.contains("Delivered"), "BookingFlow: its sprint is closed");
        String email = required.substring(required.indexOf("Notification.Email.Send") - 120, required.indexOf("Notification.Email.Send"));
        assertTrue(email.contains("Missing"), "Notification.Email.Send: its sprint is still verifying");
        assertTrue(required.contains("by <a href=\"/sprints/" + Story.CORE + "\">"), "who delivered it");
        assertTrue(html.contains("not required here"), "a traced feature the milestone does not require is told apart");
    }

    @Test
    void openedDirectlyItIsAPageThatReloadsToTheSameView() {
        Response r = given().get("/sprints/trace?milestone=mvp-ready");
        assertEquals(200, r.statusCode());
        String html = r.asString();
        assertTrue(html.contains("<html") && html.contains("Trace explorer:"), "the whole page");
        assertEquals(17, SprintPagesTest.count(html, ">BookingFlowTests.case"));
    }

    @Test
    void anUnknownMilestoneIsNotFoundAndAMissingOneIsABadRequest() {
        given().get("/sprints/trace?milestone=nope").then().statusCode(404).body(containsString("Studio knows no milestone nope"));
        given().get("/sprints/trace").then().statusCode(400).body(containsString("/sprints/trace?milestone="));
    }

    @Test
    void aMilestoneNothingContributesToYetSaysSo() {
        Api.importDefinitions("milestones:\n  - id: lonely\n    requiredFeatures: [Nothing.Yet]\n").then().statusCode(200);
        String html = SprintPagesTest.htmx("/sprints/trace?milestone=lonely").asString();
        assertTrue(html.contains("No sprint contributes to this milestone yet"), html);
        assertTrue(html.contains("Missing") && html.contains("Nothing.Yet") && html.contains("no coverage data"));
    }

    @Test
    void evidenceTextRendersAsText() {
        String html = SprintPagesTest.htmx("/sprints/trace?milestone=mvp-ready").asString();
        assertTrue(html.contains(RecordsStory.XSS_ESCAPED), "the hostile sprint's test name is shown");
        assertFalse(html.contains(RecordsStory.XSS), "never as markup");
    }
}
