package studio.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.evidence.EventParser;
import studio.input.Format;
import studio.input.InputProblem;

/** The milestone fields beyond its gates either act or are refused with their line and name; none is dropped. */
class MilestoneOutputFieldsTest {

    private static MilestoneDefinition parsed(String extra) {
        return DefinitionParser.parse("milestones:\n  - id: m\n" + extra, Format.YAML).milestones().get(0);
    }

    private static InputProblem refused(String extra) {
        return Problems.first("milestones:\n  - id: m\n" + extra);
    }

    @Test
    void studioSignsEveryManifestSoEmitSignedManifestFalseIsRefused() {
        InputProblem p = refused("    emitSignedManifest: false\n");
        assertEquals(3, p.line());
        assertEquals("$.milestones[0].emitSignedManifest", p.path());
        assertTrue(p.message().startsWith("emitSignedManifest: false is refused: Studio signs the manifest of every release"), p.message());
        assertEquals(Boolean.TRUE, parsed("    emitSignedManifest: true\n").emitSignedManifest());
    }

    @Test
    void onDeferEmitNamesFeatureDeferredAndNothingThatCouldPoseAsStudiosOwnEvents() {
        assertEquals("FeatureDeferred", parsed("    onDeferEmit: FeatureDeferred\n").onDeferEmit());
        InputProblem p = refused("    onDeferEmit: MilestoneReached\n");
        assertEquals("$.milestones[0].onDeferEmit", p.path());
        assertEquals("onDeferEmit names the event sent when one of the milestone's features is deferred; Studio sends"
                + " FeatureDeferred, not 'MilestoneReached'", p.message());
    }

    @Test
    void aTriggerStudioCouldNeverFireIsRefusedWithItsField() {
        InputProblem own = refused("    triggers:\n      - event: ReleaseCompleted2\n        next: x\n");
        assertEquals("$.milestones[0].triggers[0].event", own.path());
        assertTrue(own.message().startsWith("'ReleaseCompleted2' is a name of Studio's own events, which it sends and never receives"), own.message());

        InputProblem unknownCondition = refused("    parallelStreams: [A]\n    triggers:\n      - event: SprintClosed\n        condition: whenever\n");
        assertEquals("$.milestones[0].triggers[0].condition", unknownCondition.path());
        assertEquals(6, unknownCondition.line());
        assertTrue(unknownCondition.message().startsWith("condition 'whenever' is not one Studio evaluates"), unknownCondition.message());

        assertEquals("allStreamsReady needs parallelStreams: the milestone names no stream",
                refused("    triggers:\n      - event: SprintClosed\n        condition: allStreamsReady\n").message());
        assertTrue(refused("    parallelStreams: [A]\n    triggers:\n      - event: MilestoneReached\n        condition: allStreamsReady\n")
                .message().startsWith("a MilestoneReached trigger takes no condition"));
        assertTrue(refused("    triggers:\n      - event: sprint closed\n").message()
                .startsWith("a trigger's event is an event name (a capital letter, then letters and digits"));
    }

    @Test
    void streamsAreNamesCiCanReportAndAreNotRepeated() {
        assertEquals(List.of("UserSignupFlow", "MobilePushFlow"), parsed("    parallelStreams: [UserSignupFlow, MobilePushFlow]\n").parallelStreams());
        assertEquals("parallelStreams names A twice", refused("    parallelStreams: [A, A]\n").message());
        InputProblem bad = refused("    parallelStreams: ['user signup']\n");
        assertEquals("$.milestones[0].parallelStreams[0]", bad.path());
        assertTrue(bad.message().startsWith("parallelStreams entry: gate condition 'user signup' must start with a letter"), bad.message());
    }

    @Test
    void theSpecsTriggersAreAccepted() {
        MilestoneDefinition d = parsed("""
                    parallelStreams: [UserSignupFlow]
                    triggers:
                      - event: SprintClosed
                        condition: allStreamsReady
                        next: MilestoneFinalization
                      - event: SecurityPolicyPublished
                        next: staging-release
                      - event: MilestoneCompleted
                        next: deploy-to-staging
                """);
        assertEquals(3, d.triggers().size());
    }

    @Test
    void aTracePatternIsAGlobOverTraceIds() {
        assertEquals("trace-*", parsed("    traceability:\n      tracePattern: trace-*\n").traceability().tracePattern());
        assertTrue(TracePattern.matches("trace-*", "trace-abc123"));
        assertTrue(TracePattern.matches("trace-*-prod", "trace-7-prod"));
        assertEquals(false, TracePattern.matches("trace-*", "span-abc"));
        assertEquals(false, TracePattern.matches("trace.1", "traceX1"), "a dot is a dot");
        InputProblem bad = refused("    traceability:\n      tracePattern: 'trace (any)'\n");
        assertEquals("$.milestones[0].traceability.tracePattern", bad.path());
        assertTrue(bad.message().startsWith("tracePattern 'trace (any)' may use only letters"), bad.message());
    }

    @Test
    void theEventsATriggerMayAwaitAreExactlyTheEventsStudioReceives() {
        assertEquals(EventParser.eventTypes(), TriggerEvents.RECEIVED);
    }
}
