package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import studio.governance.TriggerFiring.Rule;

class TriggerFiringTest {

    private static final Rule EACH_CLOSE = new Rule("SprintClosed", "planNextSprint", null);
    private static final Rule FINALIZE = new Rule("SprintClosed", "MilestoneFinalization", TriggerFiring.ALL_STREAMS_READY);
    private static final List<String> STREAMS = List.of("Signup", "Push");

    @Test
    void aConditionedTriggerWaitsForEveryStreamsNewestReportToPass() {
        Map<String, String> newest = new HashMap<>(Map.of("Signup", "pass"));
        assertEquals(List.of(EACH_CLOSE), TriggerFiring.due(List.of(EACH_CLOSE, FINALIZE), "SprintClosed", STREAMS, newest, Set.of()));
        assertEquals(List.of("Push"), TriggerFiring.waitingFor(STREAMS, newest));
        newest.put("Push", "fail");
        assertEquals(List.of(EACH_CLOSE), TriggerFiring.due(List.of(EACH_CLOSE, FINALIZE), "SprintClosed", STREAMS, newest, Set.of()));
        newest.put("Push", null); // a value-only report says nothing about readiness
        assertEquals(List.of("Push"), TriggerFiring.waitingFor(STREAMS, newest));
        newest.put("Push", "pass");
        assertEquals(List.of(EACH_CLOSE, FINALIZE), TriggerFiring.due(List.of(EACH_CLOSE, FINALIZE), "SprintClosed", STREAMS, newest, Set.of()));
    }

    @Test
    void aConditionedTriggerFiresOnceAndOnlyOnItsEvent() {
        Map<String, String> ready = Map.of("Signup", "pass", "Push", "pass");
        assertEquals(List.of(), TriggerFiring.due(List.of(EACH_CLOSE, FINALIZE), "GateSignal", STREAMS, ready, Set.of()));
        assertEquals(List.of(EACH_CLOSE), TriggerFiring.due(List.of(EACH_CLOSE, FINALIZE), "SprintClosed", STREAMS, ready, Set.of(FINALIZE.key())));
        assertEquals(false, EACH_CLOSE.once());
    }
}
