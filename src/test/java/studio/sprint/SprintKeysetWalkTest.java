package studio.sprint;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/** Thousands of sprints never render at once: the list pages with a keyset cursor, as links and as htmx rows. */
@QuarkusTest
@TestSecurity(user = "qa", roles = "qa-lead")
class SprintKeysetWalkTest {

    private static final Pattern ROW = Pattern.compile("<tr id=\"sprint-([^\"]+)\"");
    private static final Pattern MORE = Pattern.compile("<tr id=\"sprint-more\">.*?href=\"([^\"]+)\"", Pattern.DOTALL);

    static List<String> ids(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) if (!"more".equals(m.group(1))) ids.add(m.group(1));
        return ids;
    }

    static String more(String html) {
        Matcher m = MORE.matcher(html);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    static void importSprints(int n) {
        StringBuilder yaml = new StringBuilder("sprints:\n");
        for (int i = 1; i <= n; i++) yaml.append("  - id: walk-").append(String.format("%02d", i)).append("\n    name: Walk ").append(i).append('\n');
        Api.importDefinitions(yaml.toString()).then().statusCode(200);
    }

    @Test
    void walkingThePagesShowsEverySprintOnceNewestFirst() {
        TestDb.reset();
        importSprints(25);
        List<String> seen = new ArrayList<>();
        String next = "/sprints?q=walk-&limit=10";
        int pages = 0;
        while (next != null) {
            String html = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().asString();
            List<String> page = ids(html);
            assertTrue(page.size() <= 10, "a page holds at most its limit");
            seen.addAll(page);
            next = more(html);
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(25, seen.size());
        assertEquals(25, new LinkedHashSet<>(seen).size(), "no sprint twice");
        assertEquals(newestFirst(), seen, "newest first, as created");
    }

    @Test
    void htmxMoreAppendsTheNextRowsWithTheFiltersKept() {
        TestDb.reset();
        importSprints(12);
        Api.importDefinitions("sprints:\n  - id: other-sprint\n").then().statusCode(200);
        String first = given().get("/sprints?q=walk-&limit=5").then().statusCode(200).extract().asString();
        String next = more(first);
        assertTrue(next.contains("q=walk-") && next.contains("limit=5") && next.contains("after="), next);
        String rows = given().urlEncodingEnabled(false).header("HX-Request", "true").get(next).then().statusCode(200).extract().asString();
        assertFalse(rows.contains("<html"));
        List<String> page = ids(rows);
        assertEquals(5, page.size());
        assertFalse(page.contains("other-sprint"), "the text filter holds on later pages");
        Set<String> firstIds = new LinkedHashSet<>(ids(first));
        page.forEach(id -> assertFalse(firstIds.contains(id), id + " was on the first page"));
        assertTrue(rows.contains("id=\"sprint-more\""), "and a way to the third page");
    }

    @Test
    void theLastPageHasNoMoreLink() {
        TestDb.reset();
        importSprints(3);
        String html = given().get("/sprints?limit=3").then().statusCode(200).extract().asString();
        assertEquals(3, ids(html).size());
        assertNull(more(html));
    }

    private static List<String> newestFirst() {
        List<String> ids = new ArrayList<>();
        for (Object[] r : TestDbRows.rows("select id from sprint where id like 'walk-%' order by created_at desc, id desc")) ids.add((String) r[0]);
        return ids;
    }
}
