package studio.evidence;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.input.InputProblem;
import studio.input.InvalidInputException;

class TraceMatrixParserTest {

    private static TraceMatrix example(String file, String sprintId) {
        return TraceMatrixParser.parse(Seeds.read("traceMatrix", file), sprintId);
    }

    private static List<InputProblem> problems(String json, String sprintId) {
        return assertThrows(InvalidInputException.class, () -> TraceMatrixParser.parse(json, sprintId)).problems();
    }

    @Test
    void snakeShapeOfTheCoordinatorDocument() {
        TraceMatrix m = example("spec-coordinator-snake.json", "sprint-2025-05-MVP1");
        assertEquals(new TraceMatrix("sprint-2025-05-MVP1", "mvp-ready", null, null, List.of(new TraceFeature("BookingFlow",
                "trace-123", List.of("BookingTests.cs"), List.of(), List.of(), null, null, 93.0, null))), m);
    }

    @Test
    void camelShapeWithHandlersCommitsAndImage() {
        TraceFeature f = example("spec-timing-handlers.json", "sprint-2025-05-MVP1").features().get(0);
        assertEquals(new TraceFeature("BookingFlow", null, List.of("book-appointment.feature"),
                List.of("BookAppointmentHandler.cs"), List.of("f23f123", "a91d3a8"), "booking-service:1.0.0-sprint3", null, null,
                null), f);
    }

    @Test
    void filesAreArtifactsToo() {
        TraceFeature f = example("spec-timing-files.json", "sprint-2025-05-MVP1").features().get(0);
        assertAll(
                () -> assertEquals(List.of("BookAppointmentHandler.cs", "booking-api.feature"), f.artifacts()),
                () -> assertEquals("trace-abc123", f.traceId()),
                () -> assertEquals(94.0, f.coverage()),
                () -> assertEquals(List.of(), f.tests()));
    }

    @Test
    void topLevelCoverageAppliesToFeaturesWithoutTheirOwn() {
        TraceMatrix m = example("spec-coordinator-artifacts.json", "sprint-2025-06-mvp2");
        assertAll(
                () -> assertEquals(92.1, m.coverage()),
                () -> assertEquals(92.1, m.features().get(0).coverage()),
                () -> assertEquals("trace-abc123", m.traceId()),
                () -> assertEquals(List.of("BookingHandler.cs"), m.features().get(0).artifacts()),
                () -> assertEquals("BackendDeveloperAgent", m.features().get(0).agent()));
        TraceMatrix mixed = TraceMatrixParser.parse("{\"coverage\": 80, \"features\": [{\"id\": \"A\", \"coverage\": 95.5}, {\"id\": \"B\"}]}", "s");
        assertEquals(List.of(95.5, 80.0), mixed.features().stream().map(TraceFeature::coverage).toList());
    }

    @Test
    void featureIdSpellingAndStatusOfTheTestMatrixExample() {
        TraceFeature f = example("spec-test-matrix-feature.json", "sprint-3").features().get(0);
        assertEquals("BookingFlow", f.id());
        assertEquals("complete", f.status());
        assertEquals(List.of("BookAppointment.feature", "AppointmentAggregateTests.cs"), f.tests());
    }

    @Test
    void artifactsHandlersAndFilesAreJoinedWithoutRepeats() {
        TraceFeature f = TraceMatrixParser.parse("{\"features\":[{\"id\":\"A\",\"artifacts\":[\"x\",\"y\"],\"handlers\":[\"y\",\"z\"],"
                + "\"files\":[\"x\",\"w\"]}]}", "s").features().get(0);
        assertEquals(List.of("x", "y", "z", "w"), f.artifacts());
    }

    @Test
    void coverageIsAPercentageInEveryForm() {
        assertAll(
                () -> assertEquals(93.5, TraceMatrixParser.parse("{\"features\":[{\"id\":\"A\",\"coverage\":\"93.5\"}]}", "s")
                        .features().get(0).coverage()),
                () -> assertEquals(93.5, TraceMatrixParser.parse("{\"features\":[{\"id\":\"A\",\"coverage\":\" 93.5 % \"}]}", "s")
                        .features().get(0).coverage()),
                () -> assertEquals(new InputProblem("coverage 120 is not between 0 and 100", 1, 35, "$.features[0].coverage"),
                        problems("{\"features\":[{\"id\":\"A\",\"coverage\":\"120%\"}]}", "s").get(0)),
                () -> assertEquals("coverage must be a percentage such as 93.5 or \"93.5%\", found the string 'high'",
                        problems("{\"features\":[{\"id\":\"A\",\"coverage\":\"high\"}]}", "s").get(0).message()),
                () -> assertEquals("coverage must be a percentage such as 93.5 or \"93.5%\", found the boolean true",
                        problems("{\"coverage\":true,\"features\":[{\"id\":\"A\"}]}", "s").get(0).message()));
    }

    @Test
    void theBodyMayNotNameAnotherSprintThanTheUrl() {
        assertEquals(new InputProblem("the document is for sprint 'sprint-2025-05-MVP1' but was posted to sprint 'sprint-9'", 2, 16,
                "$.sprint_id"), problems(Seeds.read("traceMatrix", "spec-coordinator-snake.json"), "sprint-9").get(0));
    }

    @Test
    void withoutAUrlSprintTheBodyMustNameOne() {
        assertEquals("sprint-2025-05-MVP1", example("spec-timing-handlers.json", null).sprintId());
        assertEquals(new InputProblem("'sprintId' is required", 1, 1, "$"), problems("{\"features\":[{\"id\":\"A\"}]}", null).get(0));
        assertNull(TraceMatrixParser.parse("{\"features\":[{\"id\":\"A\"}]}", "s").milestoneId());
    }

    @Test
    void featuresAreAListOfDistinctIds() {
        assertAll(
                () -> assertEquals(new InputProblem("feature 'A' appears twice in the matrix (first on line 2)", 3, 3, "$.features[1]"),
                        problems("{\"features\":[\n  {\"id\":\"A\"},\n  {\"featureId\":\"A\"}]}", "s").get(0)),
                () -> assertEquals("features must be a list of at least one feature, found a list",
                        problems(Seeds.read("traceMatrix", "broken-empty.json"), "sprint-3").get(0).message()),
                () -> assertEquals("'features' is required", problems("{\"sprintId\":\"s\"}", "s").get(0).message()),
                () -> assertEquals(new InputProblem("'id' is required", 1, 14, "$.features[0]"),
                        problems("{\"features\":[{\"tests\":[\"t\"]}]}", "s").get(0)));
    }

    @Test
    void everyProblemOfABrokenMatrixIsReported() {
        assertEquals(List.of("coverage 120 is not between 0 and 100", "feature 'A' appears twice in the matrix (first on line 1)",
                "'id' is required", "'tests' must be a list, found a mapping"),
                problems(Seeds.read("traceMatrix", "broken-range-duplicate.json"), "sprint-3").stream().map(InputProblem::message).toList());
    }

    @Test
    void anInvalidUrlSprintIdIsRefused() {
        assertEquals(InputProblem.of("the sprint id in the URL 'a b' may use only letters, digits, '.', '_', ':' and '-', starting "
                + "with a letter or digit"), problems("{\"features\":[{\"id\":\"A\"}]}", "a b").get(0));
    }
}
