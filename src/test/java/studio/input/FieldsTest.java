package studio.input;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldsTest {

    private static final KeySet KEYS = KeySet.of("sprintId", "milestoneId|milestone", "coverage", "labels", "count");

    private static Fields fields(String yaml, boolean strict, Problems problems) {
        return Fields.of(TreeReader.read(yaml, Format.YAML), KEYS, "a thing", strict, problems);
    }

    @Test
    void snakeCaseAndAliasSpellingsReadAsTheCanonicalKey() {
        Problems problems = new Problems();
        Fields f = fields("sprint_id: s-1\nmilestone: m-1\n", true, problems);
        assertAll(
                () -> assertEquals("s-1", f.string("sprintId")),
                () -> assertEquals("m-1", f.string("milestoneId")),
                () -> assertEquals("milestone", f.spelling("milestoneId")),
                () -> assertTrue(problems.isEmpty()));
    }

    @Test
    void twoSpellingsOfOneKeyAreAProblem() {
        Problems problems = new Problems();
        fields("milestoneId: a\nmilestone_id: b\n", true, problems);
        assertEquals(new InputProblem("'milestone_id' and 'milestoneId' are two spellings of milestoneId; keep one", 2, 1,
                "$.milestone_id"), problems.list().get(0));
    }

    @Test
    void strictModeNamesUnknownKeysWithASuggestion() {
        Problems problems = new Problems();
        fields("sprintID: a\nwhatever: b\n", true, problems);
        assertEquals(List.of(
                new InputProblem("unknown field 'sprintID' (did you mean 'sprintId'?); expected sprintId, milestoneId, coverage, labels, count",
                        1, 1, "$.sprintID"),
                new InputProblem("unknown field 'whatever'; expected sprintId, milestoneId, coverage, labels, count", 2, 1, "$.whatever")),
                problems.list());
    }

    @Test
    void lenientModeIgnoresUnknownKeysButHintsAtAMisspelledRequiredOne() {
        Problems problems = new Problems();
        Fields f = fields("sprintID: a\nextra: b\n", false, problems);
        assertNull(f.requiredString("sprintId"));
        assertEquals(new InputProblem("'sprintId' is required (is 'sprintID' meant to be 'sprintId'?)", 1, 1, "$"),
                problems.list().get(0));
    }

    @Test
    void nullValuesCountAsAbsent() {
        Problems problems = new Problems();
        Fields f = fields("sprintId:\ncoverage: ~\n", true, problems);
        assertAll(() -> assertNull(f.string("sprintId")), () -> assertNull(f.number("coverage", 0, 100)),
                () -> assertTrue(problems.isEmpty()));
    }

    @Test
    void typeAndRangeProblemsAreLocated() {
        Problems problems = new Problems();
        Fields f = fields("coverage: \"90\"\ncount: 2.5\nlabels: {a: 1}\nsprintId: [x]\n", true, problems);
        f.number("coverage", 0, 100);
        f.integer("count", 0, 10);
        f.strings("labels");
        f.string("sprintId");
        assertEquals(List.of(
                new InputProblem("'coverage' must be a number, found the string '90'", 1, 11, "$.coverage"),
                new InputProblem("'count' must be a whole number, found 2.5", 2, 8, "$.count"),
                new InputProblem("'labels' must be a list, found a mapping", 3, 9, "$.labels"),
                new InputProblem("'sprintId' must be text, found a list", 4, 11, "$.sprintId")), problems.list());
    }

    @Test
    void numbersOutsideTheirRangeSaySo() {
        Problems problems = new Problems();
        fields("coverage: 120\n", true, problems).number("coverage", 0, 100);
        assertEquals("coverage 120 is not between 0 and 100", problems.list().get(0).message());
    }

    @Test
    void aSingleTextStandsForAListOfOne() {
        Problems problems = new Problems();
        assertEquals(List.of("mvp"), fields("labels: mvp\n", true, problems).strings("labels"));
    }

    @Test
    void idsAreCheckedForShapeAndLength() {
        Problems problems = new Problems();
        Fields f = fields("sprintId: \"sprint 1\"\nmilestoneId: " + "m".repeat(101) + "\n", true, problems);
        assertNull(f.id("sprintId"));
        assertNull(f.id("milestoneId"));
        assertEquals(List.of(
                "sprintId 'sprint 1' may use only letters, digits, '.', '_', ':' and '-', starting with a letter or digit",
                "milestoneId has 101 characters; at most 100 are allowed"),
                problems.list().stream().map(InputProblem::message).toList());
        assertTrue(Ids.isValid("m".repeat(100)));
    }

    @Test
    void aNonMappingIsOneProblemNotOnePerRequiredField() {
        Problems problems = new Problems();
        Fields f = Fields.of(TreeReader.read("[1, 2]", Format.JSON), KEYS, "a thing", true, problems);
        f.requiredString("sprintId");
        f.requiredString("milestoneId");
        assertEquals(List.of(new InputProblem("a thing must be a mapping, found a list", 1, 1, "$")), problems.list());
    }

    @Test
    void askingForAnUndeclaredKeyIsAProgrammingError() {
        Fields f = fields("sprintId: a\n", true, new Problems());
        assertThrows(IllegalArgumentException.class, () -> f.string("sprintID"));
    }

    @Test
    void spellingSuggestsTheClosestNameWithinTwoEdits() {
        List<String> names = List.of("gateConditions", "requiredFeatures", "requiredArtifacts");
        assertAll(
                () -> assertEquals("gateConditions", Spelling.closest("gateCondition", names)),
                () -> assertEquals("requiredFeatures", Spelling.closest("reqiuredFeatures", names)),
                () -> assertNull(Spelling.closest("gates", names)),
                () -> assertNull(Spelling.closest("gateConditions", names)),
                () -> assertEquals(1, Spelling.distance("ab", "ba")),
                () -> assertEquals(3, Spelling.distance("a", "abcdef")));
    }
}
