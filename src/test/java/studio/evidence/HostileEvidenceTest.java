package studio.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import studio.input.InputProblem;
import studio.input.InvalidInputException;
import studio.input.TreeReader;

/** Hostile evidence ends in a clean rejection, never in another exception or a hang. */
class HostileEvidenceTest {

    private static final Duration NO_HANG = Duration.ofSeconds(30);

    @Test
    void evidenceOverTwoMebibytes() {
        String json = "{\"event\":\"SprintStarted\",\"sprintId\":\"s\",\"pad\":\"" + "x".repeat(TreeReader.MAX_BYTES) + "\"}";
        String markdown = "- A: 90%\n" + "prose\n".repeat(TreeReader.MAX_BYTES / 6);
        InputProblem tooBig = InputProblem.of("the document is 2.0 MiB; the limit is 2 MiB");
        assertEquals(tooBig, assertThrows(InvalidInputException.class, () -> EventParser.parse(json)).problems().get(0));
        assertEquals(tooBig, assertThrows(InvalidInputException.class, () -> QaReportParser.parseMarkdown(markdown, "s")).problems().get(0));
    }

    @Test
    void aLongMarkdownLineDoesNotMakeThePatternsBacktrack() {
        String line = "- A: 9" + " ".repeat(1_000_000) + "x%\n";
        InvalidInputException e = assertTimeoutPreemptively(NO_HANG,
                () -> assertThrows(InvalidInputException.class, () -> QaReportParser.parseMarkdown(line, "s")));
        assertTrue(e.problems().get(0).message().endsWith("is not a coverage line; write it as '- A: 93.2%'"), e.getMessage());
    }
}
