package studio.evidence;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import studio.evidence.IngestEvent.FeatureDeferred;
import studio.evidence.IngestEvent.GateSignal;
import studio.evidence.IngestEvent.MilestonePlanned;
import studio.evidence.IngestEvent.PlanningResumed;
import studio.evidence.IngestEvent.ReleaseCompleted;
import studio.evidence.IngestEvent.ReleaseFailed;
import studio.evidence.IngestEvent.SprintBlocked;
import studio.evidence.IngestEvent.SprintCheckpoint;
import studio.evidence.IngestEvent.SprintClosed;
import studio.evidence.IngestEvent.SprintPlanned;
import studio.evidence.IngestEvent.SprintStarted;
import studio.input.InputProblem;
import studio.input.InvalidInputException;

class EventParserTest {

    private static final EventMeta NO_META = new EventMeta(null, null, null, null, null, null);

    private static IngestEvent example(String file) {
        return EventParser.parse(Seeds.read("events", file));
    }

    private static List<InputProblem> problems(String json) {
        return assertThrows(InvalidInputException.class, () -> EventParser.parse(json)).problems();
    }

    @Test
    void everyConsumedTypeHasASpecExample() {
        Set<String> types = Seeds.specExamples("events").stream()
                .map(p -> EventParser.parse(Seeds.read(p)).type()).collect(Collectors.toSet());
        assertEquals(Set.copyOf(EventParser.eventTypes()), types);
    }

    @Test
    void sprintPlannedOfTheTimingDocument() {
        assertEquals(new SprintPlanned(new EventMeta(null, null, Instant.parse("2025-05-12T10:00:00Z"), null, null, null),
                "sprint-2025-05-MVP1", List.of("mvp-ready"), List.of("BookingFlow", "Notifications"),
                List.of("ProductOwner", "BackendDeveloper", "TestGenerator")), example("spec-sprint-planned.json"));
    }

    @Test
    void sprintClosedOfTheTimingDocument() {
        assertEquals(new SprintClosed(new EventMeta(null, "trace-abc123", null, null, null, null), "sprint-2025-05-MVP1",
                List.of("BookingService", "Tests", "PRs"), "mvp-ready-v1"), example("spec-sprint-closed.json"));
    }

    @Test
    void planningResumedOfTheTimingDocument() {
        PlanningResumed e = (PlanningResumed) example("spec-planning-resumed.json");
        assertEquals("sprint-2025-06-QAHardening", e.sprintId());
        assertNull(e.milestoneId());
        assertEquals("New blueprint version + feature updates", e.reason());
    }

    @Test
    void gateSignalOfTheApiContract() {
        GateSignal e = (GateSignal) example("spec-gate-signal.json");
        assertEquals(new GateSignal(NO_META, "mvp-ready", "securityValidated", "pass", 97.5, "0 critical findings"), e);
        assertTrue(e.passed());
    }

    @Test
    void snakeCaseIdsAndCommonFieldsAreRead() {
        assertAll(
                () -> assertEquals(new MilestonePlanned(new EventMeta(null, "trace-xyz-123", Instant.parse("2025-05-12T10:00:00Z"),
                        null, null, null), "mvp-ready"), example("spec-milestone-planned-snake.json")),
                () -> assertEquals(new FeatureDeferred(new EventMeta(null, null, null, "product-owner", "exec-42", 1278L),
                        "Notifications.Email.Send", "Missing prerequisites", "sprint-3", "mvp-ready"), example("spec-feature-deferred.json")),
                () -> assertEquals(new ReleaseCompleted(new EventMeta(null, null, Instant.parse("2025-05-14T17:12:00Z"), null, null, null),
                        "mvp-v1", "mvp-ready", "staging", null, List.of()), example("spec-release-completed.json")),
                () -> assertEquals(new ReleaseFailed(NO_META, "v0.9.2", null, "production", "Docker tag push failure"),
                        example("spec-release-failed.json")),
                () -> assertEquals(new SprintBlocked(new EventMeta(null, "trace-91dc", null, null, null, null), "sprint-4",
                        "SecurityPolicyViolation"), example("spec-sprint-blocked.json")),
                () -> assertEquals("sprint-4", ((SprintStarted) example("spec-sprint-started.json")).sprintId()),
                () -> assertEquals(new SprintCheckpoint(new EventMeta(null, null, null, "orchestrator", null, null), "sprint-4"),
                        example("spec-sprint-checkpoint.json")));
    }

    @Test
    void sprintPlannedGathersMilestonesFromEverySpelling() {
        assertEquals(List.of("m-1", "m-2"), ((SprintPlanned) EventParser.parse(
                "{\"event\":\"SprintPlanned\",\"sprint_id\":\"s\",\"milestoneRef\":\"m-1\",\"milestones\":[\"m-2\",\"m-1\"],"
                        + "\"agentRoles\":[\"QA\"]}")).milestoneIds());
        assertEquals(List.of("m"), ((SprintPlanned) EventParser.parse(
                "{\"event\":\"SprintPlanned\",\"sprintId\":\"s\",\"milestone_id\":\"m\"}")).milestoneIds());
    }

    @Test
    void eventIdAndUnknownFieldsAreFine() {
        IngestEvent e = EventParser.parse("{\"event\":\"SprintStarted\",\"eventId\":\"evt-1\",\"sprintId\":\"s\",\"moduleId\":\"x\","
                + "\"nested\":{\"anything\":[1,2]}}");
        assertEquals("evt-1", e.meta().eventId());
    }

