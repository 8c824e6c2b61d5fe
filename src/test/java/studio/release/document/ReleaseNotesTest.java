package studio.release.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.release.ReleaseFixture.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import studio.governance.ReleaseEnvironment;

class ReleaseNotesTest {

    @Test
    void theNotesOfTheSpecsMvpRelease() {
        assertEquals("""
                # Release: mvp-v1 — MVP ready

                - **Milestone:** `mvp-ready`
                - **Released On:** 2025-05-14
                - **Trace ID:** trace-xyz-789
                - **Version Tag:** mvp-v1
                - **Environment:** production
                - **Status:** Completed

                ## Features Included

                - BookingFlow
                - Notification.Send

                ## QA Summary

                - BookingFlow: 93.1%
                - Notification.Send: 89.5%
                - Overall: 91.3%

                ## Linked Sprints

                - sprint-06
                - sprint-07

                ## Deployed Images

                - `booking-service:1.0.0-mvp`
                - `notify:1.0.0-mvp@sha256:5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f`

                ## Approvals

                - **bob** (product-owner), 2025-05-14 16:40 UTC: Scope matches the MVP plan
                - **carol** (compliance-officer), 2025-05-14 16:58 UTC: Audit trail verified

                ## Overrides

                - Override 7 on traceMatrixComplete, requested by erin, approved by qa-lead-2 on 2025-05-14 15:00 UTC: artifact list arrives with sprint-08

                ---
                *Traceable via Studio · Release ID: mvp-v1 · Trace ID: trace-xyz-789*
                """, ReleaseNotes.render(completed()));
    }

    @Test
    void aReleaseNotYetDoneWithoutApprovalsOverridesOrData() {
        ReleaseFacts f = with(with(with(with(requested(), "overrides", List.of()), "milestoneName", null), "traceId", null),
                "features", List.of(new ReleasedFeature("Auth.Login", null, null)));
        f = with(with(with(f, "qaCoverage", null), "state", null), "environment", ReleaseEnvironment.STAGING);
        String md = ReleaseNotes.render(f);
        assertTrue(md.startsWith("# Release: mvp-v1\n\n- **Milestone:** `mvp-ready`\n- **Released On:** not released yet\n- **Trace ID:** none\n"
                + "- **Version Tag:** mvp-v1\n- **Environment:** staging\n\n"), md);
        assertTrue(md.contains("## QA Summary\n\n- Auth.Login: no QA data\n- Overall: no QA data\n"), md);
        assertTrue(md.contains("## Approvals\n\nNone.\n\n## Overrides\n\nNone.\n"), md);
        assertTrue(md.endsWith("*Traceable via Studio · Release ID: mvp-v1*\n"), md);
    }

    @Test
    void nothingPeopleTypedChangesTheStructureOfTheNotes() {
        String reason = "ok\n# Owned\n- [click](javascript:alert(1)) ![img](x) <img src=x onerror=alert(1)> *bold* `code` | a | b |\n\n    indented";
        ReleaseFacts f = completed();
        f = with(f, "milestoneName", "</h1><script>alert(1)</script>");
        f = with(f, "milestoneId", "mvp`ready");
        f = with(f, "features", List.of(new ReleasedFeature("- [ ] task", 90.0, 1), new ReleasedFeature("1. first", 91.0, 1)));
        f = with(f, "sprintIds", List.of("> quoted", "<!-- hidden -->"));
        f = f.withApprovals(List.of(approval("**admin**", "product-owner", reason, Instant.parse("2025-05-14T16:40:00Z"), "h")));
        f = with(f, "overrides", List.of(new ReleaseOverride(7, List.of("traceMatrixComplete"), "erin", "qa-lead-2", "&lt;b&gt; &amp; ~~x~~", null, null)));
        String md = ReleaseNotes.render(f);
        Node doc = Parser.builder().build().parse(md);

        assertEquals(List.of("Release: mvp-v1 — </h1><script>alert(1)</script>", "Features Included", "QA Summary", "Linked Sprints", "Deployed Images", "Approvals",
                        "Overrides"), headings(doc));
        String html = HtmlRenderer.builder().build().render(doc);
        for (String forbidden : List.of("<script", "<img", "<a ", "<h1>Owned", "<blockquote", "<pre", "<!--", "<del", "<ol")) {
            assertFalse(html.contains(forbidden), forbidden + " in\n" + html);
        }
        assertEquals(1, count(html, "<em>"), "only the footer is emphasised");
        assertEquals(1 + f.dockerImages().size(), count(html, "<code>"), "only the milestone id and the deployed images are code");
        assertEquals(1, count(html, "<hr"), "only the footer rule");
        assertTrue(html.contains("<code>mvp`ready</code>"), html);
        assertTrue(html.contains("<strong>**admin**</strong>"), html);
        assertTrue(html.contains("ok # Owned - [click](javascript:alert(1)) ![img](x) &lt;img src=x onerror=alert(1)&gt; *bold* `code` | a | b |     indented"), html);
        assertTrue(html.contains("&amp;lt;b&amp;gt; &amp;amp; ~~x~~"), html);
        assertTrue(html.contains("<li>- [ ] task</li>") && html.contains("<li>1. first</li>"), html);
        assertTrue(html.contains("<li>&gt; quoted</li>") && html.contains("<li>&lt;!-- hidden --&gt;</li>"), html);
    }

    private static List<String> headings(Node doc) {
        List<String> out = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                StringBuilder text = new StringBuilder();
                for (Node n = heading.getFirstChild(); n != null; n = n.getNext()) {
                    if (n instanceof Text t) text.append(t.getLiteral());
                }
                out.add(text.toString());
            }
        });
        return out;
    }

    private static int count(String text, String piece) {
        return text.split(Pattern.quote(piece), -1).length - 1;
    }
}
