package studio.release.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import studio.web.ApiException;

/** The filters as typed (kept for the form and its links) and as the listing reads them. */
class ReleaseFiltersTest {

    @Test
    void theListingReadsEnvironmentAndStateAsStoredWhileTheFormKeepsWhatWasTyped() {
        ReleaseFilters f = new ReleaseFilters(" m1 ", "Production", "paused_for_approval", "", null);
        assertEquals("production", f.environmentFilter());
        assertEquals("paused_for_approval", f.stateFilter());
        assertEquals("Production", f.environment());
        assertEquals("milestone=m1&environment=Production&state=paused_for_approval", f.query());
        assertNull(ReleaseFilters.NONE.environmentFilter());
        assertNull(ReleaseFilters.NONE.stateFilter());
    }

    @Test
    void aWrongFilterIsRefusedNamingWhatThereIs() {
        ApiException environment = assertThrows(ApiException.class, () -> new ReleaseFilters(null, "moon", null, null, null).validated());
        assertEquals(400, environment.status());
        assertEquals("unknown environment 'moon' (known: staging, qa, production)", environment.getMessage());
        ApiException state = assertThrows(ApiException.class, () -> new ReleaseFilters(null, null, "flying", null, null).validated());
        assertEquals("unknown status 'flying' (known: " + String.join(", ", ReleaseFilters.states()) + ")", state.getMessage());
        ApiException range = assertThrows(ApiException.class,
                () -> new ReleaseFilters(null, null, null, "2025-05-14T10:00", "2025-05-14T09:00").validated());
        assertEquals("'from' must be before 'to'", range.getMessage());
    }

    @Test
    void theNextPageKeepsTheFilters() {
        ReleaseFilters f = new ReleaseFilters("m 1", null, "failed", null, null);
        assertEquals("/releases/history?milestone=m+1&state=failed&after=17.3", f.after("/releases/history", "17.3"));
        assertEquals("/releases/more?after=17.3", ReleaseFilters.NONE.after("/releases/more", "17.3"));
        assertNull(f.after("/releases", null), "no next page, no link");
    }
}
