package studio.sprint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import studio.testing.Api;
import studio.testing.Story;
import studio.testing.TestDb;

/**
 * The spec's mvp-ready story (studio.testing.Story) with definitions around it, as the sprint and backlog pages see
 * it: sprint-2025-06-core delivered BookingFlow (a first matrix with 15 tests, then 17; 93.1%) and is Closed; sprint-2025-06-comm delivers
 * Notification.Email.Send (18 tests, 89.6%) and is Verifying; Auth.Login was deferred; sprint-ghost is known only
 * from a CI event; a sprint and a feature carry a script tag in their names; booking-polish also requires BookingFlow.
 */
public final class RecordsStory {

    public static final String XSS = "<script>alert(1)</script>";
    public static final String XSS_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    public static final String GHOST = "sprint-ghost";
    public static final String HOSTILE = "sprint-hostile";
    public static final String DEFERRAL = "Waiting on the identity provider contract";

    public static final String DEFINITIONS = Story.MILESTONES + """
              - id: booking-polish
                name: Booking polish
                requiredFeatures: [BookingFlow]
                gateConditions: [allSprintsClosed]
            sprints:
              - id: sprint-2025-06-core
                name: Core booking sprint
                goal: Deliver the fully testable booking flow
                module: BookingService
                includes:
                  - Milestone: mvp-ready
                  - Features: [BookingFlow]
              - id: sprint-2025-06-comm
                name: Email confirmations sprint
                goal: Confirm every booking by email
                includes:
                  - Milestone: mvp-ready
                  - Features: [Notification.Email.Send]
              - id: sprint-hostile
                name: "<script>alert(1)</script>"
                goal: "<script>alert(1)</script>"
            features:
              - featureId: BookingFlow
                title: Book an appointment
                priority: P1
                requiredBy: milestone:mvp-ready
                estimatedEffort: 5
                agentRoles: [backend-developer, test-generator]
                status: planned
              - featureId: Notification.Email.Send
                title: Email confirmations for booking
                priority: P1
                requiredBy: milestone:mvp-ready
                dependsOn: BookingFlow
                estimatedEffort: 2.5
                status: planned
              - featureId: Auth.Login
                title: Sign in with the identity provider
                priority: P2
                requiredBy: milestone:mvp-ready
                dependsOn: Notification.Email.Send
                status: planned
              - featureId: Docs.Diagrams
                title: "<script>alert(1)</script>"
                priority: P3
                status: completed
            """;

    static final String EXECUTION = """
            {"traceId":"trace-xyz-123","sprintId":"sprint-2025-06-core","featureId":"BookingFlow","agentId":"backend-developer",
             "skillId":"GenerateHandler","status":"Success","durationMs":1278,"artifact":"BookAppointmentHandler.cs"}""";

    private RecordsStory() {}

    public static void seed() {
        TestDb.reset();
        Api.importDefinitions(DEFINITIONS).then().statusCode(200);
        created(Api.event(Story.planned(Story.CORE, "BookingFlow", "2025-06-01T09:00:00Z")).statusCode());
        created(Api.event(Story.planned(Story.COMM, "Notification.Email.Send", "2025-06-01T09:05:00Z")).statusCode());
        created(Api.event(started(Story.CORE, "2025-06-01T10:00:00Z")).statusCode());
        created(Api.event(started(Story.COMM, "2025-06-01T10:00:00Z")).statusCode());
        created(Api.traceMatrix(Story.CORE, Story.matrix(Story.CORE, "BookingFlow", 15)).statusCode());
        created(Api.traceMatrix(Story.CORE, Story.matrix(Story.CORE, "BookingFlow", 17)).statusCode());
        created(Api.traceMatrix(Story.COMM, Story.matrix(Story.COMM, "Notification.Email.Send", 18)).statusCode());
        created(Api.qaReport(Story.CORE, Story.qa(Story.CORE, "BookingFlow", "93.1") + "- Tests passed: 142\n- Tests failed: 0\n").statusCode());
        created(Api.qaReport(Story.COMM, Story.qa(Story.COMM, "Notification.Email.Send", "89.6") + "- Tests passed: 96\n- Tests failed: 2\n").statusCode());
        created(Api.as("ci").contentType("application/json").body(EXECUTION).post("/api/executions").statusCode());
        created(Api.event(Story.closed(Story.CORE, "2025-06-03T16:30:00Z")).statusCode());
        created(Api.event(started(GHOST, "2025-06-02T08:00:00Z")).statusCode());
        created(Api.traceMatrix(HOSTILE, """
                {"sprint_id":"sprint-hostile","milestone_id":"mvp-ready","features":[{"id":"Hostile.Feature","tests":["<script>alert(1)</script>"],
                 "artifacts":["<script>alert(1)</script>"],"agent":"<script>alert(1)</script>"}]}""").statusCode());
        created(Api.event("""
                {"event":"FeatureDeferred","featureId":"Auth.Login","reason":"%s","milestoneId":"mvp-ready",
                 "timestamp":"2025-06-02T12:00:00Z"}""".formatted(DEFERRAL)).statusCode());
    }

    public static String started(String sprint, String at) {
        return "{\"event\":\"SprintStarted\",\"sprintId\":\"" + sprint + "\",\"traceId\":\"trace-" + sprint + "\",\"timestamp\":\"" + at + "\"}";
    }

    private static void created(int status) {
        assertEquals(201, status, "the API accepted the evidence");
    }
}
