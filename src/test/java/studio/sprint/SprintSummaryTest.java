package studio.sprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SprintSummaryTest {

    static final Instant T = Instant.parse("2025-06-01T10:00:00Z");

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
