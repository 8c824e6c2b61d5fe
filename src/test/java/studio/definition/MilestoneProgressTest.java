package studio.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import studio.gate.GateStatus;
import studio.input.Format;

class MilestoneProgressTest {

    private static final MilestoneDefinition MILESTONE = DefinitionParser.parse("""
            milestones:
              - id: auth
                targetDate: 2026-02-14
                gateConditions: [allTestsPass, manualApproval: product-owner]
                acceptanceCriteria:
                  - "[x] Users can sign up/login via OAuth"
                  - "[ ] Token validation working"
                  - Session management functional
                  - text: Auth tests passing (100%)
                    gate: allTestsPass
                  - text: Product owner signs off
                    gate: manualApproval
                deliverables:
                  - {name: OAuth provider integration, status: COMPLETE}
                  - {name: Token validation, status: Completed}
                  - {name: Session middleware, status: In Progress}
                  - Auth test suite
            """, Format.YAML).milestones().get(0);
    private static final LocalDate BEFORE = LocalDate.of(2026, 2, 10);

    @Test
    void criteriaAreMetByTheirGateOrByAPerson() {
        MilestoneProgress p = MilestoneProgress.of(MILESTONE,
                Map.of("allTestsPass", GateStatus.PASSED, "manualApproval", GateStatus.PENDING),
                Set.of("Session management functional"), BEFORE, false);
        assertEquals(3, p.criteriaMet());
        assertEquals(5, p.criteriaTotal());
        assertEquals(60.0, p.criteriaPercent());
    }

    @Test
    void anOverriddenGateSatisfiesItsCriterionAndAPersonCannotStandInForAGate() {
        MilestoneProgress p = MilestoneProgress.of(MILESTONE,
                Map.of("allTestsPass", GateStatus.OVERRIDDEN, "manualApproval", GateStatus.FAILED),
                Set.of("Product owner signs off", "Token validation working"), BEFORE, true);
        assertEquals(3, p.criteriaMet());
    }

    @Test
    void aGateWithoutStatusLeavesItsCriterionUnmet() {
        assertEquals(1, MilestoneProgress.of(MILESTONE, Map.of(), Set.of(), BEFORE, false).criteriaMet());
    }

    @Test
    void deliverableProgressCountsCompletedOnes() {
        MilestoneProgress p = MilestoneProgress.of(MILESTONE, Map.of(), Set.of(), BEFORE, false);
        assertEquals(2, p.deliverablesCompleted());
        assertEquals(4, p.deliverablesTotal());
        assertEquals(50.0, p.deliverablesPercent());
    }

    @Test
    void withoutCriteriaOrDeliverablesThereIsNoPercentage() {
        MilestoneDefinition bare = DefinitionParser.parse("milestones: [{id: m}]", Format.YAML).milestones().get(0);
        MilestoneProgress p = MilestoneProgress.of(bare, Map.of(), Set.of(), BEFORE, false);
        assertEquals(null, p.criteriaPercent());
        assertEquals(null, p.deliverablesPercent());
    }

    @Test
    void atRiskMeansPastTheTargetDateWithAFailingGate() {
        LocalDate target = LocalDate.of(2026, 2, 14);
        assertTrue(MilestoneProgress.atRisk(target, target.plusDays(1), true));
        assertFalse(MilestoneProgress.atRisk(target, target, true));
        assertFalse(MilestoneProgress.atRisk(target, target.plusDays(1), false));
        assertFalse(MilestoneProgress.atRisk(null, target.plusDays(1), true));
        assertTrue(MilestoneProgress.of(MILESTONE, Map.of(), Set.of(), target.plusDays(3), true).atRisk());
    }
}
