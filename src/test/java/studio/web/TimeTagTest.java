package studio.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.milestone.GovernedFixture;
import studio.testing.Html;

/**
 * Every instant on a page comes from one tag ({@code tags/time.html}): a machine-readable datetime, and either the UTC
 * minute titled with the exact instant, or a relative "3 h" titled with the UTC minute ("since 2025-06-01 10:00 UTC").
 * qa-lead asked to override a gate of "gate-c", which escalates it.
 */
@QuarkusTest
@TestSecurity(user = "qa-lead-2", roles = "qa-lead")
class TimeTagTest {

    /** How {@link Views#ago} reads a moment of this test's setup. */
    static final String RECENT = "just now|\\d+ min";

    record Time(String datetime, String title, String text, String cssClass) {

        Instant at() {
            return Instant.parse(datetime);
        }

        boolean absolute() {
            return text.equals(Views.utc(at()));
        }
    }

    @BeforeEach
    void setUp() {
        GovernedFixture.overrideOfGateC();
    }

    static List<Time> times(String path) {
        String html = given().get(path).then().statusCode(200).extract().asString();
        return Html.elements(html, "time").stream()
                .map(e -> new Time(e.attr("datetime"), e.attr("title"), e.text().trim(), e.attr("class")))
                .toList();
    }

    static Time first(String path, Predicate<Time> which, String what) {
        List<Time> times = times(path);
        return times.stream().filter(which).findFirst().orElseThrow(() -> new AssertionError(what + " on " + path + ": " + times));
    }

    @Test
    void everyTimeOnThePagesIsMachineReadableAndTitledWithTheAbsoluteTime() {
        for (String path : List.of("/board", "/milestones/gate-c", "/approvals", "/audit")) {
            List<Time> times = times(path);
            assertFalse(times.isEmpty(), path);
            for (Time t : times) {
                assertEquals(Views.iso(t.at()), t.datetime(), path);
                if (t.absolute()) assertEquals(t.datetime(), t.title(), "an absolute time is titled with the exact instant on " + path);
                else assertTrue(t.title().endsWith(" " + Views.utc(t.at())), "a relative time is titled with the UTC time on " + path + ": " + t);
            }
        }
    }

    @Test
    void timeInStateIsRelativeWithTheMomentItBeganInItsTitle() {
        Time inState = first("/milestones/gate-c", t -> t.title() != null && t.title().startsWith("since "), "time in state");
        assertTrue(inState.text().matches(RECENT), inState.text());
        Time card = first("/board", t -> t.title() != null && t.title().startsWith("In Escalated since "), "gate-c's card");
        assertTrue(card.text().matches("entered just now|\\d+ min in state"), card.text());
        Time waiting = first("/approvals", t -> t.title() != null && t.title().startsWith("since "), "how long the request waits");
        assertTrue(waiting.text().matches(RECENT), waiting.text());
    }

    @Test
    void theOverrideRequestSaysWhenInUtcAndTheAuditTrailKeepsItsTimesOnOneLine() {
        Time requested = first("/milestones/gate-c", Time::absolute, "when the override was requested");
        assertTrue(requested.text().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"), requested.text());
        assertTrue(times("/audit").stream().allMatch(t -> "nowrap".equals(t.cssClass()) && t.absolute()), "audit events");
    }
}