    @Test
    void timestampsAreInstantsOrOffsetDateTimes() {
        assertEquals(Instant.parse("2025-05-12T08:00:00Z"), EventParser.parse(
                "{\"event\":\"SprintStarted\",\"sprintId\":\"s\",\"timestamp\":\"2025-05-12T10:00:00+02:00\"}").meta().timestamp());
        assertEquals(new InputProblem("timestamp '2025-05-12 10:00' is not an ISO-8601 date-time with offset, e.g. "
                + "2025-05-12T10:00:00Z", 1, 53, "$.timestamp"),
                problems("{\"event\":\"SprintStarted\",\"sprintId\":\"s\",\"timestamp\":\"2025-05-12 10:00\"}").get(0));
        assertEquals("timestamp '2025-05-12T10:00:00' is not an ISO-8601 date-time with offset, e.g. 2025-05-12T10:00:00Z",
                problems("{\"event\":\"SprintStarted\",\"sprintId\":\"s\",\"timestamp\":\"2025-05-12T10:00:00\"}").get(0).message());
    }

    @Test
    void anUnknownTypeListsTheAcceptedOnes() {
        assertEquals(new InputProblem("unknown event type 'SprintClose' (did you mean 'SprintClosed'?); accepted: MilestonePlanCreated, "
                + "MilestonePlanned, SprintPlanned, FeatureScopeDefined, SprintTestPlanReady, SprintInfraReady, SprintReadyToStart, "
                + "SprintStarted, SprintCheckpoint, SprintClosed, SprintBlocked, PlanningResumed, FeatureDeferred, "
                + "GateSignal, ReleaseCompleted, ReleaseFailed", 1, 11, "$.event"),
                problems("{\"event\": \"SprintClose\", \"sprintId\": \"s\"}").get(0));
    }

    @Test
    void missingRequiredFieldsNameTheField() {
        assertAll(
                () -> assertEquals(new InputProblem("'event' is required", 1, 1, "$"), problems("{\"sprintId\": \"s\"}").get(0)),
                () -> assertEquals(new InputProblem("'sprintId' is required (is 'sprintID' meant to be 'sprintId'?)", 1, 1, "$"),
                        problems("{\"event\": \"SprintClosed\", \"sprintID\": \"s\"}").get(0)),
                () -> assertEquals(List.of("'reason' is required"),
                        problems("{\"event\":\"FeatureDeferred\",\"featureId\":\"f\"}").stream().map(InputProblem::message).toList()),
                () -> assertEquals("'sprintId' or 'milestoneId' is required",
                        problems("{\"event\":\"PlanningResumed\",\"reason\":\"r\"}").get(0).message()),
                () -> assertEquals("'versionTag' or 'milestoneId' is required",
                        problems("{\"event\":\"ReleaseCompleted\",\"environment\":\"qa\"}").get(0).message()),
                () -> assertEquals(List.of("'milestoneId' is required", "'gate' is required", "a gate signal needs 'status' (pass or fail), 'value' (a number), or both"),
                        problems("{\"event\":\"GateSignal\"}").stream().map(InputProblem::message).toList()));
    }

    @Test
    void gateSignalsArePassOrFailWithANumericValue() {
        assertAll(
                () -> assertEquals("fail", ((GateSignal) EventParser.parse(
                        "{\"event\":\"GateSignal\",\"milestoneId\":\"m\",\"gate\":\"g\",\"status\":\"FAIL\"}")).status()),
                () -> assertEquals(List.of(
                        new InputProblem("a gate signal's status is 'pass' or 'fail', found 'maybe'", 1, 68, "$.status"),
                        new InputProblem("'value' must be a number, found the string 'high'", 1, 86, "$.value")),
                        problems(Seeds.read("events", "broken-gate-signal.json"))),
                () -> assertEquals("unknown gate condition 'qaCoverageAbov' (did you mean 'qaCoverageAbove'?)", problems(
                        "{\"event\":\"GateSignal\",\"milestoneId\":\"m\",\"gate\":\"qaCoverageAbov\",\"status\":\"pass\"}").get(0).message()));
    }

    @Test
    void idsAndDurationsAreChecked() {
        assertAll(
                () -> assertEquals("sprintId 'sprint 4' may use only letters, digits, '.', '_', ':' and '-', starting with a letter "
                        + "or digit", problems("{\"event\":\"SprintStarted\",\"sprintId\":\"sprint 4\"}").get(0).message()),
                () -> assertEquals("durationMs -1 must be at least 0",
                        problems("{\"event\":\"SprintStarted\",\"sprintId\":\"s\",\"durationMs\":-1}").get(0).message()),
                () -> assertEquals("'duration_ms' must be a whole number, found 1.5",
                        problems("{\"event\":\"SprintStarted\",\"sprintId\":\"s\",\"duration_ms\":1.5}").get(0).message()));
    }

    @Test
    void anEventIsOneJsonObject() {
        assertAll(
                () -> assertEquals(new InputProblem("an event must be a mapping, found a list", 1, 1, "$"), problems("[]").get(0)),
                () -> assertEquals("duplicate key 'event' (first on line 1)",
                        problems(Seeds.read("events", "broken-duplicate-and-types.json")).get(0).message()),
                () -> assertTrue(problems(Seeds.read("events", "broken-truncated.json")).get(0).message().startsWith("JSON syntax error")),
                () -> assertTrue(problems("event: SprintClosed").get(0).message().startsWith("JSON syntax error")));
    }

    @Test
    void recordsAreTheirType() {
        assertInstanceOf(SprintClosed.class, example("spec-sprint-closed.json"));
        assertEquals("SprintClosed", example("spec-sprint-closed.json").type());
    }
}
