package studio.sprint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QueryTextTest {

    @Test
    void blankValuesAreLeftOutAndTheRestEncoded() {
        assertEquals("?a=1&c=x+y%2Fz", QueryText.of(QueryText.pairs("a", "1", "b", " ", "c", "x y/z", "d", null)));
        assertEquals("", QueryText.of(QueryText.pairs("a", null)));
    }

    @Test
    void likeWildcardsInSearchTextAreTakenLiterally() {
        assertEquals("%100\\%\\_done\\\\%", QueryText.containing("100%_done\\"));
        assertEquals("%booking%", QueryText.containing("booking"));
    }

    @Test
    void parametersAreNumberedInOrderForHibernate() {
        assertEquals("a = ?1 and b in (?2, ?3) and c = ?4", Rows.numbered("a = ? and b in (?, ?) and c = ?"));
        assertEquals("x = ?1", Rows.numbered("x = ?1"), "already numbered stays as it is");
    }
}
