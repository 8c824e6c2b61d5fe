package studio.release.document;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import studio.governance.ReleaseApproval;

/**
 * release-history.csv: one line per release, oldest first (the spec's append-only history). RFC 4180: a header
 * row, CRLF line ends, a field quoted when it holds a comma, quote, CR or LF (quotes doubled), an empty field for
 * an unknown value. Values are written as stored, never rewritten for spreadsheets: like the audit export, the
 * history is evidence.
 */
public final class ReleaseHistoryCsv {

    public static final List<String> HEADER = List.of("version_tag", "milestone_id", "environment", "status", "qa_coverage", "requested_by",
            "created_at", "released_at", "trace_id", "git_tag", "approved_by");

    private ReleaseHistoryCsv() {}

    public static String csv(List<ReleaseFacts> releases) {
        StringBuilder out = new StringBuilder(line(HEADER));
        releases.stream().sorted(Comparator.comparing(ReleaseFacts::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(ReleaseFacts::versionTag)).forEach(r -> out.append(row(r)));
        return out.toString();
    }

    /** One release's line, CRLF included, for appending to an existing history. */
    public static String row(ReleaseFacts r) {
        String approvers = r.approvals().stream().filter(a -> a.decision() == ReleaseApproval.Decision.APPROVED)
                .map(a -> a.approver() + " (" + a.role() + ")").collect(Collectors.joining("; "));
        return line(List.of(r.versionTag(), r.milestoneId(), r.environment().json(), r.state() == null ? "" : r.state().json(),
                r.qaCoverage() == null ? "" : r.qaCoverage().toString(), text(r.requestedBy()), text(ManifestStatement.time(r.createdAt())),
                text(ManifestStatement.time(r.releasedAt())), text(r.traceId()), r.gitTag(), approvers));
    }

    private static String line(List<String> fields) {
        return fields.stream().map(ReleaseHistoryCsv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    public static String field(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
