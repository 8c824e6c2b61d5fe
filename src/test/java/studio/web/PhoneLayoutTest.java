package studio.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.Browser;
import studio.testing.Portfolio;
import studio.testing.TestDb;

/**
 * The shell on a phone (390 x 844, through the real login in Chromium): every link of the top bar is on screen,
 * unclipped and apart from the others, and wide content (the gate matrix, a milestone's gate table, the board's
 * lanes) scrolls inside its own box, so the page itself never scrolls sideways.
 */
@QuarkusTest
class PhoneLayoutTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void theBoardTheGateMatrixAndAMilestoneFitAPhone() {
        TestDb.reset();
        Api.importDefinitions(Portfolio.PLAN).then().statusCode(200);
        try (Browser browser = new Browser()) {
            Page page = browser.newPage();
            page.setViewportSize(390, 844);
            // platform-admin sees every section, Admin included: the longest nav there is.
            Browser.signIn(page, url("/board"), "platform-admin");
            check(page, "/board", ".lanes");
            check(page, "/gates", ".matrix-wrap");
            check(page, "/milestones/mvp-ready", "#gate-matrix .table-wrap");
        }
    }

    private void check(Page page, String path, String wideBox) {
        page.navigate(url(path));
        Browser.screenshot(page, "phone" + path.replace('/', '-'));
        assertEquals(390, ((Number) page.evaluate("window.innerWidth")).intValue());
        assertTrue((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                path + ": the page scrolls sideways, " + page.evaluate("document.documentElement.scrollWidth") + " px wide");
        assertTrue((Boolean) page.locator(wideBox).first().evaluate("box => box.scrollWidth > box.clientWidth"),
                path + ": " + wideBox + " is wider than the screen and scrolls inside its box");
        assertTopBarLinksVisibleAndApart(page, path);
    }

    /** Brand, every nav link and Sign out: inside the viewport, each the topmost element at its centre, no two overlapping. */
    private static void assertTopBarLinksVisibleAndApart(Page page, String path) {
        Locator links = page.locator(".topbar a");
        List<String> names = links.allInnerTexts().stream().map(String::strip).toList();
        assertTrue(names.stream().anyMatch(n -> n.equals("Gates")) && names.stream().anyMatch(n -> n.startsWith("Admin")),
                path + ": the nav lists every section, got " + names);
        int width = ((Number) page.evaluate("window.innerWidth")).intValue();
        BoundingBox[] boxes = new BoundingBox[links.count()];
        for (int i = 0; i < boxes.length; i++) {
            Locator link = links.nth(i);
            String name = names.get(i);
            assertTrue(link.isVisible(), path + ": '" + name + "' is visible");
            boxes[i] = link.boundingBox();
            assertNotNull(boxes[i], path + ": '" + name + "' has a box");
            assertTrue(boxes[i].x >= 0 && boxes[i].x + boxes[i].width <= width, path + ": '" + name + "' lies within the screen, "
                    + boxes[i].x + " + " + boxes[i].width);
            assertTrue((Boolean) link.evaluate("a => { const r = a.getBoundingClientRect();"
                    + " return a.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)); }"),
                    path + ": '" + name + "' is not covered or clipped at its centre");
            for (int j = 0; j < i; j++) {
                assertTrue(apart(boxes[i], boxes[j]), path + ": '" + name + "' overlaps '" + names.get(j) + "'");
            }
        }
    }

    private static boolean apart(BoundingBox a, BoundingBox b) {
        return a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }
}
