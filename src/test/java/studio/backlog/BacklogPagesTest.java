package studio.backlog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.sprint.RecordsStory;
import studio.testing.PageText;
import studio.testing.Story;
import studio.testing.TestDb;

/** The backlog as a QA lead reads it (the role matrix is in RecordsRolesTest). */
@QuarkusTest
@TestSecurity(user = "qa", roles = "qa-lead")
class BacklogPagesTest {

    private static final Pattern CARD = Pattern.compile("<span class=\"mono strong card-id\">([^<]+)</span>");
    private static boolean seeded;

    @BeforeEach
    void story() {
        if (!seeded) RecordsStory.seed();
        seeded = true;
    }

    static Response page(String path) {
        return given().urlEncodingEnabled(false).when().get(path).then().extract().response();
    }

    static List<String> cards(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = CARD.matcher(html);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    static String card(String html, String feature) {
        int at = html.indexOf("card-id\">" + feature + "</span>");
        assertTrue(at >= 0, "a card for " + feature);
        int start = html.lastIndexOf("<li class=\"feature-card", at);
        return html.substring(start, html.indexOf("</li>", at));
    }

    static void assertCards(String path, String... features) {
        Response r = page(path);
        assertEquals(200, r.statusCode(), path);
        assertEquals(new java.util.TreeSet<>(List.of(features)), new java.util.TreeSet<>(cards(r.asString())), path);
    }

    @Test
    void featuresAreGroupedByTheMilestonesRequiringThem() {
        Response r = page("/backlog");
        assertEquals(200, r.statusCode());
        assertEquals("HX-Request", r.header("Vary"));
        String html = r.asString();
        assertTrue(html.contains("<title>Backlog · Studio</title>"));
        PageText.assertOrder(html, "href=\"/milestones/booking-polish\">Booking polish</a>", "href=\"/milestones/mvp-ready\">mvp-ready</a>",
                "Not required by any milestone");
        assertEquals(2, cards(html).stream().filter("BookingFlow"::equals).count(), "required by two milestones, shown under both");
        assertTrue(html.contains("Docs.Diagrams") && html.contains("Hostile.Feature"), "features no milestone requires have their group");
    }

    @Test
    void statusComesFromTheEvidence() {
        assertCards("/backlog?status=completed", "BookingFlow", "BookingFlow", "Docs.Diagrams");
        assertCards("/backlog?status=in-progress", "Notification.Email.Send");
        assertCards("/backlog?status=deferred", "Auth.Login");
        assertCards("/backlog?status=planned", "Hostile.Feature");
        String html = page("/backlog?status=completed").asString();
        assertTrue(card(html, "BookingFlow").contains("Delivered by") && card(html, "BookingFlow").contains("href=\"/sprints/" + Story.CORE + "\""));
        assertTrue(card(html, "Docs.Diagrams").contains("As planned in features.yaml"), "no evidence: the planned status, said so");
        String working = card(page("/backlog?status=in-progress").asString(), "Notification.Email.Send");
        assertTrue(working.contains("In sprint") && working.contains("href=\"/sprints/" + Story.COMM + "\""), working);
        assertTrue(card(page("/backlog?status=planned").asString(), "Hostile.Feature").contains("Not in features.yaml"));
    }

    @Test
    void aDeferredFeatureShowsWhyWhoAndWhen() {
        String deferred = card(page("/backlog?status=deferred").asString(), "Auth.Login");
        assertTrue(deferred.contains("Deferred") && deferred.contains(RecordsStory.DEFERRAL), deferred);
        assertTrue(deferred.contains("2025-06-02 12:00 UTC"), "when, per the event");
        String by = TestDb.text("select deferred_by from feature where id = 'Auth.Login'");
        assertTrue(deferred.contains("by " + by), "who: " + by);
    }

    @Test
    void cardsShowPriorityEffortAgentsAndWarnAboutUnfinishedDependencies() {
        String html = page("/backlog?milestone=mvp-ready").asString();
        String booking = card(html, "BookingFlow");
        assertTrue(booking.contains("P1") && booking.contains("<dd>5</dd>") && booking.contains("backend-developer, test-generator"), booking);
        String email = card(html, "Notification.Email.Send");
        assertTrue(email.contains("<dd>2.5</dd>"));
        assertTrue(email.contains("BookingFlow") && !email.contains("dep-open"), "its dependency is completed: no warning");
        assertFalse(email.contains("waits"), email);
        String login = card(html, "Auth.Login");
        assertTrue(login.contains("feature-card waits"), "the card is marked");
        assertTrue(login.contains("dep-open") && login.contains("⚠") && login.contains("(In progress)"), "with the reason in words: " + login);
    }

    @Test
    void filtersByMilestonePriorityAndText() {
        assertCards("/backlog?milestone=-", "Docs.Diagrams", "Hostile.Feature");
        assertCards("/backlog?milestone=booking-polish", "BookingFlow");
        assertCards("/backlog?priority=P2", "Auth.Login");
        assertCards("/backlog?q=mail", "Notification.Email.Send");
        assertCards("/backlog?q=appointment", "BookingFlow", "BookingFlow");
        assertCards("/backlog?milestone=mvp-ready&q=login", "Auth.Login");
        String html = page("/backlog?priority=P2&status=deferred").asString();
        assertTrue(html.contains("<option value=\"P2\" selected>") && html.contains("<option value=\"deferred\" selected>"), "the form shows the filters");
        assertTrue(page("/backlog?q=nothing-like-it").asString().contains("No feature matches these filters"));
    }

    @Test
    void badFiltersAreRefusedByNameForPagesAndFragments() {
        Response r = page("/backlog?status=someday&priority=urgent");
        assertEquals(400, r.statusCode());
        assertTrue(r.asString().contains("(status)") && r.asString().contains("(priority)"), r.asString());
        Response fragment = given().urlEncodingEnabled(false).header("HX-Request", "true").get("/backlog?status=someday");
        assertEquals(400, fragment.statusCode());
        assertEquals("#backlog-groups", fragment.header("HX-Retarget"));
        assertFalse(fragment.asString().contains("<html"));
    }

    @Test
    void anHtmxRequestGetsTheGroupsOnly() {
        Response r = given().urlEncodingEnabled(false).header("HX-Request", "true").get("/backlog?status=deferred");
        assertEquals(200, r.statusCode());
        assertEquals("HX-Request", r.header("Vary"));
        assertFalse(r.asString().contains("<html"));
        assertEquals(List.of("Auth.Login"), cards(r.asString()));
    }

    @Test
    void titlesFromFeaturesYamlRenderAsText() {
        String html = page("/backlog?milestone=-").asString();
        assertFalse(html.contains(RecordsStory.XSS));
        assertTrue(html.contains(RecordsStory.XSS_ESCAPED));
    }

    @Test
    void anEmptyBacklogSaysWhereFeaturesComeFrom() {
        TestDb.reset();
        seeded = false;
        String html = page("/backlog").asString();
        assertTrue(html.contains("The backlog is empty") && html.contains("features.yaml") && html.contains("href=\"/import\""), html);
    }
}
