package studio.sprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SprintCursorTest {

    @Test
    void aTokenReadsBackToTheSameCursor() {
        SprintCursor c = new SprintCursor(Instant.parse("2025-06-01T10:00:00.000001Z"), "sprint-2025.06:core");
        assertEquals(c, SprintCursor.parse(c.token()));
    }

    @Test
    void anythingElseIsNoCursor() {
        assertNull(SprintCursor.parse("12"));
        assertNull(SprintCursor.parse("~sprint-1"));
        assertNull(SprintCursor.parse("2025-06-01T10:00:00Z~"));
        assertNull(SprintCursor.parse("yesterday~sprint-1"));
        assertNull(SprintCursor.parse("2025-06-01T10:00:00Z~<script>"));
    }
}
