package studio.release.document;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * release-notes.md as the release page previews it: CommonMark rendered to HTML with raw HTML escaped (a
 * {@code <script>} in the notes shows as text), links kept only when they are http(s), mailto or relative,
 * images shown as their text (no request leaves the page for a picture), and every link opened without a referrer.
 */
public final class ReleaseNotesHtml {

    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new SafeLinks())
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) attributes.put("rel", "nofollow noopener noreferrer");
                if (node instanceof Image) attributes.put("src", "");
            })
            .build();

    private ReleaseNotesHtml() {}

    /** Safe HTML for {@code markdown}; the caller may insert it unescaped. */
    public static String render(String markdown) {
        return RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
    }

    /** A link target a reader can follow safely, else "" (the link text stays, pointing nowhere). */
    static String safeUrl(String url) {
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) return "";
        if (u.startsWith("//")) return "";
        try {
            String scheme = URI.create(u).getScheme();
            if (scheme == null) return u.contains(":") && u.indexOf(':') < firstOf(u, "/?#") ? "" : u;
            return SAFE_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT)) ? u : "";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static int firstOf(String u, String chars) {
        int first = u.length();
        for (char c : chars.toCharArray()) {
            int i = u.indexOf(c);
            if (i >= 0) first = Math.min(first, i);
        }
        return first;
    }

    private static final class SafeLinks implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            return safeUrl(url);
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return "";
        }
    }
}
