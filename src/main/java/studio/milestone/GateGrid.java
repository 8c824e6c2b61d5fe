package studio.milestone;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import studio.definition.GateCatalog;
import studio.format.Percent;

/**
 * The gate matrix across milestones: a row per milestone the filter lets through, a column per gate condition any
 * of them uses (in the order they first appear), a cell per milestone and condition. Built from the board's rows.
 */
public record GateGrid(List<String> conditions, List<Row> rows, BoardFilter filter, BoardFilter.Options options,
                       int milestonesInAll) {

    /** A milestone's row: one cell per column, blank where the milestone has no such gate. */
    public record Row(String id, String title, String state, int satisfied, int total, List<Cell> cells) {}

    /** One gate of one milestone; {@code status} null when the milestone has no such gate. */
    public record Cell(String condition, String status, String measure, String detail) {

        public boolean blank() {
            return status == null;
        }

        /** A mark that says the status without colour: ✓ passed, ✗ failed, … pending, ⚑ overridden. */
        public String icon() {
            if (status == null) return "";
            return switch (status) {
                case "passed" -> "✓";
                case "failed" -> "✗";
                case "overridden" -> "⚑";
                default -> "…";
            };
        }
    }

    public static GateGrid of(List<BoardRow> all, BoardFilter filter) {
        List<BoardRow> shown = all.stream().filter(filter::matches).toList();
        Set<String> conditions = new LinkedHashSet<>();
        shown.forEach(r -> r.gates().forEach(g -> conditions.add(g.condition())));
        List<String> columns = List.copyOf(conditions);
        List<Row> rows = shown.stream().map(r -> row(r, columns)).toList();
        return new GateGrid(columns, rows, filter, BoardFilter.options(all), all.size());
    }

    private static Row row(BoardRow r, List<String> columns) {
        Map<String, BoardRow.Gate> gates = r.gates().stream()
                .collect(Collectors.toMap(BoardRow.Gate::condition, Function.identity(), (a, b) -> a));
        List<Cell> cells = columns.stream().map(c -> cell(c, gates.get(c))).toList();
        int satisfied = (int) gates.values().stream().filter(g -> "passed".equals(g.status()) || "overridden".equals(g.status())).count();
        return new Row(r.id(), r.title(), r.state(), satisfied, gates.size(), cells);
    }

    private static Cell cell(String condition, BoardRow.Gate g) {
        if (g == null) return new Cell(condition, null, "", "");
        String detail = g.detail() == null ? "" : g.detail();
        if (g.overriddenBy() != null) detail = (detail.isEmpty() ? "" : detail + " · ") + "overridden by " + g.overriddenBy();
        return new Cell(condition, g.status(), measure(g), detail);
    }

    /** Actual against threshold ("91.3% / 90%", "72 / 85"), or the role a manual gate waits for. */
    static String measure(BoardRow.Gate g) {
        boolean percent = GateCatalog.kindOf(g.condition()) == GateCatalog.Kind.COVERAGE;
        String unit = percent ? "%" : "";
        if (g.threshold() != null) {
            return (g.actual() == null ? "—" : number(g.actual()) + unit) + " / " + number(g.threshold()) + unit;
        }
        if (g.role() != null) return g.role();
        return g.actual() == null ? "" : number(g.actual()) + unit;
    }

    private static String number(double value) {
        return Percent.rounded(value).toPlainString();
    }

    public boolean empty() {
        return milestonesInAll == 0;
    }
}
