package studio.planning;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.definition.DefinitionParser;
import studio.definition.DefinitionSet;
import studio.input.Format;
import studio.input.InputProblem;
import studio.input.InvalidInputException;

/** Each problem is shown with the document line it points at, and a caret under the column. */
class ImportOutcomeTest {

    static final String DOC = "milestones:\n  - id: m1\n\tgateConditions: [qaCoverageAbov: 90]\n";

    @Test
    void aProblemShowsItsLineAndACaretUnderTheColumn() {
        ImportOutcome.Problem p = ImportOutcome.invalid(List.of(new InputProblem("bad id", 2, 9, "$.milestones[0].id")), DOC)
                .problems().get(0);
        assertAll(
                () -> assertEquals("line 2, column 9", p.where()),
                () -> assertEquals("  - id: m1", p.excerpt()),
                () -> assertEquals("        ^", p.caret()),
                () -> assertEquals("$.milestones[0].id", p.path()),
                () -> assertEquals("bad id", p.message()));
    }

    @Test
    void theCaretKeepsTabsSoItLinesUp() {
        ImportOutcome.Problem p = ImportOutcome.invalid(List.of(new InputProblem("x", 3, 3, null)), DOC).problems().get(0);
        assertEquals("\t ^", p.caret());
    }

    @Test
    void withoutALineOrOutsideTheDocumentThereIsNoExcerpt() {
        List<ImportOutcome.Problem> ps = ImportOutcome.invalid(List.of(InputProblem.of("empty"),
                new InputProblem("past the end", 99, 1, null), new InputProblem("no column", 1, null, null),
                new InputProblem("column past the line", 1, 40, null)), DOC).problems();
        assertAll(
                () -> assertEquals("", ps.get(0).where()),
                () -> assertNull(ps.get(0).excerpt()),
                () -> assertNull(ps.get(1).excerpt()),
                () -> assertEquals("line 1", ps.get(2).where()),
                () -> assertEquals("milestones:", ps.get(2).excerpt()),
                () -> assertNull(ps.get(2).caret()),
                () -> assertNull(ps.get(3).caret()));
    }

    @Test
    void theRealParsersProblemsPointAtTheRealLines() {
        String doc = "milestones:\n  - id: m1\n    gateConditions:\n      - qaCoverageAbov: 90\n";
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> DefinitionParser.parse(doc, Format.YAML));
        ImportOutcome outcome = ImportOutcome.invalid(e.problems(), doc);
        ImportOutcome.Problem p = outcome.problems().get(0);
        assertTrue(outcome.invalid());
        assertEquals(4, p.line(), p.toString());
        assertEquals("      - qaCoverageAbov: 90", p.excerpt());
        assertTrue(p.message().contains("did you mean 'qaCoverageAbove'"), p.message());
    }

    @Test
    void aValidDocumentIsCountedByKind() {
        DefinitionSet set = DefinitionParser.parse("milestones:\n  - id: m1\n    gateConditions: [allSprintsClosed]\n"
                + "sprints:\n  - id: s1\n    milestones: [m1]\n", Format.YAML);
        ImportOutcome outcome = ImportOutcome.checked(set);
        assertTrue(outcome.checked());
        assertEquals(new ImportOutcome.Contents(1, 1, 0), outcome.contents());
    }

    @Test
    void aFilesNameSaysItsSyntax() {
        assertEquals(Format.JSON, Imports.formatOf("plan.JSON"));
        assertEquals(Format.YAML, Imports.formatOf("milestones.yml"));
        assertEquals(Format.YAML, Imports.formatOf("milestones.yaml"));
        assertEquals(Format.AUTO, Imports.formatOf("milestones.txt"));
        assertEquals(Format.AUTO, Imports.formatOf(null));
    }
}
