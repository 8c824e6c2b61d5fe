package studio.milestone;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoardFilterTest {

    static final BoardRow MVP = Rows.described("mvp-ready", "MVP Delivery", "Booking and notification MVP", "CoreFeature",
            "product-owner", List.of("mvp", "core"));
    static final BoardRow SEC = Rows.described("sec-review", "Security review", "Pen test sign-off", "Validation",
            "security-officer", List.of("security"));
    static final BoardRow BARE = Rows.described("bare", null, null, null, null, List.of());

    @Test
    void blankCriteriaMatchEverything() {
        BoardFilter f = new BoardFilter(" ", "", null, "\t");
        assertFalse(f.active());
        assertTrue(f.matches(MVP) && f.matches(SEC) && f.matches(BARE));
        assertEquals("", f.query());
    }

    @Test
    void phaseOwnerAndLabelAreExact() {
        assertAll(
                () -> assertTrue(new BoardFilter("CoreFeature", null, null, null).matches(MVP)),
                () -> assertFalse(new BoardFilter("corefeature", null, null, null).matches(MVP), "phases are names, not text"),
                () -> assertFalse(new BoardFilter("Core", null, null, null).matches(MVP)),
                () -> assertTrue(new BoardFilter(null, "security-officer", null, null).matches(SEC)),
                () -> assertFalse(new BoardFilter(null, "security", null, null).matches(SEC)),
                () -> assertTrue(new BoardFilter(null, null, "core", null).matches(MVP)),
                () -> assertFalse(new BoardFilter(null, null, "cor", null).matches(MVP)),
                () -> assertFalse(new BoardFilter("CoreFeature", null, null, null).matches(BARE), "no phase matches no phase filter"));
    }

    @Test
    void textIsACaseInsensitiveSubstringOfIdNameOrDescription() {
        assertAll(
                () -> assertTrue(new BoardFilter(null, null, null, "MVP-R").matches(MVP), "id"),
                () -> assertTrue(new BoardFilter(null, null, null, "delivery").matches(MVP), "name"),
                () -> assertTrue(new BoardFilter(null, null, null, "pen test").matches(SEC), "description"),
                () -> assertFalse(new BoardFilter(null, null, null, "pen test").matches(MVP)),
                () -> assertTrue(new BoardFilter(null, null, null, "  bare ").matches(BARE), "trimmed, and null fields are skipped"));
    }

    @Test
    void everyCriterionMustHold() {
        assertFalse(new BoardFilter("Validation", null, "mvp", null).matches(MVP));
        assertTrue(new BoardFilter("Validation", "security-officer", "security", "review").matches(SEC));
    }

    @Test
    void theQueryCarriesTheCriteriaUrlEncoded() {
        assertEquals("phase=Core+Feature&label=a%26b&q=%3Cx%3E", new BoardFilter("Core Feature", null, "a&b", "<x>").query());
    }

    @Test
    void optionsAreTheDistinctValuesInUseSorted() {
        BoardFilter.Options o = BoardFilter.options(List.of(SEC, MVP, BARE));
        assertEquals(List.of("CoreFeature", "Validation"), o.phases());
        assertEquals(List.of("product-owner", "security-officer"), o.owners());
        assertEquals(List.of("core", "mvp", "security"), o.labels());
    }
}
