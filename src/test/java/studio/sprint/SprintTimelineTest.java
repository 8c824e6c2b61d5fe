package studio.sprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.sprint.SprintEventType.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import studio.gate.MilestoneEvidence.SprintState;

class SprintTimelineTest {

    private static final Instant T0 = Instant.parse("2025-05-12T10:00:00Z");

    private static SprintEventFact event(SprintEventType type, int minute, long arrival) {
        return new SprintEventFact("s1", type, T0.plusSeconds(60L * minute), arrival);
    }

    private static SprintTimeline.Legal legal(SprintTimeline.Fold fold) {
        return assertInstanceOf(SprintTimeline.Legal.class, fold);
    }

    private static SprintTimeline.Illegal illegal(SprintTimeline.Fold fold) {
        return assertInstanceOf(SprintTimeline.Illegal.class, fold);
    }

    @Test
    void aSprintWithoutEventsIsPlanned() {
        var fold = legal(SprintTimeline.fold(List.of()));
        assertEquals(SprintState.PLANNED, fold.state());
        assertNull(fold.last());
        assertNull(fold.closedBy());
    }

    @ParameterizedTest
    @EnumSource(SprintEventType.class)
    void aSprintWithNoPriorEventsAcceptsAnyEventAndTakesItsState(SprintEventType type) {
        assertTrue(SprintTimeline.accepts(List.of(), event(type, 0, 1)));
        assertEquals(type.target(), legal(SprintTimeline.fold(List.of(event(type, 0, 1)))).state());
    }

    @Test
    void eachEventLeadsToItsState() {
        assertEquals(SprintState.PLANNED, SPRINT_PLANNED.target());
        assertEquals(SprintState.ACTIVE, SPRINT_STARTED.target());
        assertEquals(SprintState.ACTIVE, SPRINT_CHECKPOINT.target());
        assertEquals(SprintState.BLOCKED, SPRINT_BLOCKED.target());
        assertEquals(SprintState.PLANNED, PLANNING_RESUMED.target());
        assertEquals(SprintState.CLOSED, SPRINT_CLOSED.target());
    }

    @Test
    void theUsualLifeEndsClosedAndNamesTheClosingEvent() {
        SprintEventFact closed = event(SPRINT_CLOSED, 30, 4);
        var fold = legal(SprintTimeline.fold(List.of(event(SPRINT_PLANNED, 0, 1), event(SPRINT_STARTED, 10, 2),
                event(SPRINT_CHECKPOINT, 20, 3), closed)));
        assertEquals(SprintState.CLOSED, fold.state());
        assertSame(closed, fold.closedBy());
        assertSame(closed, fold.last());
    }

    @Test
    void blockedThenResumedIsPlannedAgainAndCanStartAgain() {
        var blocked = List.of(event(SPRINT_STARTED, 0, 1), event(SPRINT_BLOCKED, 5, 2));
        assertEquals(SprintState.BLOCKED, legal(SprintTimeline.fold(blocked)).state());
        var resumed = new ArrayList<>(blocked);
        resumed.add(event(PLANNING_RESUMED, 6, 3));
        assertEquals(SprintState.PLANNED, legal(SprintTimeline.fold(resumed)).state());
        resumed.add(event(SPRINT_STARTED, 7, 4));
        assertEquals(SprintState.ACTIVE, legal(SprintTimeline.fold(resumed)).state());
    }

    @Test
    void stateFollowsTimestampsNotArrival() {
        var fold = legal(SprintTimeline.fold(List.of(event(SPRINT_CLOSED, 30, 1), event(SPRINT_STARTED, 10, 2))));
        assertEquals(SprintState.CLOSED, fold.state());
        var late = legal(SprintTimeline.fold(List.of(event(SPRINT_BLOCKED, 30, 1), event(PLANNING_RESUMED, 10, 2))));
        assertEquals(SprintState.BLOCKED, late.state());
    }

