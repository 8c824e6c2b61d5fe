package studio.milestone;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import studio.definition.DefinitionParser;
import studio.definition.MilestoneDefinition;
import studio.definition.MilestoneProgress;
import studio.gate.GateStatus;
import studio.governance.Actor;
import studio.governance.MilestoneState;
import studio.governance.Verdict;
import studio.input.Format;

/** Acceptance criteria one by one: who decides each, and who may mark one. */
class AcceptanceCriteriaTest {

    static final MilestoneDefinition DEFINITION = DefinitionParser.parse("""
            milestones:
              - id: sec
                gateConditions:
                  - noCriticalFindings
                acceptanceCriteria:
                  - text: No critical findings
                    gate: noCriticalFindings
                  - "[ ] Pen test report filed"
                  - "[x] Threat model reviewed"
                  - Runbook written
            """, Format.YAML).milestones().get(0);
    static final Actor QA = new Actor("qa-lead", Set.of("qa-lead"));
    static final AcceptanceCriteria.Mark MET = new AcceptanceCriteria.Mark(true, "qa-lead", Instant.parse("2025-05-15T12:00:00Z"));
    static final AcceptanceCriteria.Mark UNMET = new AcceptanceCriteria.Mark(false, "qa-lead", Instant.parse("2025-05-15T12:00:00Z"));

    @Test
    void aGateLinkedCriterionFollowsItsGateAndCannotBeMarked() {
        var failed = AcceptanceCriteria.rows(DEFINITION, Map.of("noCriticalFindings", GateStatus.FAILED), Map.of()).get(0);
        var overridden = AcceptanceCriteria.rows(DEFINITION, Map.of("noCriticalFindings", GateStatus.OVERRIDDEN), Map.of()).get(0);
        var unevaluated = AcceptanceCriteria.rows(DEFINITION, Map.of(), Map.of()).get(0);
        assertAll(() -> assertFalse(failed.met()), () -> assertTrue(overridden.met()), () -> assertFalse(unevaluated.met()),
                () -> assertFalse(failed.markable()), () -> assertEquals("gate", failed.source()));
    }

    @Test
    void aCriterionMetInTheDefinitionStaysMetAndOthersFollowPeoplesMarks() {
        var rows = AcceptanceCriteria.rows(DEFINITION, Map.of(),
                Map.of("Pen test report filed", MET, "Threat model reviewed", UNMET, "Runbook written", UNMET));
        assertAll(() -> assertTrue(rows.get(1).met()), () -> assertEquals("person", rows.get(1).source()),
                () -> assertTrue(rows.get(1).markable()),
                () -> assertTrue(rows.get(2).met(), "[x] in the definition is met whatever a mark says"),
                () -> assertFalse(rows.get(2).markable()),
                () -> assertFalse(rows.get(3).met()), () -> assertTrue(rows.get(3).markable()));
    }

    @Test
    void theRowsCountTheSameAsTheMilestonesProgress() {
        Map<String, GateStatus> gates = Map.of("noCriticalFindings", GateStatus.PASSED);
        Map<String, AcceptanceCriteria.Mark> marks = Map.of("Pen test report filed", MET, "Runbook written", UNMET);
        long met = AcceptanceCriteria.rows(DEFINITION, gates, marks).stream().filter(AcceptanceCriteria.Row::met).count();
        MilestoneProgress progress = MilestoneProgress.of(DEFINITION, gates, Set.of("Pen test report filed"), LocalDate.now(), false);
        assertEquals(progress.criteriaMet(), met);
        assertEquals(3, met);
    }

    @Test
    void markingNeedsAnActingRoleAnOpenMilestoneAndACriterionAPersonDecides() {
        assertAll(
                () -> assertEquals(Verdict.ALLOWED, AcceptanceCriteria.mark(QA, "sec", MilestoneState.BLOCKED, DEFINITION, "Runbook written")),
                () -> assertStatus(403, AcceptanceCriteria.mark(new Actor("auditor", Set.of("auditor")), "sec", MilestoneState.BLOCKED, DEFINITION, "Runbook written")),
                () -> assertStatus(409, AcceptanceCriteria.mark(QA, "sec", MilestoneState.CLOSED, DEFINITION, "Runbook written")),
                () -> assertStatus(400, AcceptanceCriteria.mark(QA, "sec", MilestoneState.BLOCKED, DEFINITION, "Nothing like this")),
                () -> assertStatus(400, AcceptanceCriteria.mark(QA, "sec", MilestoneState.BLOCKED, DEFINITION, "No critical findings")),
                () -> assertStatus(400, AcceptanceCriteria.mark(QA, "sec", MilestoneState.BLOCKED, DEFINITION, "Threat model reviewed")));
    }

    static void assertStatus(int status, Verdict verdict) {
        assertEquals(status, verdict instanceof Verdict.Refused r ? r.status() : 0, String.valueOf(verdict));
    }
}
