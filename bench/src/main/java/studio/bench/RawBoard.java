package studio.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import studio.milestone.BoardCursor;
import studio.milestone.BoardRows;
import studio.milestone.BoardView;

/**
 * The benchmark's raw baseline: the board's data read with plain JDBC (the very statement BoardRows uses) and the same
 * card markup written with a StringBuilder, no template engine, no view objects. It tells how close the real board is
 * to what this machine can do at all; it is never in the production jar (see the pom's bench profile).
 */
final class RawBoard {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LANES = List.of("planned", "pending", "verifying", "blocked", "escalated", "reached",
            "closed", "terminated");
    private static final String BOARD = BoardRows.boardForJdbc();

    private record Row(String id, String title, String state, Instant since, String tag, String governedBy, JsonNode report,
                       List<String> features, int laneTotal) {}

    private RawBoard() {}

    static String render(DataSource db) throws SQLException, IOException {
        Map<String, List<Row>> lanes = new LinkedHashMap<>();
        LANES.forEach(l -> lanes.put(l, new ArrayList<>()));
        for (Row r : read(db)) lanes.computeIfAbsent(r.state(), k -> new ArrayList<>()).add(r);
        StringBuilder out = new StringBuilder(1_500 * 1_024);
        out.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Board</title>")
                .append("<link rel=\"stylesheet\" href=\"/static/app.css\"></head><body><main><h1>Milestone board</h1>")
                .append("<div id=\"board-lanes\" class=\"board-body\"><div class=\"lanes\">");
        lanes.forEach((state, rows) -> lane(out, state, rows));
        return out.append("</div></div></main></body></html>").toString();
    }

    private static List<Row> read(DataSource db) throws SQLException, IOException {
        List<Row> rows = new ArrayList<>();
        Timestamp settled = Timestamp.from(Instant.now().minus(BoardCursor.SETTLE));
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(BOARD)) {
            s.setInt(1, BoardView.LANE_LIMIT);
            s.setTimestamp(2, settled);
            s.setLong(3, Long.MAX_VALUE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    if (id == null) continue;
                    String name = rs.getString("name");
                    String summary = rs.getString("gate_summary");
                    Array features = rs.getArray("required_features");
                    rows.add(new Row(id, name == null ? id : name, rs.getString("state"), rs.getTimestamp("state_since").toInstant(),
                            rs.getString("version_tag"), rs.getString("governed_by"), summary == null ? null : JSON.readTree(summary),
                            features == null ? List.of() : Arrays.asList((String[]) features.getArray()), rs.getInt("lane_total")));
                }
            }
        }
        rows.sort(Comparator.comparing(Row::since).thenComparing(Row::id));
        return rows;
    }

    private static void lane(StringBuilder out, String state, List<Row> rows) {
        out.append("<section class=\"lane lane-").append(state).append("\" id=\"lane-").append(state).append("\"><h2 class=\"lane-head\">")
                .append("<span class=\"chip chip-").append(state).append("\">").append(label(state)).append("</span> <span class=\"count\">")
                .append(rows.isEmpty() ? 0 : rows.get(0).laneTotal()).append("</span></h2><div class=\"lane-cards\">");
        for (Row r : rows) card(out, r);
        if (!rows.isEmpty() && rows.get(0).laneTotal() > rows.size()) {
            Row last = rows.get(rows.size() - 1);
            out.append("<a class=\"lane-more\" href=\"/board/lanes/").append(state).append("?after=").append(last.since()).append('~')
                    .append(last.id()).append("\">Show more (").append(rows.get(0).laneTotal() - rows.size()).append(" not shown)</a>");
        }
        out.append("</div></section>");
    }

    private static void card(StringBuilder out, Row r) {
        out.append("<div class=\"slot\" id=\"slot-").append(r.id()).append("\"><article class=\"card card-").append(r.state())
                .append("\"><h3 class=\"card-title\"><a href=\"/milestones/").append(r.id()).append("\">").append(escape(r.title()))
                .append("</a></h3><p class=\"card-id\"><span class=\"mono\">").append(r.id()).append("</span>");
        if (r.tag() != null) out.append(" · <span class=\"tag\">").append(escape(r.tag())).append("</span>");
        out.append("</p><p class=\"card-meta\">").append(escape(r.governedBy())).append(" · <time datetime=\"").append(r.since())
                .append("\">").append(r.since()).append("</time></p>");
        JsonNode report = r.report();
        List<String> covered = new ArrayList<>();
        int passed = 0, total = 0;
        List<String> failing = new ArrayList<>();
        if (report != null) {
            report.path("features_covered").forEach(n -> covered.add(n.asText()));
            for (JsonNode g : report.path("gates")) {
                total++;
                String status = g.path("status").asText();
                if ("passed".equals(status) || "overridden".equals(status)) passed++;
                if ("failed".equals(status)) failing.add(g.path("condition").asText());
                if (g.path("condition").asText().startsWith("qaCoverageAbove")) {
                    out.append("<div class=\"card-cov\"><svg class=\"bar\" viewBox=\"0 0 100 10\"><rect class=\"track\" width=\"100\" height=\"10\"/>")
                            .append("<rect class=\"fill\" width=\"").append(report.path("qa_coverage_avg").asDouble()).append("\" height=\"10\"/></svg>")
                            .append("<span class=\"small\">QA ").append(report.path("qa_coverage_avg").asText("no data")).append("% · needs ")
                            .append(g.path("threshold").asText()).append("%</span></div>");
                }
            }
        }
        out.append("<ul class=\"marks\">");
        for (String f : r.features()) {
            boolean ok = covered.contains(f);
            out.append("<li class=\"").append(ok ? "delivered" : "missing").append("\">").append(ok ? "✓ " : "✗ ").append(escape(f)).append("</li>");
        }
        out.append("</ul><p class=\"small\"><span class=\"muted\">Sprints</span> ");
        if (report != null) report.path("sprints_contributing").forEach(s -> out.append("<span>").append(escape(s.asText())).append("</span>"));
        out.append("</p><p class=\"small gates\">Gates ").append(passed).append('/').append(total);
        if (!failing.isEmpty()) out.append(" · <span class=\"failing\">failing: ").append(escape(String.join(", ", failing))).append("</span>");
        out.append("</p></article></div>");
    }

    private static String label(String state) {
        return state.substring(0, 1).toUpperCase(Locale.ROOT) + state.substring(1);
    }

    private static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
