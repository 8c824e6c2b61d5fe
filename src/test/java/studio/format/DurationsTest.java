package studio.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @CsvSource({"72h, PT72H", "30m, PT30M", "45s, PT45S", "7d, PT168H", "1h30m, PT1H30M", "PT24H, PT24H", "p1d, PT24H"})
    void durationsReadAsPeopleWriteThem(String text, String iso) {
        assertEquals(Duration.parse(iso), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "24", "h", "1.5h", "PTX", "-1h"})
    void otherDurationTextsAreRefused(String text) {
        assertEquals("'" + text + "' is not a duration (write 72h, 30m, 7d or PT24H)",
                assertThrows(IllegalArgumentException.class, () -> Durations.parse(text)).getMessage());
    }

    @Test
    void durationsInWords() {
        assertEquals("72h", Durations.spelled(Duration.ofHours(72)));
        assertEquals("1h30m", Durations.spelled(Duration.ofMinutes(90)));
        assertEquals("1m5s", Durations.spelled(Duration.ofSeconds(65)));
        assertEquals("0s", Durations.spelled(Duration.ZERO));
        assertEquals("no limit", Durations.spelled(null));
    }

    @Test
    void sinceShowsTheLargestUnit() {
        assertEquals("just now", Durations.since(T, T.plusSeconds(59)));
        assertEquals("just now", Durations.since(T.plusSeconds(5), T));
        assertEquals("12 min", Durations.since(T, T.plusSeconds(12 * 60 + 59)));
        assertEquals("47 h", Durations.since(T, T.plusSeconds(47 * 3600 + 3599)));
        assertEquals("2 d", Durations.since(T, T.plusSeconds(48 * 3600)));
        assertEquals("", Durations.since(null, T));
    }
}
