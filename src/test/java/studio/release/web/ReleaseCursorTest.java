package studio.release.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import studio.release.Release;
import studio.web.ApiException;

/** The keyset cursor of the release listings, as links and the API's {@code next} carry it. */
class ReleaseCursorTest {

    @Test
    void aCursorIsTheLastReleasesCreationInMicrosAndItsId() {
        Release r = new Release();
        r.id = 42L;
        r.createdAt = Instant.parse("2025-05-14T16:30:00.123456Z");
        ReleaseCursor cursor = ReleaseCursor.after(r);
        assertEquals("1747240200123456.42", cursor.text());
        assertEquals(cursor, ReleaseCursor.parse(cursor.text()));
        assertEquals(cursor, ReleaseCursor.parse("  1747240200123456.42 "));
    }

    @Test
    void timesBeforeTheEpochReadBackToTheSameMicrosecond() {
        ReleaseCursor before = new ReleaseCursor(Instant.parse("1969-12-31T23:59:59.999999Z"), 7);
        assertEquals("-1.7", before.text());
        assertEquals(before, ReleaseCursor.parse("-1.7"));
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertNull(ReleaseCursor.parse(null));
        assertNull(ReleaseCursor.parse("  "));
    }

    @Test
    void anythingElseIsRefusedSayingWhatToSend() {
        for (String bad : new String[] {"12", "a.b", "1.2.3", "1747240200123456.", ".42"}) {
            ApiException e = assertThrows(ApiException.class, () -> ReleaseCursor.parse(bad), bad);
            assertEquals(400, e.status());
            assertEquals("after is not a release cursor: use the 'next' value of the previous page", e.getMessage());
        }
    }
}
