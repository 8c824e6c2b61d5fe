package studio.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.input.InputProblem;

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
    void searchTextIsTrimmedAndAtMostTwoHundredCharacters() {
        List<InputProblem> problems = new ArrayList<>();
        assertEquals("x".repeat(200), QueryText.searchText("  " + "x".repeat(200) + " ", problems));
        assertNull(QueryText.searchText("   ", problems), "blank is no filter");
        assertEquals(List.of(), problems);
        assertNull(QueryText.searchText("x".repeat(201), problems));
        assertEquals(List.of("q"), problems.stream().map(InputProblem::path).toList());
        assertEquals("the search text has 201 characters; at most 200 are allowed", problems.get(0).message());
    }
}
