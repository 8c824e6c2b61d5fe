package studio.release.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static studio.release.lifecycle.ReleaseState.*;
import static studio.release.lifecycle.ReleaseTrigger.*;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReleaseStateTest {

    @Test
    void theTransitionTableHasExactlyTheseEdges() {
        Map<ReleaseState, Map<ReleaseTrigger, ReleaseState>> expected = new EnumMap<>(ReleaseState.class);
        for (ReleaseState s : ReleaseState.values()) expected.put(s, new EnumMap<>(ReleaseTrigger.class));
        expected.get(PENDING).put(REQUEST_APPROVAL, PAUSED_FOR_APPROVAL);
        expected.get(PENDING).put(START_TAGGING, TAGGING);
        expected.get(PAUSED_FOR_APPROVAL).put(REQUEST_APPROVAL, PAUSED_FOR_APPROVAL);
        expected.get(PAUSED_FOR_APPROVAL).put(START_TAGGING, TAGGING);
        expected.get(PAUSED_FOR_APPROVAL).put(REJECT, REJECTED);
        expected.get(PAUSED_FOR_APPROVAL).put(ABORT, ABORTED);
        expected.get(TAGGING).put(HAND_TO_CI, DEPLOYING);
        expected.get(DEPLOYING).put(CI_SUCCEEDED, DOCUMENTING);
        expected.get(DEPLOYING).put(CI_FAILED, FAILED);
        expected.get(DOCUMENTING).put(DOCUMENT, COMPLETED);
        expected.get(COMPLETED).put(ROLL_BACK, ROLLED_BACK);
        expected.get(FAILED).put(ROLL_BACK, ROLLED_BACK);
        expected.get(FAILED).put(START_TAGGING, TAGGING);
        expected.get(FAILED).put(REQUEST_APPROVAL, PAUSED_FOR_APPROVAL);
        expected.get(FAILED).put(CI_SUCCEEDED, DOCUMENTING);
        for (ReleaseState s : ReleaseState.values()) {
            for (ReleaseTrigger t : ReleaseTrigger.values()) {
                assertEquals(Optional.ofNullable(expected.get(s).get(t)), s.next(t), s + " --" + t + "-->");
            }
        }
    }

    @Test
    void eachEdgeEmitsItsEvent() {
        assertEquals("ReleaseApprovalRequested", REQUEST_APPROVAL.event().eventName());
        assertEquals(null, START_TAGGING.event());
        assertEquals("ReleaseTriggered", HAND_TO_CI.event().eventName());
        assertEquals("ReleaseCompleted", CI_SUCCEEDED.event().eventName());
        assertEquals("ReleaseAuditEmitted", DOCUMENT.event().eventName());
        assertEquals("ReleaseFailed", CI_FAILED.event().eventName());
        assertEquals("ReleaseRolledBack", ROLL_BACK.event().eventName());
        assertEquals("ReleaseRejected", REJECT.event().eventName());
        assertEquals("ReleaseAborted", ABORT.event().eventName());
    }

    @Test
    void rolledBackAbortedAndRejectedAreTerminalAndHaveNoEdges() {
        Set<ReleaseState> terminal = Stream.of(ReleaseState.values()).filter(ReleaseState::terminal).collect(Collectors.toSet());
        assertEquals(Set.of(ROLLED_BACK, ABORTED, REJECTED), terminal);
        for (ReleaseState s : terminal) {
            for (ReleaseTrigger t : ReleaseTrigger.values()) assertEquals(Optional.empty(), s.next(t), s + " " + t);
        }
    }

    @Test
    void namesForPeopleAndForJson() {
        assertEquals("Paused for approval", PAUSED_FOR_APPROVAL.label());
        assertEquals("Rolled back", ROLLED_BACK.label());
        assertEquals("Pending", PENDING.label());
        assertEquals("paused_for_approval", PAUSED_FOR_APPROVAL.json());
        for (ReleaseState s : ReleaseState.values()) assertEquals(s, ReleaseState.fromJson(s.json()));
        assertThrows(IllegalArgumentException.class, () -> ReleaseState.fromJson("shipped"));
    }

    @Test
    void aWaitForAStateIsRuledOutWhenNoEdgeLeadsThereOrTheReleaseFailed() {
        assertEquals(false, DEPLOYING.rulesOut(COMPLETED));
        assertEquals(false, PAUSED_FOR_APPROVAL.rulesOut(COMPLETED), "people may still approve it");
        assertEquals(false, COMPLETED.rulesOut(COMPLETED));
        assertEquals(true, FAILED.rulesOut(COMPLETED), "only a person's retry moves it again");
        assertEquals(false, FAILED.rulesOut(FAILED));
        assertEquals(true, REJECTED.rulesOut(COMPLETED));
        assertEquals(true, COMPLETED.rulesOut(FAILED));
        assertEquals(false, DEPLOYING.rulesOut(ROLLED_BACK));
    }
}
