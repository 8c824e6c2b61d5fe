package studio.release;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import studio.release.document.Markdown;
import studio.release.document.ReleaseNotesHtml;

/** The notes preview on the release page: CommonMark, but raw HTML is text and only safe links survive. */
class ReleaseNotesPreviewPageTest {

    @Test
    void rawHtmlInTheNotesRendersAsText() {
        String html = ReleaseNotesHtml.render("# Title\n\n<script>alert(1)</script>\n\nok <img src=x onerror=alert(1)>");
        assertAll(
                () -> assertTrue(html.contains("<h1>Title</h1>")),
                () -> assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")),
                () -> assertFalse(html.contains("<script")),
                () -> assertFalse(html.contains("<img src=x")));
    }

    @Test
    void onlyHttpMailtoAndRelativeLinksAreKeptAndNoneSendsAReferrer() {
        assertEquals("<p><a rel=\"nofollow noopener noreferrer\" href=\"https://ci.example/run/1\">run</a></p>\n",
                ReleaseNotesHtml.render("[run](https://ci.example/run/1)"));
        assertAll(
                () -> assertFalse(ReleaseNotesHtml.render("[x](javascript:alert(1))").contains("javascript:")),
                () -> assertFalse(ReleaseNotesHtml.render("[x](JaVaScRiPt:alert(1))").toLowerCase().contains("javascript:")),
                () -> assertFalse(ReleaseNotesHtml.render("[x](data:text/html;base64,PHNjcmlwdD4=)").contains("data:")),
                () -> assertFalse(ReleaseNotesHtml.render("[x](//evil.example/)").contains("evil.example")),
                () -> assertTrue(ReleaseNotesHtml.render("[x](/releases/v1)").contains("href=\"/releases/v1\"")),
                () -> assertTrue(ReleaseNotesHtml.render("[x](mailto:qa@example.org)").contains("href=\"mailto:qa@example.org\"")));
    }

    @Test
    void imagesLoadNothing() {
        String html = ReleaseNotesHtml.render("![diagram](https://tracker.example/pixel.png)");
        assertFalse(html.contains("tracker.example"));
        assertTrue(html.contains("alt=\"diagram\""));
    }

    @Test
    void theGeneratedNotesOfAHostileNameStayText() {
        String md = "# Release: v1 — " + Markdown.text("<b>[x](javascript:alert(1))</b>") + "\n";
        String html = ReleaseNotesHtml.render(md);
        assertFalse(html.contains("<b>"));
        assertFalse(html.contains("href="));
        assertTrue(html.contains("&lt;b&gt;"));
    }
}