    @ParameterizedTest
    @EnumSource(SprintEventType.class)
    void anyLaterEventAfterClosureIsIllegal(SprintEventType type) {
        SprintEventFact late = event(type, 31, 2);
        var fold = illegal(SprintTimeline.fold(List.of(event(SPRINT_CLOSED, 30, 1), late)));
        assertSame(late, fold.event());
        assertEquals(SprintState.CLOSED, fold.from());
        assertEquals("sprint s1 was closed at 2025-05-12T10:30:00Z; " + type.eventName() + " at 2025-05-12T10:31:00Z cannot follow it",
                fold.reason());
        assertFalse(SprintTimeline.accepts(List.of(event(SPRINT_CLOSED, 30, 1)), late));
    }

    @Test
    void anExactDuplicateOfTheClosureIsHarmless() {
        var existing = List.of(event(SPRINT_STARTED, 0, 1), event(SPRINT_CLOSED, 30, 2));
        SprintEventFact retry = event(SPRINT_CLOSED, 30, 3);
        assertTrue(SprintTimeline.accepts(existing, retry));
        assertEquals(SprintState.CLOSED, legal(SprintTimeline.check(existing, retry)).state());
    }

    @Test
    void aSecondClosureWithAnotherTimestampIsIllegal() {
        assertFalse(SprintTimeline.accepts(List.of(event(SPRINT_CLOSED, 30, 1)), event(SPRINT_CLOSED, 45, 2)));
    }

    @Test
    void anEarlierEventArrivingAfterClosureIsAcceptedAndTheSprintStaysClosed() {
        var existing = List.of(event(SPRINT_CLOSED, 30, 1));
        SprintEventFact earlier = event(SPRINT_CHECKPOINT, 20, 2);
        assertTrue(SprintTimeline.accepts(existing, earlier));
        assertEquals(SprintState.CLOSED, legal(SprintTimeline.check(existing, earlier)).state());
    }

    @Test
    void anEarlierClosureArrivingAfterLaterEventsIsRefused() {
        var existing = List.of(event(SPRINT_STARTED, 10, 1), event(SPRINT_CHECKPOINT, 40, 2));
        SprintEventFact closure = event(SPRINT_CLOSED, 30, 3);
        var fold = illegal(SprintTimeline.check(existing, closure));
        assertEquals(SPRINT_CHECKPOINT, fold.event().type());
    }

    @Test
    void eventsAtTheSameInstantAsTheClosureComeBeforeIt() {
        var fold = legal(SprintTimeline.fold(List.of(event(SPRINT_CLOSED, 30, 1), event(SPRINT_CHECKPOINT, 30, 2),
                event(SPRINT_BLOCKED, 30, 3))));
        assertEquals(SprintState.CLOSED, fold.state());
    }

    @Test
    void duplicatesOfOpenEventsChangeNothing() {
        var once = legal(SprintTimeline.fold(List.of(event(SPRINT_STARTED, 0, 1), event(SPRINT_BLOCKED, 5, 2))));
        var twice = legal(SprintTimeline.fold(List.of(event(SPRINT_STARTED, 0, 1), event(SPRINT_BLOCKED, 5, 2),
                event(SPRINT_BLOCKED, 5, 3), event(SPRINT_STARTED, 0, 4))));
        assertEquals(once.state(), twice.state());
        assertEquals(2, twice.last().arrivalSeq(), "the first copy is the one kept");
    }

    @Test
    void everyArrivalOrderOfTheSameEventsGivesTheSameState() {
        List<SprintEventFact> events = List.of(event(SPRINT_PLANNED, 0, 0), event(SPRINT_STARTED, 5, 0), event(SPRINT_CHECKPOINT, 10, 0),
                event(SPRINT_BLOCKED, 15, 0), event(PLANNING_RESUMED, 20, 0), event(SPRINT_STARTED, 25, 0), event(SPRINT_CLOSED, 30, 0));
        int[] count = {0};
        permutations(events, order -> {
            var fold = legal(SprintTimeline.fold(arrive(order)));
            assertEquals(SprintState.CLOSED, fold.state());
            assertEquals(T0.plusSeconds(1800), fold.closedBy().timestamp());
            count[0]++;
        });
        assertEquals(5040, count[0]);
    }

