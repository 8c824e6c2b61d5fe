package studio.telemetry;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * One milestone from evidence to Reached through the JSON API, read back as the spans Studio recorded: the request's
 * server span holds the EvidenceIngest span, which holds MilestoneGateEvaluation, which holds the transition and the
 * automatic release's ReleaseCoordinator steps; the evidence's trace id is an attribute and a link to CI's trace.
 */
@QuarkusTest
class EvidenceTracesTest {

    /** The CI pipeline's own W3C trace ids, as its evidence names them. */
    static final String PLANNING_TRACE = "0af7651916cd43dd8448eb211c80319c";
    static final String CLOSING_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    static final String MILESTONE = """
            milestones:
              - id: traced-gate
                requiredFeatures: [Checkout]
                gateConditions:
                  - allSprintsClosed
                  - qaCoverageAbove: 80
                  - traceMatrixComplete
                versionTag: traced-v1
                autoPromotion: true
            """;
    static final String SPRINT = "sprint-traced";

    @Inject
    RecordedSpans recorded;

    @BeforeEach
    void clean() {
        TestDb.reset();
        recorded.reset();
    }

    @Test
    void theEvidenceThatReachesAMilestoneIsOneTraceLinkedToCisTrace() {
        Api.importDefinitions(MILESTONE).then().statusCode(200);
        Api.event("""
                {"event":"SprintPlanned","sprintId":"%s","milestone":"traced-gate","features":["Checkout"],
                 "traceId":"%s","timestamp":"2025-05-12T10:00:00Z"}""".formatted(SPRINT, PLANNING_TRACE)).then().statusCode(201);
        Api.traceMatrix(SPRINT, """
                {"sprint_id":"%s","milestone_id":"traced-gate","trace_id":"%s",
                 "features":[{"id":"Checkout","tests":["CheckoutTests.pays"],"artifacts":["Checkout.java"]}]}"""
                .formatted(SPRINT, PLANNING_TRACE)).then().statusCode(201);
        Api.qaReport(SPRINT, "## QA Validation Summary\n- Checkout: 92.5%\n").then().statusCode(201);
        startRecordingAfter("/qa-report");

        Api.event("""
                {"event":"SprintClosed","sprintId":"%s","traceId":"%s","timestamp":"2025-05-13T14:45:00Z"}"""
                .formatted(SPRINT, CLOSING_TRACE)).then().statusCode(201);
        Api.milestone("traced-gate").then().body("status", equalTo("reached"));

        SpanData request = await(s -> s.getKind() == SpanKind.SERVER && s.getName().endsWith("/api/events"));
        SpanData ingest = one("EvidenceIngest");
        assertEquals(request.getSpanId(), ingest.getParentSpanId(), "the ingest span is the request's child");
        assertEquals("event", attribute(ingest, "evidence_kind"));
        assertEquals("SprintClosed", attribute(ingest, "event_type"));
        assertEquals(CLOSING_TRACE, attribute(ingest, "trace_id"));
        assertLinkedToCi(ingest);

        SpanData evaluation = one("MilestoneGateEvaluation");
        assertEquals(ingest.getSpanId(), evaluation.getParentSpanId());
        assertEquals("traced-gate", attribute(evaluation, "milestone_id"));
        assertEquals("reached", attribute(evaluation, "milestone_state"));
        assertEquals("passed", attribute(evaluation, "gate_outcome"));
        assertEquals(CLOSING_TRACE, attribute(evaluation, "trace_id"));
        assertLinkedToCi(evaluation);

        SpanData reached = one("MilestoneReached");
        assertEquals(evaluation.getSpanId(), reached.getParentSpanId());
        assertEquals("traced-gate", attribute(reached, "milestone_id"));
        assertEquals("reached", attribute(reached, "to"));
        assertEquals(evaluation.getSpanId(), one("MilestonePromotionTriggered").getParentSpanId());

        SpanData inputs = one("ReleaseCoordinator.ResolveInputs");
        SpanData tag = one("ReleaseCoordinator.TagArtifacts");
        SpanData trigger = one("ReleaseCoordinator.TriggerCI");
        assertEquals(evaluation.getSpanId(), inputs.getParentSpanId(), "autoPromotion releases inside the evaluation");
        assertEquals(evaluation.getSpanId(), tag.getParentSpanId());
        assertEquals(evaluation.getSpanId(), trigger.getParentSpanId());
        assertEquals("traced-v1", attribute(tag, "version_tag"));
        assertEquals("traced-v1", attribute(trigger, "version_tag"));
        assertEquals("deploying", attribute(trigger, "release_status"));
        assertEquals(CLOSING_TRACE, attribute(trigger, "trace_id"), "the release carries its milestone's trace id");

        for (SpanData s : List.of(ingest, evaluation, reached, inputs, tag, trigger)) {
            assertEquals(request.getTraceId(), s.getTraceId(), s.getName() + " is in the request's trace");
        }
        assertNotEquals(CLOSING_TRACE, request.getTraceId(), "CI's trace is linked, not adopted");
    }

    @Test
    void evidenceWhoseTraceIdIsNoW3cIdCarriesItButLinksNothing() {
        Api.importDefinitions(MILESTONE).then().statusCode(200);
        startRecordingAfter("/api/definitions");
        Api.event("""
                {"event":"SprintPlanned","sprintId":"%s","milestone":"traced-gate","features":["Checkout"],
                 "traceId":"trace-xyz-123","timestamp":"2025-05-12T10:00:00Z"}""".formatted(SPRINT)).then().statusCode(201);

        await(s -> s.getKind() == SpanKind.SERVER && s.getName().endsWith("/api/events"));
        for (String name : List.of("EvidenceIngest", "MilestoneGateEvaluation")) {
            SpanData span = one(name);
            assertEquals("trace-xyz-123", attribute(span, "trace_id"));
            assertTrue(span.getLinks().isEmpty(), name + " has no link");
        }
        assertEquals("pending", attribute(one("MilestoneGateEvaluation"), "milestone_state"));
    }

    private void assertLinkedToCi(SpanData span) {
        LinkData link = span.getLinks().stream().filter(l -> l.getSpanContext().getTraceId().equals(CLOSING_TRACE)).findFirst()
                .orElseThrow(() -> new AssertionError(span.getName() + " links to CI's trace: " + span.getLinks()));
        assertEquals(EvidenceTrace.UNKNOWN_SPAN, link.getSpanContext().getSpanId());
        assertEquals(CLOSING_TRACE, link.getAttributes().get(AttributeKey.stringKey("evidence.trace_id")));
    }

    /** Forgets what was recorded once the previous request's spans have all arrived (its server span ends last). */
    private void startRecordingAfter(String path) {
        await(s -> s.getKind() == SpanKind.SERVER && s.getName().endsWith(path));
        recorded.reset();
    }

    /** The spans arrive in batches after the request ends: wait for the request's own span, the last to end. */
    private SpanData await(Predicate<SpanData> which) {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            var found = recorded.finished().stream().filter(which).findFirst();
            if (found.isPresent()) return found.get();
            sleep();
        }
        return fail("no such span among " + recorded.finished().stream().map(SpanData::getName).toList());
    }

    private SpanData one(String name) {
        List<SpanData> named = recorded.finished().stream().filter(s -> s.getName().equals(name)).toList();
        assertEquals(1, named.size(), () -> "one " + name + " span among " + recorded.finished().stream().map(SpanData::getName).toList());
        return named.get(0);
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
