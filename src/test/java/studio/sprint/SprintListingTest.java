package studio.sprint;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.input.InputProblem;
import studio.input.InvalidInputException;

class SprintListingTest {

    @Test
    void blankParametersMeanNoFilterAndTheDefaultPage() {
        SprintListing l = SprintListing.of("", " ", null, "", null);
        assertAll(() -> assertNull(l.state()), () -> assertNull(l.milestone()), () -> assertNull(l.text()),
                () -> assertNull(l.after()), () -> assertEquals(50, l.limit()), () -> assertFalse(l.filtered()));
    }

    @Test
    void stateIsReadInAnyCaseAndTextIsTrimmed() {
        SprintListing l = SprintListing.of("Closed", "mvp-ready", "  booking ", null, "10");
        assertAll(() -> assertEquals("closed", l.state()), () -> assertEquals("mvp-ready", l.milestone()),
                () -> assertEquals("booking", l.text()), () -> assertEquals(10, l.limit()), () -> assertTrue(l.filtered()));
    }

    @Test
    void everyBadParameterIsReportedByName() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SprintListing.of("sleeping", "<script>", "x".repeat(201), "yesterday", "500"));
        List<String> paths = e.problems().stream().map(InputProblem::path).toList();
        assertEquals(List.of("state", "milestone", "q", "after", "limit"), paths);
        assertTrue(e.problems().get(0).message().contains("planned, active, verifying, blocked, closed"));
    }

    @Test
    void limitBoundaries() {
        assertEquals(1, SprintListing.of(null, null, null, null, "1").limit());
        assertEquals(200, SprintListing.of(null, null, null, null, "200").limit());
        assertThrows(InvalidInputException.class, () -> SprintListing.of(null, null, null, null, "0"));
        assertThrows(InvalidInputException.class, () -> SprintListing.of(null, null, null, null, "201"));
        assertThrows(InvalidInputException.class, () -> SprintListing.of(null, null, null, null, "ten"));
    }

    @Test
    void theNextPageKeepsTheFiltersAndEncodesThem() {
        SprintListing l = SprintListing.of("active", null, "a&b c", null, "20");
        SprintCursor cursor = new SprintCursor(Instant.parse("2025-06-01T10:00:00.123456Z"), "sprint-1");
        assertEquals("?state=active&q=a%26b+c&limit=20&after=2025-06-01T10%3A00%3A00.123456Z%7Esprint-1", l.query(cursor));
        assertEquals("/sprints?state=active&q=a%26b+c&limit=20", l.restartHref());
        assertEquals("", SprintListing.firstPage().query(null), "no filters, no query string");
    }

    @Test
    void aPageTakenFromOneRowMoreThanItsLimitKnowsThereIsANextOne() {
        SprintListing l = SprintListing.of(null, null, null, null, "2");
        List<SprintSummary> three = List.of(summary("c", 3), summary("b", 2), summary("a", 1));
        SprintPage page = SprintPage.of(l, three);
        assertEquals(List.of("c", "b"), page.sprints().stream().map(SprintSummary::id).toList());
        assertEquals(new SprintCursor(Instant.ofEpochSecond(2), "b"), page.next());
        assertTrue(page.nextHref().startsWith("/sprints?limit=2&after="));
        SprintPage last = SprintPage.of(l, three.subList(0, 2));
        assertNull(last.next());
        assertNull(last.nextHref());
    }

    static SprintSummary summary(String id, long created) {
        return new SprintSummary(id, null, null, "planned", null, null, null, null, Instant.ofEpochSecond(created), List.of(), 0,
                null, 0, null, null);
    }
}
