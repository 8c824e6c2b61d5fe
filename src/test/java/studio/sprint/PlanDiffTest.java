package studio.sprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import studio.sprint.PlanDiff.Move;
import studio.sprint.PlanDiff.Plan;

class PlanDiffTest {

    @Test
    void namesWhatWasAddedRemovedDeferredResumedAndMoved() {
        Plan before = new Plan(Map.of("s1", Set.of("A", "B", "C"), "s2", Set.of("D")), Set.of("E"));
        Plan after = new Plan(Map.of("s1", Set.of("A"), "s2", Set.of("D", "B"), "s3", Set.of("E", "F")), Set.of("C"));

        PlanDiff diff = PlanDiff.between(before, after);

        assertEquals(List.of("F"), diff.added());
        assertEquals(List.of(), diff.removed());
        assertEquals(List.of("C"), diff.deferred());
        assertEquals(Map.of("E", "s3"), diff.resumed());
        assertEquals(List.of(new Move("B", Set.of("s1"), Set.of("s2"))), diff.moved());
    }

    @Test
    void aFeatureLeavingEverySprintWithoutBeingDeferredIsRemoved() {
        PlanDiff diff = PlanDiff.between(new Plan(Map.of("s1", Set.of("A", "B")), Set.of()), new Plan(Map.of("s1", Set.of("A")), Set.of()));
        assertEquals(List.of("B"), diff.removed());
        assertTrue(PlanDiff.between(Plan.empty(), Plan.empty()).empty());
    }

    @Test
    void aFeatureAlsoPlannedInASecondSprintIsAMove() {
        PlanDiff diff = PlanDiff.between(new Plan(Map.of("s1", Set.of("A")), Set.of()), new Plan(Map.of("s1", Set.of("A"), "s2", Set.of("A")), Set.of()));
        assertEquals(List.of(new Move("A", Set.of("s1"), Set.of("s1", "s2"))), diff.moved());
    }
}
