package studio.release.document;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import studio.format.Percent;
import studio.governance.ReleaseApproval;

/**
 * release-notes.md (docs/spec/release-coordinator.md "Example: release-notes.md"): title, milestone, release day, trace id,
 * version tag, environment and status; features; QA summary per feature and overall; linked sprints; approvals;
 * overrides; a trace footer. Everything people typed passes through {@link Markdown}, so a reason cannot add
 * headings, links or HTML to the notes.
 */
public final class ReleaseNotes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ReleaseNotes() {}

    public static String render(ReleaseFacts f) {
        StringBuilder md = new StringBuilder();
        md.append("# Release: ").append(Markdown.text(f.versionTag()));
        if (f.milestoneName() != null && !f.milestoneName().isBlank()) md.append(" — ").append(Markdown.text(f.milestoneName()));
        md.append("\n\n");
        field(md, "Milestone", Markdown.code(f.milestoneId()));
        field(md, "Released On", f.releasedAt() == null ? "not released yet" : DAY.format(f.releasedAt()));
        field(md, "Trace ID", f.traceId() == null ? "none" : Markdown.text(f.traceId()));
        field(md, "Version Tag", Markdown.text(f.versionTag()));
        field(md, "Environment", f.environment().json());
        if (f.state() != null) field(md, "Status", f.state().label());
        if (f.settings().hotfixOf() != null) {
            field(md, "Hotfix of", Markdown.text(f.settings().hotfixOf()));
            field(md, "Hotfix justification", Markdown.text(f.settings().hotfixJustification()));
        }
        section(md, "Features Included", f.features(), x -> Markdown.text(x.name()));
        qaSummary(md, f);
        section(md, "Linked Sprints", f.sprintIds(), Markdown::text);
        if (!f.dockerImages().isEmpty()) section(md, "Deployed Images", f.dockerImages(), Markdown::code);
        section(md, "Approvals", f.approvals(), ReleaseNotes::approval);
        section(md, "Overrides", f.overrides(), ReleaseNotes::override);
        md.append("\n---\n*Traceable via Studio · Release ID: ").append(Markdown.text(f.versionTag()));
        if (f.traceId() != null) md.append(" · Trace ID: ").append(Markdown.text(f.traceId()));
        return md.append("*\n").toString();
    }

    private static void qaSummary(StringBuilder md, ReleaseFacts f) {
        md.append("\n## QA Summary\n\n");
        f.features().forEach(x -> md.append("- ").append(Markdown.text(x.name())).append(": ").append(percent(x.coverage())).append('\n'));
        md.append("- Overall: ").append(percent(f.qaCoverage())).append('\n');
    }

    private static String approval(ReleaseApproval a) {
        return "**" + Markdown.text(a.approver()) + "** (" + Markdown.text(a.role()) + "), " + MINUTE.format(a.at()) + ": " + Markdown.text(a.reason());
    }

    private static String override(ReleaseOverride o) {
        return "Override " + o.id() + " on " + Markdown.text(String.join(", ", o.gates())) + ", requested by " + Markdown.text(o.requestedBy())
                + ", approved by " + Markdown.text(o.approvedBy()) + (o.approvedAt() == null ? "" : " on " + MINUTE.format(o.approvedAt()))
                + ": " + Markdown.text(o.reason());
    }

    private static void field(StringBuilder md, String name, String value) {
        md.append("- **").append(name).append(":** ").append(value).append('\n');
    }

    private static <T> void section(StringBuilder md, String title, List<T> items, Function<T, String> line) {
        md.append("\n## ").append(title).append("\n\n");
        if (items.isEmpty()) md.append("None.\n");
        items.forEach(i -> md.append("- ").append(line.apply(i)).append('\n'));
    }

    /** One decimal, as gate details show coverage; "no QA data" when unknown. */
    public static String percent(Double value) {
        return Percent.shown(value, "no QA data");
    }
}