    @Test
    void everyArrivalOrderWithTiesAndDuplicatesGivesTheSameState() {
        List<SprintEventFact> events = List.of(event(SPRINT_STARTED, 5, 0), event(SPRINT_BLOCKED, 5, 0), event(PLANNING_RESUMED, 5, 0),
                event(SPRINT_CHECKPOINT, 5, 0), event(SPRINT_BLOCKED, 5, 0), event(SPRINT_PLANNED, 1, 0));
        permutations(events, order -> assertEquals(SprintState.PLANNED, legal(SprintTimeline.fold(arrive(order))).state()));
        List<SprintEventFact> blocked = List.of(event(SPRINT_STARTED, 5, 0), event(SPRINT_BLOCKED, 5, 0),
                event(SPRINT_CHECKPOINT, 5, 0), event(SPRINT_PLANNED, 1, 0), event(SPRINT_CLOSED, 5, 0), event(SPRINT_CLOSED, 5, 0));
        permutations(blocked, order -> assertEquals(SprintState.CLOSED, legal(SprintTimeline.fold(arrive(order))).state()));
    }

    @Test
    void everyArrivalOrderOfAnIllegalTimelineNamesTheSameStep() {
        List<SprintEventFact> events = List.of(event(SPRINT_STARTED, 5, 0), event(SPRINT_CLOSED, 10, 0),
                event(SPRINT_CHECKPOINT, 15, 0), event(SPRINT_BLOCKED, 20, 0), event(SPRINT_PLANNED, 1, 0));
        permutations(events, order -> {
            var fold = illegal(SprintTimeline.fold(arrive(order)));
            assertEquals(SPRINT_CHECKPOINT, fold.event().type());
            assertEquals(T0.plusSeconds(900), fold.event().timestamp());
        });
    }

    @ParameterizedTest
    @EnumSource(SprintState.class)
    void shownStateIsVerifyingOnlyForAnActiveSprintWithEvidence(SprintState state) {
        var fold = new SprintTimeline.Legal(state, null, null);
        assertEquals(state == SprintState.ACTIVE ? SprintState.VERIFYING : state, fold.shown(true));
        assertEquals(state, fold.shown(false));
    }

    @Test
    void eventsOfTwoSprintsCannotBeFoldedTogether() {
        var other = new SprintEventFact("s2", SPRINT_STARTED, T0, 2);
        assertThrows(IllegalArgumentException.class, () -> SprintTimeline.fold(List.of(event(SPRINT_PLANNED, 0, 1), other)));
    }

    @Test
    void eventNamesMapBothWays() {
        for (SprintEventType type : SprintEventType.values()) {
            assertEquals(type, SprintEventType.fromEventName(type.eventName()).orElseThrow());
        }
        assertTrue(SprintEventType.fromEventName("SprintPaused").isEmpty());
        assertTrue(SprintEventType.fromEventName("sprintclosed").isEmpty());
    }

    @Test
    void lifecycleTableClosedAcceptsNothingEveryOtherStateAcceptsEverything() {
        for (SprintState state : SprintState.values()) {
            for (SprintEventType type : SprintEventType.values()) {
                assertEquals(state != SprintState.CLOSED, SprintLifecycle.accepts(state, type), state + " x " + type);
            }
        }
        assertEquals("Active", SprintState.ACTIVE.label());
    }

    /** Gives events arrival numbers in list order, as the store would. */
    private static List<SprintEventFact> arrive(List<SprintEventFact> order) {
        List<SprintEventFact> out = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            SprintEventFact e = order.get(i);
            out.add(new SprintEventFact(e.sprintId(), e.type(), e.timestamp(), i + 1));
        }
        return out;
    }

    private static <T> void permutations(List<T> items, Consumer<List<T>> visit) {
        permute(new ArrayList<>(items), 0, visit);
    }

    private static <T> void permute(List<T> items, int k, Consumer<List<T>> visit) {
        if (k == items.size()) {
            visit.accept(List.copyOf(items));
            return;
        }
        for (int i = k; i < items.size(); i++) {
            java.util.Collections.swap(items, k, i);
            permute(items, k + 1, visit);
            java.util.Collections.swap(items, k, i);
        }
    }
}
