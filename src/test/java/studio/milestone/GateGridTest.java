package studio.milestone;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GateGridTest {

    static final BoardRow M1 = Rows.reported("m1", List.of(), BoardCardTest.REPORT);
    static final BoardRow M2 = Rows.reported("m2", List.of(), """
            {'gates': [{'condition': 'securityValidated', 'status': 'passed'},
                       {'condition': 'resilienceScoreAbove', 'status': 'pending', 'threshold': 85, 'actual': null},
                       {'condition': 'qaCoverageAbove', 'status': 'failed', 'threshold': 90, 'actual': 87.25}]}""");

    @Test
    void columnsAreEveryConditionInUseInTheOrderTheyFirstAppear() {
        GateGrid grid = GateGrid.of(List.of(M1, M2), BoardFilter.NONE);
        assertEquals(List.of("allSprintsClosed", "testCoverageAbove", "traceMatrixComplete", "securityValidated", "manualApproval",
                "resilienceScoreAbove", "qaCoverageAbove"), grid.conditions());
    }

    @Test
    void aCellPerMilestoneAndConditionBlankWhereTheMilestoneHasNoSuchGate() {
        GateGrid grid = GateGrid.of(List.of(M1, M2), BoardFilter.NONE);
        GateGrid.Row m2 = grid.rows().get(1);
        assertAll(
                () -> assertEquals(7, m2.cells().size()),
                () -> assertTrue(m2.cells().get(0).blank(), "m2 has no allSprintsClosed"),
                () -> assertEquals("", m2.cells().get(0).icon()),
                () -> assertEquals("passed", m2.cells().get(3).status()),
                () -> assertEquals("✓", m2.cells().get(3).icon()),
                () -> assertEquals("…", m2.cells().get(5).icon()),
                () -> assertEquals("— / 85", m2.cells().get(5).measure(), "a signal gate waiting for its value"),
                () -> assertEquals("✗", m2.cells().get(6).icon()),
                () -> assertEquals("87.3% / 90%", m2.cells().get(6).measure(), "coverage with one decimal, as a percentage"),
                () -> assertEquals(1, m2.satisfied()),
                () -> assertEquals(3, m2.total()));
    }

    @Test
    void anOverriddenCellSaysWhoOverrodeItAndAManualGateWhoDecides() {
        GateGrid.Row m1 = GateGrid.of(List.of(M1), BoardFilter.NONE).rows().get(0);
        assertEquals("⚑", m1.cells().get(2).icon());
        assertEquals("overridden by qa-lead-2", m1.cells().get(2).detail());
        assertEquals("product-owner", m1.cells().get(4).measure());
        assertEquals("91.3% / 85%", m1.cells().get(1).measure());
    }

    @Test
    void theFilterPicksTheRowsAndOnlyTheirConditionsBecomeColumns() {
        GateGrid grid = GateGrid.of(List.of(BoardFilterTest.MVP, M2), new BoardFilter(null, null, null, "m2"));
        assertEquals(List.of("m2"), grid.rows().stream().map(GateGrid.Row::id).toList());
        assertEquals(3, grid.conditions().size());
        assertEquals(2, grid.milestonesInAll());
    }
}
