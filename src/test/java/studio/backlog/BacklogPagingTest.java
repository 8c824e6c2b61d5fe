package studio.backlog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/** A large backlog renders a page at a time: groups page by milestone, columns by keyset ("More"). */
@QuarkusTest
@TestSecurity(user = "po", roles = "product-owner")
class BacklogPagingTest {

    private static final Pattern MORE_CARDS = Pattern.compile("<li class=\"more\"><a class=\"button\" href=\"([^\"]+)\"\\s+hx-get=\"([^\"]+)\"");
    private static final Pattern MORE_GROUPS = Pattern.compile("<div id=\"backlog-more\" class=\"more\"><a class=\"button\" href=\"([^\"]+)\"");

    /** n unscheduled planned features; every third P1, every third P2, the rest without priority. */
    static void importFeatures(int n) {
        StringBuilder yaml = new StringBuilder("features:\n");
        for (int i = 1; i <= n; i++) {
            yaml.append("  - featureId: Bulk.").append(String.format("%03d", i)).append("\n    status: planned\n");
            if (i % 3 == 1) yaml.append("    priority: P1\n");
            if (i % 3 == 2) yaml.append("    priority: P2\n");
        }
        Api.importDefinitions(yaml.toString()).then().statusCode(200);
    }

    static String get(String path) {
        return given().urlEncodingEnabled(false).get(path).then().statusCode(200).extract().asString();
    }

    static String[] more(Pattern p, String html) {
        Matcher m = p.matcher(html);
        if (!m.find()) return null;
        String[] links = new String[m.groupCount()];
        for (int i = 0; i < links.length; i++) links[i] = m.group(i + 1).replace("&amp;", "&");
        return links;
    }

    @Test
    void aColumnIsWalkedPageByPageInPriorityOrderWithEveryFeatureOnce() {
        TestDb.reset();
        importFeatures(130);
        List<String> seen = new ArrayList<>();
        String next = "/backlog?milestone=-&status=planned";
        int pages = 0;
        while (next != null) {
            String html = get(next);
            seen.addAll(BacklogPagesTest.cards(html));
            String[] links = more(MORE_CARDS, html);
            next = links == null ? null : links[0];
            pages++;
        }
        assertEquals(2, pages, "100 and 30");
        assertEquals(130, seen.size());
        assertEquals(130, new LinkedHashSet<>(seen).size(), "none twice");
        assertEquals("Bulk.001", seen.get(0), "P1 first");
        assertEquals("Bulk.002", seen.get(44), "then P2 (44 P1 features)");
        assertEquals("Bulk.003", seen.get(87), "features without a priority last");
    }

    @Test
    void groupPagesCutEachColumnAndHtmxLoadsTheRestInPlace() {
        TestDb.reset();
        importFeatures(130);
        String html = get("/backlog");
        assertEquals(12, BacklogPagesTest.cards(html).size(), "a column shows its first cards");
        String[] links = more(MORE_CARDS, html);
        assertTrue(html.contains(">More (118)</a>"), "and says how many more");
        assertEquals("/backlog?milestone=-&status=planned", links[0], "without JavaScript: the column's own page");
        assertTrue(links[1].startsWith("/backlog/cards?milestone=-&status=planned&after="), links[1]);

        String fragment = given().urlEncodingEnabled(false).header("HX-Request", "true").get(links[1]).then().statusCode(200).extract().asString();
        assertFalse(fragment.contains("<html"));
        assertTrue(fragment.trim().startsWith("<li class=\"feature-card"), fragment);
        List<String> next = BacklogPagesTest.cards(fragment);
        assertEquals(100, next.size());
        assertFalse(next.contains(BacklogPagesTest.cards(html).get(11)), "starts after the last card shown");
        assertTrue(more(MORE_CARDS, fragment) != null, "18 remain, one more step");

        Response direct = given().urlEncodingEnabled(false).redirects().follow(false).get(links[1]);
        assertEquals(303, direct.statusCode(), "opened directly: the column's page");
        assertTrue(direct.header("Location").contains("/backlog?milestone=-&status=planned&after="), direct.header("Location"));
    }

    @Test
    void milestoneGroupsPageTenAtATime() {
        TestDb.reset();
        StringBuilder yaml = new StringBuilder("milestones:\n");
        for (int i = 1; i <= 11; i++) yaml.append("  - id: grp-").append(String.format("%02d", i)).append("\n    requiredFeatures: [Grp.")
                .append(String.format("%02d", i)).append("]\n");
        Api.importDefinitions(yaml.toString()).then().statusCode(200);
        String first = get("/backlog?q=Grp.");
        assertEquals(10, BacklogPagesTest.cards(first).size());
        String[] more = more(MORE_GROUPS, first);
        assertEquals("/backlog?q=Grp.&after=grp-10", more[0]);
        String second = given().urlEncodingEnabled(false).header("HX-Request", "true").get(more[0]).then().statusCode(200).extract().asString();
        assertEquals(List.of("Grp.11"), BacklogPagesTest.cards(second));
        assertNull(more(MORE_GROUPS, second), "the last page");
    }
}
