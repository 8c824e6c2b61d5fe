package studio.sprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.sprint.MilestoneTrace.SprintFacts;
import studio.sprint.MilestoneTrace.TracedFeature;

class MilestoneTraceTest {

    @Test
    void requiredFeaturesAreDeliveredOnlyByClosedSprintsAndKeepTheirOrder() {
        MilestoneTrace t = MilestoneTrace.assemble("mvp-ready", null, "verifying", List.of("BookingFlow", "Email", "Auth"),
                Map.of("BookingFlow", 93.1), Map.of("BookingFlow", List.of("core")),
                List.of(new SprintFacts("core", "Core", "closed", true, List.of("BookingFlow")),
                        new SprintFacts("comm", null, "verifying", false, List.of("Email", "Extra"))),
                0, Map.of(), Map.of());
        assertEquals("mvp-ready", t.title(), "unnamed: the id");
        assertEquals(List.of("BookingFlow", "Email", "Auth"), t.required().stream().map(MilestoneTrace.RequiredFeature::id).toList());
        assertTrue(t.required().get(0).delivered());
        assertEquals(93.1, t.required().get(0).coverage());
        assertFalse(t.required().get(1).delivered());
        assertNull(t.required().get(2).coverage());
        TracedFeature extra = t.sprints().get(1).features().get(1);
        assertFalse(extra.required(), "a feature the milestone does not require is marked so");
        assertFalse(extra.delivered(), "not delivered while its sprint is open");
        assertTrue(t.sprints().get(0).features().get(0).delivered());
        assertEquals("comm", t.sprints().get(1).title());
    }

    @Test
    void eachSprintFeatureCarriesItsOwnEntryAndMeasure() {
        TraceSubmission entry = new TraceSubmission(7, Instant.EPOCH, FeatureTraceTest.f("BookingFlow", 17));
        FeatureMeasure measure = new FeatureMeasure("BookingFlow", 93.1, "qa", 17);
        MilestoneTrace t = MilestoneTrace.assemble("m", "M", "reached", List.of("BookingFlow"), Map.of(), Map.of(),
                List.of(new SprintFacts("core", "Core", "closed", true, List.of("BookingFlow", "Untraced"))), 3,
                Map.of("core", Map.of("BookingFlow", entry)), Map.of("core", Map.of("BookingFlow", measure)));
        TracedFeature booking = t.sprints().get(0).features().get(0);
        assertEquals(17, booking.entry().entry().tests().size());
        assertEquals(measure, booking.measure());
        TracedFeature untraced = t.sprints().get(0).features().get(1);
        assertNull(untraced.entry());
        assertFalse(untraced.measure().measured());
        assertEquals(3, t.moreSprints());
    }
}
