package studio.release.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownTest {

    static String html(String markdown) {
        return HtmlRenderer.builder().build().render(Parser.builder().build().parse(markdown));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "BookingFlow              | BookingFlow",
            "Notification.Send        | Notification.Send",
            "*bold* _it_              | \\*bold\\* \\_it\\_",
            "[x](javascript:alert(1)) | \\[x\\](javascript:alert(1))",
            "<b>hi</b>                | \\<b\\>hi\\</b\\>",
            "&amp;                    | \\&amp;",
            "~~gone~~                 | \\~\\~gone\\~\\~",
            "`tick`                   | \\`tick\\`",
            "back\\slash              | back\\\\slash",
            "# Heading                | \\# Heading",
            "- item                   | \\- item",
            "+ item                   | \\+ item",
            "> quote                  | \\> quote",
            "=== setext               | \\=== setext",
            "12. numbered             | 12\\. numbered",
            "3) numbered              | 3\\) numbered",
            "v1.0.4-mvp               | v1.0.4-mvp"})
    void escapesWhatWouldBecomeStructure(String input, String escaped) {
        assertEquals(escaped, Markdown.text(input));
    }

    @Test
    void escapesTablePipes() {
        assertEquals("a \\| b", Markdown.text("a | b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"line one\nline two", "line one\r\nline two", "line one\rline two", "line one\u2028line two", "line one\u0000line two"})
    void keepsTextOnOneLine(String input) {
        assertEquals("line one line two", Markdown.text(input));
    }

    @Test
    void stripsTheIndentationThatWouldStartCodeAndTreatsNullAsEmpty() {
        assertEquals("code?", Markdown.text("        code?"));
        assertEquals("", Markdown.text(null));
    }

    @Test
    void readersSeeExactlyWhatWasTyped() {
        String typed = "1. <script>alert('x')</script> *not bold* [link](http://x) & `code` | ~strike~ \\";
        assertEquals("<p>1. &lt;script&gt;alert('x')&lt;/script&gt; *not bold* [link](http://x) &amp; `code` | ~strike~ \\</p>\n",
                html(Markdown.text(typed)));
    }

    @Test
    void codeSpansAreFencedLongerThanAnyBacktickRunInside() {
        assertEquals("`mvp-ready`", Markdown.code("mvp-ready"));
        assertEquals("``mvp`ready``", Markdown.code("mvp`ready"));
        assertEquals("``` `` x ```", Markdown.code("`` x"));
        assertEquals("<p><code>mvp`ready</code></p>\n", html(Markdown.code("mvp`ready")));
        assertEquals("<p><code>`` x</code></p>\n", html(Markdown.code("`` x")));
        assertEquals("<p><code>a b</code></p>\n", html(Markdown.code("a\nb")));
    }
}
