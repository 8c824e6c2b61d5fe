package studio.backlog;

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

class BacklogRequestTest {

    @Test
    void statusesAreReadAsFeaturesYamlWritesThemAndPrioritiesInAnyCase() {
        BacklogRequest r = BacklogRequest.of("mvp-ready", "InProgress", "p1", " login ", null);
        assertEquals("in-progress", r.status());
        assertEquals("P1", r.priority());
        assertEquals("login", r.text());
        assertEquals(List.of("in-progress"), r.statuses());
        assertTrue(r.column(), "a milestone and a status: one column");
        assertEquals(List.of("planned", "in-progress", "completed", "deferred"), BacklogRequest.everything().statuses());
        assertFalse(BacklogRequest.everything().filtered());
    }

    @Test
    void aDashMeansFeaturesNoMilestoneRequires() {
        BacklogRequest r = BacklogRequest.of("-", null, null, null, null);
        assertEquals(BacklogRequest.UNSCHEDULED, r.milestone());
        assertFalse(r.column());
    }

    @Test
    void afterIsAGroupInGroupPagesAndACardInAColumn() {
        BacklogRequest groups = BacklogRequest.of(null, "planned", null, null, "mvp-ready");
        assertEquals("mvp-ready", groups.after());
        assertNull(groups.afterCard());
        BacklogRequest column = BacklogRequest.of("-", "planned", null, null, "P2~Auth.Login");
        assertNull(column.after());
        assertEquals(new CardCursor("P2", "Auth.Login"), column.afterCard());
        assertEquals(new CardCursor(null, "Docs"), BacklogRequest.of("m", "planned", null, null, "~Docs").afterCard());
    }

    @Test
    void everyBadParameterIsReportedByName() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> BacklogRequest.of("<b>", "someday", "urgent", "y".repeat(201), "not a cursor"));
        assertEquals(List.of("milestone", "status", "priority", "q", "after"), e.problems().stream().map(InputProblem::path).toList());
        assertThrows(InvalidInputException.class, () -> BacklogRequest.of("m", "planned", null, null, "P10~x"));
        assertThrows(InvalidInputException.class, () -> BacklogRequest.of("m", "planned", null, null, "no-tilde"));
    }

    @Test
    void linksKeepTheFiltersAndAddWhereToGo() {
        BacklogRequest r = BacklogRequest.of(null, null, "P1", "mail", null);
        assertEquals("/backlog?priority=P1&q=mail&after=mvp-ready", r.groupsHref("mvp-ready"));
        assertEquals("/backlog?milestone=-&status=planned&priority=P1&q=mail", r.columnStartHref("-", "planned"));
        assertEquals("/backlog/cards?milestone=m&status=deferred&priority=P1&q=mail&after=%7EDocs",
                r.cardsHref("m", "deferred", new CardCursor(null, "Docs")));
        assertEquals("/backlog?milestone=m&priority=P1&q=mail", r.groupHref("m"));
        assertEquals("/backlog?priority=P1&q=mail", r.restartHref());
    }

    @Test
    void cardsSayWhetherTheirStatusIsPlannedOrEvidencedAndWhatTheyWaitOn() {
        FeatureCard planned = card(null, null, List.of(new Dependency("A", "completed")), 2.0);
        assertTrue(planned.asPlanned());
        assertFalse(planned.waitsOnDependencies());
        assertEquals("2", planned.effortText());
        FeatureCard working = card("s1", null, List.of(new Dependency("A", "in-progress"), new Dependency("B", null)), 2.5);
        assertFalse(working.asPlanned());
        assertTrue(working.waitsOnDependencies(), "an unfinished or unknown dependency holds it up");
        assertEquals("2.5", working.effortText());
        assertNull(card(null, null, List.of(), null).effortText());
        assertEquals(new CardCursor("P1", "F"), planned.cursor());
    }

    static FeatureCard card(String activeSprint, Instant deferredAt, List<Dependency> deps, Double effort) {
        return new FeatureCard("F", "Feature", "P1", "planned", "planned", true, null, deferredAt, null, null, activeSprint,
                deps, effort, List.of());
    }
}
