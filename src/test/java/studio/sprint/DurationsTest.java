package studio.sprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DurationsTest {

    static final Instant T = Instant.parse("2025-06-01T10:00:00Z");

    @Test
    void readsAsPeopleSayIt() {
        assertEquals("0 s", Durations.between(T, T));
        assertEquals("59 s", Durations.between(T, T.plusSeconds(59)));
        assertEquals("1 min", Durations.between(T, T.plusSeconds(60)));
        assertEquals("59 min", Durations.between(T, T.plusSeconds(3599)));
        assertEquals("1 h", Durations.between(T, T.plusSeconds(3600)));
        assertEquals("5 h 12 min", Durations.between(T, T.plusSeconds(5 * 3600 + 12 * 60 + 30)));
        assertEquals("1 d", Durations.between(T, T.plusSeconds(86_400)));
        assertEquals("2 d 6 h", Durations.between(T, Instant.parse("2025-06-03T16:30:00Z")));
    }

    @Test
    void unknownOrBackwardsIsNoDuration() {
        assertNull(Durations.between(null, T));
        assertNull(Durations.between(T, null));
        assertNull(Durations.between(T, T.minusSeconds(1)));
    }

    @Test
    void aSprintRunsFromItsStartToItsCloseOrToNow() {
        SprintSummary closed = new SprintSummary("s", null, null, "closed", null, T, T.plusSeconds(7200), null, T,
                java.util.List.of(), 0, null, 0, null, null);
        assertEquals("2 h", closed.duration());
        SprintSummary notStarted = new SprintSummary("s", null, null, "planned", null, null, null, null, T,
                java.util.List.of(), 0, null, 0, null, null);
        assertNull(notStarted.duration());
        SprintSummary running = new SprintSummary("s", null, null, "active", null, Instant.now().minusSeconds(125), null, null, T,
                java.util.List.of(), 0, null, 0, null, null);
        assertEquals("2 min", running.duration());
        assertEquals(true, running.running());
    }
}
