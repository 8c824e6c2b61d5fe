package studio.milestone;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a card shows is read from the stored report alone. */
class BoardCardTest {

    static final String REPORT = """
            {'qa_coverage_avg': 91.3, 'sprints_contributing': ['s-comm', 's-core'], 'features_covered': ['BookingFlow'],
             'gates': [
               {'condition': 'allSprintsClosed', 'status': 'pending', 'threshold': null, 'detail': 'open: s-comm'},
               {'condition': 'testCoverageAbove', 'status': 'passed', 'threshold': 85, 'actual': 91.3},
               {'condition': 'traceMatrixComplete', 'status': 'overridden', 'override_id': 4, 'overridden_by': 'qa-lead-2'},
               {'condition': 'securityValidated', 'status': 'failed', 'detail': 'OWASP scan'},
               {'condition': 'manualApproval', 'status': 'pending', 'role': 'product-owner'}]}""";

    @Test
    void theCardReadsCoverageFeaturesSprintsOverridesAndGatesFromTheReport() {
        BoardCard card = BoardCard.of(Rows.reported("m1", List.of("BookingFlow", "Notification.Email.Send"), REPORT));
        assertAll(
                () -> assertEquals(91.3, card.coverage()),
                () -> assertEquals(85.0, card.threshold(), "the threshold of the coverage gate, whatever it is called"),
                () -> assertTrue(card.hasCoverageGate()),
                () -> assertEquals(List.of(new BoardCard.FeatureMark("BookingFlow", true),
                        new BoardCard.FeatureMark("Notification.Email.Send", false)), card.features()),
                () -> assertEquals(List.of("s-comm", "s-core"), card.sprints()),
                () -> assertEquals(List.of(new BoardCard.OverrideMark("traceMatrixComplete", "qa-lead-2")), card.overrides()),
                () -> assertEquals(2, card.gatesSatisfied(), "passed and overridden gates hold nothing back"),
                () -> assertEquals(5, card.gatesTotal()),
                () -> assertEquals(List.of("securityValidated"), card.failingGates()),
                () -> assertEquals("m1", card.title(), "a milestone without a name is called by its id"),
                () -> assertEquals("slot-m1", card.slotId()));
    }

    @Test
    void aNumberedCoverageGateCarriesItsThresholdToo() {
        BoardCard card = BoardCard.of(Rows.reported("m1", List.of(), """
                {'qa_coverage_avg': null, 'gates': [{'condition': 'testCoverageAbove90', 'status': 'failed', 'threshold': 90}]}"""));
        assertEquals(90.0, card.threshold());
        assertNull(card.coverage(), "no data yet: the bar shows an empty track against the mark");
    }

    @Test
    void noCoverageGateNoBar() {
        BoardCard card = BoardCard.of(Rows.reported("m1", List.of(), """
                {'qa_coverage_avg': 80.0, 'gates': [{'condition': 'resilienceScoreAbove', 'status': 'passed', 'threshold': 85, 'actual': 90}]}"""));
        assertFalse(card.hasCoverageGate(), "a signal gate's threshold is not a coverage threshold");
    }

    @Test
    void aMilestoneNeverEvaluatedHasAnEmptyCardNotAnError() {
        BoardCard card = BoardCard.of(Rows.row("m1", "planned", Rows.NOW));
        assertAll(
                () -> assertEquals(0, card.gatesTotal()),
                () -> assertTrue(card.failingGates().isEmpty()),
                () -> assertTrue(card.sprints().isEmpty()),
                () -> assertFalse(card.hasCoverageGate()),
                () -> assertEquals("Name of m1", card.title()));
    }
}
