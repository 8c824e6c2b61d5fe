package studio.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.input.InputProblem;
import studio.input.InvalidInputException;

class ExecutionMetadataParserTest {

    private static final ExecutionRecord HANDLER = new ExecutionRecord("trace-d8c71234", "sprint-2025-05-MVP1", "BookingFlow",
            "backend-developer", "GenerateHandler", "Success", 1278L, "BookAppointmentHandler.cs");

    @Test
    void oneRecordOfTheTimingDocument() {
        assertEquals(List.of(HANDLER), ExecutionMetadataParser.parse(Seeds.read("executionMetadata", "spec-timing-artifact.json")));
    }

    @Test
    void outputIsTheArtifact() {
        ExecutionRecord r = ExecutionMetadataParser.parse(Seeds.read("executionMetadata", "spec-timing-output.json")).get(0);
        assertEquals("BookAppointmentHandler.cs", r.artifact());
        assertEquals(1842L, r.durationMs());
    }

    @Test
    void anArrayOfRecordsInEitherSpelling() {
        List<ExecutionRecord> records = ExecutionMetadataParser.parse(Seeds.read("executionMetadata", "spec-array-snake.json"));
        assertEquals(List.of(new ExecutionRecord("t", "s", null, "a", null, "Success", null, null),
                new ExecutionRecord("t2", "s", null, "b", null, "Failed", 5L, null)), records);
    }

    @Test
    void emptyArraysAndIncompleteRecordsAreRefused() {
        assertEquals(new InputProblem("the array holds no execution records", 1, 1, "$"), assertThrows(InvalidInputException.class,
                () -> ExecutionMetadataParser.parse("[]")).problems().get(0));
        assertEquals(List.of(
                new InputProblem("'traceId' is required", 1, 2, "$[0]"),
                new InputProblem("'agentId' is required", 1, 2, "$[0]"),
                new InputProblem("'status' is required", 1, 2, "$[0]"),
                new InputProblem("an execution record must be a mapping, found the number 5", 1, 20, "$[1]")),
                assertThrows(InvalidInputException.class,
                        () -> ExecutionMetadataParser.parse(Seeds.read("executionMetadata", "broken-missing.json"))).problems());
    }
}
