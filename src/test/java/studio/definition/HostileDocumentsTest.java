package studio.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import studio.input.Format;
import studio.input.InputProblem;
import studio.input.InvalidInputException;
import studio.input.TreeReader;

/** Hostile definitions documents end in a clean rejection, never in another exception or a hang. */
class HostileDocumentsTest {

    private static final Duration NO_HANG = Duration.ofSeconds(30);

    private static String bigDefinitions() {
        StringBuilder yaml = new StringBuilder("milestones:\n");
        for (int i = 0; yaml.length() <= TreeReader.MAX_BYTES; i++) yaml.append("  - id: m-").append(i).append("\n    name: padding padding padding\n");
        return yaml.toString();
    }

    @Test
    void definitionsOverTwoMebibytes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DefinitionParser.parse(bigDefinitions(), Format.AUTO));
        assertEquals(InputProblem.of("the document is 2.0 MiB; the limit is 2 MiB"), e.problems().get(0));
    }

    @Test
    void definitionsWithAnAliasBomb() {
        String bomb = SpecExamples.read(SpecExamples.DIR.resolve("broken-alias-bomb.yaml"));
        InvalidInputException e = assertTimeoutPreemptively(NO_HANG,
                () -> assertThrows(InvalidInputException.class, () -> DefinitionParser.parse(bomb, Format.YAML)));
        assertTrue(e.problems().get(0).message().startsWith("the document holds more than 250000 values"), e.getMessage());
    }

    @Test
    void definitionsNestedTooDeeply() {
        String deep = "milestones:\n  - id: m\n    labels: " + "[".repeat(100) + "x" + "]".repeat(100) + "\n";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DefinitionParser.parse(deep, Format.YAML));
        assertEquals("the document nests deeper than 64 levels", e.problems().get(0).message());
    }

    @Test
    void aliasesWithinTheBudgetAreOrdinaryValues() {
        DefinitionSet set = DefinitionParser.parse("""
                milestones:
                  - id: a
                    gateConditions: &gates [allSprintsClosed, qaCoverageAbove: 90]
                  - id: b
                    gateConditions: *gates
                """, Format.YAML);
        assertEquals(set.milestones().get(0).gateConditions(), set.milestones().get(1).gateConditions());
    }
}
