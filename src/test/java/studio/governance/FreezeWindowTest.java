package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FreezeWindowTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aOneOffWindowHoldsFromItsStartUntilItsEnd() {
        FreezeWindow w = new FreezeWindow(1, "production", "year-end", Instant.parse("2026-12-20T00:00:00Z"), Instant.parse("2027-01-04T00:00:00Z"),
                null, null);
        assertFalse(w.covers(Instant.parse("2026-12-19T23:59:59Z")));
        assertTrue(w.covers(Instant.parse("2026-12-20T00:00:00Z")));
        assertFalse(w.covers(Instant.parse("2027-01-04T00:00:00Z")), "the end is outside");
        assertEquals(Instant.parse("2027-01-04T00:00:00Z"), w.endAfter(Instant.parse("2026-12-24T12:00:00Z")));
        assertEquals("'year-end' from 2026-12-20 00:00 to 2027-01-04 00:00 UTC", w.describe());
        assertThrows(IllegalArgumentException.class, () -> new FreezeWindow(1, "qa", "x", Instant.parse("2027-01-04T00:00:00Z"),
                Instant.parse("2026-12-20T00:00:00Z"), null, null));
    }

    @Test
    void aWeeklyWindowWrapsOverTheWeekendInItsOwnZone() {
        FreezeWindow w = new FreezeWindow(2, "production", "weekend", null, null, FreezeWindow.Weekly.parse("FRI 18:00", "MON 06:00"), BERLIN);
        // 2026-12-04 is a Friday; Berlin is UTC+1 in December
        assertFalse(w.covers(Instant.parse("2026-12-04T16:59:00Z")), "Friday 17:59 in Berlin");
        assertTrue(w.covers(Instant.parse("2026-12-04T17:00:00Z")), "Friday 18:00 in Berlin");
        assertTrue(w.covers(Instant.parse("2026-12-06T12:00:00Z")), "Sunday");
        assertTrue(w.covers(Instant.parse("2026-12-07T04:59:00Z")), "Monday 05:59 in Berlin");
        assertFalse(w.covers(Instant.parse("2026-12-07T05:00:00Z")), "Monday 06:00 in Berlin");
        assertFalse(w.covers(Instant.parse("2026-12-09T12:00:00Z")), "Wednesday");
        assertEquals(Instant.parse("2026-12-07T05:00:00Z"), w.endAfter(Instant.parse("2026-12-06T12:00:00Z")));
        assertEquals("'weekend' every FRI 18:00 to MON 06:00 Europe/Berlin", w.describe());
    }

    @Test
    void aWeeklyWindowWithinTheWeekDoesNotWrap() {
        FreezeWindow w = new FreezeWindow(3, "qa", "release-train", null, null, FreezeWindow.Weekly.parse("tue 09:00", "wed 09:00"), null);
        assertTrue(w.covers(Instant.parse("2026-12-08T10:00:00Z")), "Tuesday 10:00 UTC");
        assertFalse(w.covers(Instant.parse("2026-12-10T10:00:00Z")), "Thursday");
    }

    @Test
    void weeklyEndsThatAreNotADayAndATimeAreRefusedSayingWhy() {
        assertEquals("'FRYDAY 18:00' does not start with a day of the week (MON, TUE, ... SUN)",
                assertThrows(IllegalArgumentException.class, () -> FreezeWindow.Weekly.parse("FRYDAY 18:00", "MON 06:00")).getMessage());
        assertEquals("'FRI 6pm' has no time of day HH:MM after its day",
                assertThrows(IllegalArgumentException.class, () -> FreezeWindow.Weekly.parse("FRI 6pm", "MON 06:00")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> FreezeWindow.Weekly.parse("FRI 18:00", "FRI 18:00"));
    }
}
