package studio.sprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import studio.definition.SprintDefinition;

class ScopeChangeTest {

    static SprintDefinition sprint(String id, String goal, List<String> milestones, List<String> features, List<String> gates) {
        return new SprintDefinition(id, null, goal, milestones, features, List.of(), null, null, null, null, gates, null, null, List.of());
    }

    @Test
    void namesFeaturesAddedRemovedAndEveryOtherFieldThatDiffers() {
        var before = sprint("s1", "Pay by card", List.of("m"), List.of("Pay", "Refund"), List.of());
        var after = sprint("s1", "Pay by wallet", List.of("m", "m2"), List.of("Pay", "Wallet"), List.of("testsPassed"));

        ScopeChange change = ScopeChange.between(before, after, Map.of(), Map.of());

        assertEquals(List.of("Wallet"), change.added());
        assertEquals(List.of("Refund"), change.removed());
        assertEquals(List.of(), change.moved());
        assertEquals(List.of("goal: \"Pay by card\" -> \"Pay by wallet\"", "milestones: + m2", "gates: + testsPassed"), change.changed());
        assertEquals("+ Wallet; - Refund; goal: \"Pay by card\" -> \"Pay by wallet\"; milestones: + m2; gates: + testsPassed", change.summary());
    }

    @Test
    void aFeatureTakenFromOrGivenToAnotherSprintIsAMoveNotAnAdditionOrRemoval() {
        var before = sprint("s1", "g", List.of(), List.of("A", "B"), List.of());
        var after = sprint("s1", "g", List.of(), List.of("A", "C"), List.of());
        // s2 gives up C and takes B in its own held change
        ScopeChange change = ScopeChange.between(before, after, Map.of("s2", Set.of("C")), Map.of("s2", Set.of("B")));

        assertEquals(List.of(), change.added());
        assertEquals(List.of(), change.removed());
        assertEquals(List.of("B: s1 -> s2", "C: s2 -> s1"), change.moves());
        assertEquals("B to s2; C from s2", change.summary());
    }

    @Test
    void aFeatureThisSprintKeepsIsNotAMoveWhenAnotherSprintAlsoTakesIt() {
        var s1 = sprint("s1", "g", List.of(), List.of("A"), List.of());
        ScopeChange change = ScopeChange.between(s1, sprint("s1", "g2", List.of(), List.of("A"), List.of()), Map.of(), Map.of("s2", Set.of("A")));
        assertEquals(List.of(), change.moved());
        assertTrue(!change.changesFeatures());
        assertTrue(ScopeChange.between(s1, s1, Map.of(), Map.of()).nothingVisible());
    }
}
