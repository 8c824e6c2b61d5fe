import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Each figure of several bench reports against the data size: growth.svg (one panel per figure, the scale on a log
 * axis) and growth.md (a row per figure: its value at each scale, its growth from the smallest scale to the largest,
 * and whether it stays flat). bench/run --scales calls it over the reports of its scales.
 * `java bench/Growth.java --out DIR report.json...`
 * Exits 1 when a file is missing or is not a report.json (nothing written), or when a figure was not measured at some
 * scale (both files written all the same, with a gap where the figure is missing).
 */
public final class Growth {

    /** How far a figure may move from the smallest scale to the largest, either way, and still be called flat. */
    static final double FLAT = 1.5;

    /** A figure the plot follows: a sample's name in report.json, what it measures, its unit. */
    record Figure(String name, String what, String unit) {}

    static final List<Figure> FIGURES = List.of(
            new Figure("board_studio_cpu_ms", "board: Studio CPU per request", "ms"),
            new Figure("milestone_page_studio_cpu_ms", "milestone page: Studio CPU per request", "ms"),
            new Figure("audit_first_page_studio_cpu_ms", "audit timeline: Studio CPU per request", "ms"),
            new Figure("audit_deep_page_studio_cpu_ms", "audit at depth: Studio CPU per request", "ms"),
            new Figure("board_p95_ms", "board, p95 at 16 connections", "ms"),
            new Figure("milestone_page_p95_ms", "milestone page, p95", "ms"),
            new Figure("audit_first_page_p95_ms", "audit timeline, first page, p95", "ms"),
            new Figure("audit_deep_page_p95_ms", "audit timeline at depth, p95", "ms"),
            new Figure("board_sql_statements_per_request", "SQL statements per board request", "statements"),
            new Figure("ingest_events_per_second", "ingest in NDJSON batches, sustained", "events/s"),
            new Figure("ingest_studio_cpu_ms_per_request", "ingest: Studio CPU per input", "ms"),
            // the one figure that has to grow: the export streams the whole trail, so it shows what growing looks like
            new Figure("audit_export_seconds", "export of the whole audit trail", "s"));

    record Measured(double median, double min, double max, int n) {}

    /** One report.json: its size, the median (and min-max) of each sample, and each target as written ("<= 3"). */
    record Report(Path file, double scale, long milestones, long auditEvents, Map<String, Measured> samples,
            Map<String, String> targets) {

        String scaleLabel() {
            return BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString();
        }
    }

    /** The value at the largest scale over the value at the smallest (null when there is no such ratio), in words. */
    record Verdict(Double ratio, String text) {

        boolean flat() {
            return text.equals("flat");
        }

        boolean moves() {
            return text.startsWith("grows") || text.startsWith("falls");
        }
    }

    /** One figure across the reports, smallest scale first: a null value where a report has no sample of it. */
    record Series(Figure figure, List<Measured> values, String target, Double bound, Verdict verdict) {}

    /** Input Growth cannot use; its message names the file or figure. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }

    public static void main(String[] args) throws IOException {
        try {
            List<String> missing = run(args);
            missing.forEach(m -> System.err.println("growth: " + m));
            System.exit(missing.isEmpty() ? 0 : 1);
        } catch (BadInput e) {
            System.err.println("growth: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Writes growth.svg and growth.md and returns the figures some scale did not measure. */
    static List<String> run(String[] args) throws IOException {
        if (args.length < 3 || !args[0].equals("--out")) throw new BadInput("usage: java bench/Growth.java --out DIR report.json...");
        List<Report> reports = new ArrayList<>();
        for (int i = 2; i < args.length; i++) reports.add(read(Path.of(args[i])));
        reports.sort(Comparator.comparingDouble(Report::scale));
        for (int i = 1; i < reports.size(); i++) {
            if (reports.get(i).scale() == reports.get(i - 1).scale()) {
                throw new BadInput(reports.get(i - 1).file() + " and " + reports.get(i).file() + " are both scale " + reports.get(i).scaleLabel());
            }
        }
        List<Series> series = FIGURES.stream().map(f -> series(f, reports)).toList();
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Files.writeString(out.resolve("growth.svg"), new Plot(reports).svg(series), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("growth.md"), markdown(reports, series), StandardCharsets.UTF_8);
        System.out.print(table(reports, series));
        return missing(reports, series);
    }

    // ---------------------------------------------------------------- reading

    static Report read(Path file) {
        if (!Files.isRegularFile(file)) throw new BadInput(file + ": no such file");
        Object json;
        try {
            json = Json.parse(Files.readString(file));
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInput(file + " is not a report.json: " + e.getMessage());
        }
        if (!(json instanceof Map<?, ?> top && top.get("scale") instanceof Double scale && scale > 0
                && top.get("milestones") instanceof Double milestones && top.get("audit_events") instanceof Double audit
                && top.get("targets") instanceof List<?> targets && top.get("samples") instanceof Map<?, ?> samples)) {
            throw new BadInput(file + " is not a bench report.json: it needs scale, milestones, audit_events, targets and samples");
        }
        return new Report(file, scale, Math.round(milestones), Math.round(audit), samples(file, samples), targets(file, targets));
    }

    static Map<String, Measured> samples(Path file, Map<?, ?> json) {
        Map<String, Measured> samples = new LinkedHashMap<>();
        json.forEach((name, value) -> {
            if (!(value instanceof Map<?, ?> s && s.get("median") instanceof Double median)) {
                throw new BadInput(file + ": sample " + name + " has no median");
            }
            double min = s.get("min") instanceof Double d ? d : median, max = s.get("max") instanceof Double d ? d : median;
            samples.put(name.toString(), new Measured(median, min, max, s.get("n") instanceof Double n ? n.intValue() : 1));
        });
        return samples;
    }

    static Map<String, String> targets(Path file, List<?> json) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (Object t : json) {
            if (!(t instanceof Map<?, ?> m && m.get("name") instanceof String name && m.get("target") instanceof String target)) {
                throw new BadInput(file + ": a target without a name or a target");
            }
            targets.put(name, target);
        }
        return targets;
    }

    /** The number in a target such as "<= 3" or ">= 1000"; none in "reported". */
    static Double bound(String target) {
        if (target == null || !target.matches("[<>]?= -?[0-9.]+")) return null;
        return Double.valueOf(target.substring(target.indexOf(' ') + 1));
    }

    // ---------------------------------------------------------------- growth

    static Series series(Figure figure, List<Report> reports) {
        List<Measured> values = reports.stream().map(r -> r.samples().get(figure.name())).toList();
        // the largest scale's target: the one the latest report was judged against
        String target = reports.stream().map(r -> r.targets().get(figure.name())).filter(Objects::nonNull).reduce((a, b) -> b).orElse(null);
        return new Series(figure, values, target, bound(target), verdict(reports, values));
    }

    /** From the smallest scale that measured the figure to the largest: flat, or how much it grows or falls. */
    static Verdict verdict(List<Report> reports, List<Measured> values) {
        int first = 0, last = values.size() - 1;
        while (first <= last && values.get(first) == null) first++;
        while (last >= first && values.get(last) == null) last--;
        if (first > last) return new Verdict(null, "not measured");
        if (reports.size() == 1) return new Verdict(null, "one scale only");
        if (first == last) return new Verdict(null, "measured at one scale only");
        double from = values.get(first).median(), to = values.get(last).median();
        String over = " over " + times(reports.get(last).scale() / reports.get(first).scale()) + "x data";
        if (from == 0) return new Verdict(null, to == 0 ? "flat" : "grows from 0 to " + num(to) + over);
        double ratio = to / from;
        if (ratio == 0) return new Verdict(ratio, "falls to 0" + over);
        // judged on the factor as shown, so that a figure called flat never reads "1.50x" beside one that is not
        String factor = String.format(Locale.ROOT, "%.2f", Math.max(ratio, 1 / ratio));
        if (Double.parseDouble(factor) <= FLAT) return new Verdict(ratio, "flat");
        return new Verdict(ratio, (ratio > 1 ? "grows " : "falls ") + factor + "x" + over);
    }

    static List<String> missing(List<Report> reports, List<Series> series) {
        List<String> missing = new ArrayList<>();
        for (Series s : series) {
            for (int i = 0; i < reports.size(); i++) {
                Report r = reports.get(i);
                if (s.values().get(i) == null) missing.add(s.figure().name() + " not measured at scale " + r.scaleLabel() + " (" + r.file() + ")");
            }
        }
        return missing;
    }

    // ---------------------------------------------------------------- growth.md

    static String markdown(List<Report> reports, List<Series> series) {
        StringBuilder md = new StringBuilder("# Cost against data size\n\n![Each figure against the data size](growth.svg)\n\n");
        md.append("[growth.svg](growth.svg) plots each figure against the scale (log axis, y from 0, the target dashed). Each value is")
                .append(" the median of that scale's runs. Growth is the value at the largest scale over the value at the smallest;")
                .append(" flat means within ").append(num(FLAT)).append("x either way, otherwise the verdict gives the factor and the")
                .append(" data's.\n\n").append(table(reports, series));
        List<String> missing = missing(reports, series);
        if (!missing.isEmpty()) {
            md.append("\n## Not measured\n\n");
            missing.forEach(m -> md.append("- ").append(m).append('\n'));
        }
        md.append("\n## Reports\n\n");
        for (Report r : reports) {
            md.append("- scale ").append(r.scaleLabel()).append(": ").append(String.format(Locale.ROOT, "%,d milestones, %,d audit events",
                    r.milestones(), r.auditEvents())).append(", `").append(r.file()).append("`\n");
        }
        return md.toString();
    }

    static String table(List<Report> reports, List<Series> series) {
        StringBuilder t = new StringBuilder("| figure | unit |");
        reports.forEach(r -> t.append(" scale ").append(r.scaleLabel()).append(" (").append(size(r)).append(") |"));
        t.append(" growth | verdict |\n|---|---|").append("---|".repeat(reports.size())).append("---|---|\n");
        for (Series s : series) {
            t.append("| ").append(s.figure().name()).append(" | ").append(s.figure().unit()).append(" |");
            s.values().forEach(v -> t.append(' ').append(v == null ? "not measured" : num(v.median())).append(" |"));
            Double ratio = s.verdict().ratio();
            t.append(' ').append(ratio == null ? "-" : String.format(Locale.ROOT, "%.2fx", ratio)).append(" | ")
                    .append(s.verdict().text()).append(" |\n");
        }
        return t.toString();
    }

    // ---------------------------------------------------------------- numbers

    /** Milestones and audit events in few characters: "100 · 100k". */
    static String size(Report r) {
        return compact(r.milestones()) + " milestones · " + compact(r.auditEvents()) + " audit";
    }

    static String compact(long n) {
        if (n >= 1_000_000) return num(n / 1e6) + "M";
        if (n >= 1_000) return num(n / 1e3) + "k";
        return Long.toString(n);
    }

    /** Two decimals at most, none that are zeros: 13.31, 242.5, 3. */
    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceFirst("\\.?0+$", "") : s;
    }

    /** A factor with one decimal, none for a whole number: 2, 1.5, 10. */
    static String times(double factor) {
        String s = String.format(Locale.ROOT, "%.1f", factor);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---------------------------------------------------------------- growth.svg

    /** One panel per figure in a grid three wide, 1000 px in all, written as SVG text. */
    static final class Plot {
        static final int WIDTH = 1000, COLUMNS = 3, MARGIN = 20, HEADER = 92, PANEL_W = 320, PANEL_H = 270;
        // inside a panel: the name, what and verdict above the plot, tick labels to its left and below it
        static final int LEFT = 58, RIGHT = PANEL_W - 16, TOP = 70, BOTTOM = PANEL_H - 44;

        static final String STYLE = """
                <style>
                  text { font-family: "DejaVu Sans", system-ui, sans-serif; font-size: 11px; fill: #1f2937; }
                  .heading { font-size: 18px; font-weight: bold; }
                  .name { font-size: 13px; font-weight: bold; }
                  .quiet { fill: #6b7280; }
                  .flat { fill: #047857; font-weight: bold; }
                  .moves { fill: #b45309; font-weight: bold; }
                  .small { font-size: 10px; }
                  .frame { fill: #f9fafb; stroke: #e5e7eb; }
                  .grid { stroke: #e5e7eb; }
                  .axis { stroke: #6b7280; }
                  .line { fill: none; stroke: #2563eb; stroke-width: 2; }
                  .point { fill: #2563eb; }
                  .target { stroke: #b91c1c; stroke-width: 1.5; stroke-dasharray: 6 4; }
                  .target-label { fill: #b91c1c; font-size: 10px; }
                </style>
                """;

        final List<Report> reports;
        final double smallest, largest;

        Plot(List<Report> reports) {
            this.reports = reports;
            this.smallest = Math.log(reports.get(0).scale());
            this.largest = Math.log(reports.get(reports.size() - 1).scale());
        }

        String svg(List<Series> series) {
            int height = HEADER + (series.size() + COLUMNS - 1) / COLUMNS * PANEL_H + MARGIN;
            StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                    + " role=\"img\" aria-labelledby=\"growth-title growth-desc\">%n", WIDTH, height, WIDTH, height));
            s.append("<title id=\"growth-title\">Studio bench: cost against data size</title>\n<desc id=\"growth-desc\">One panel per")
                    .append(" figure: the median of each scale's runs against the scale on a log axis, y from 0, the target as a dashed")
                    .append(" line where the figure has one.</desc>\n").append(STYLE).append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
            header(s);
            for (int i = 0; i < series.size(); i++) {
                panel(s, series.get(i), MARGIN + i % COLUMNS * PANEL_W, HEADER + i / COLUMNS * PANEL_H);
            }
            return s.append("</svg>\n").toString();
        }

        void header(StringBuilder s) {
            text(s, MARGIN + 4, 30, "heading", "Cost against data size");
            text(s, MARGIN + 4, 52, "quiet", "Median of each scale's runs against the scale (log axis), y from 0, the target dashed. Flat: the"
                    + " largest scale within " + num(FLAT) + "x of the smallest.");
            StringBuilder scales = new StringBuilder("Scales:");
            reports.forEach(r -> scales.append("  ").append(r.scaleLabel()).append(" · ").append(size(r)).append(" events;"));
            text(s, MARGIN + 4, 72, "quiet", scales.substring(0, scales.length() - 1) + " (under each tick: milestones · audit events)");
        }

        void panel(StringBuilder s, Series series, int x, int y) {
            Figure f = series.figure();
            double[] ticks = ticks(series);
            double top = ticks[ticks.length - 1];
            s.append(String.format(Locale.ROOT, "<g transform=\"translate(%d %d)\">%n", x, y));
            s.append("<title>").append(esc(f.name() + ", " + f.what() + " (" + f.unit() + "): " + series.verdict().text()
                    + (series.target() == null ? "" : "; target " + series.target() + " " + f.unit()))).append("</title>\n");
            s.append(String.format(Locale.ROOT, "<rect class=\"frame\" x=\"4\" y=\"4\" width=\"%d\" height=\"%d\" rx=\"6\"/>%n", PANEL_W - 8, PANEL_H - 8));
            text(s, 14, 24, "name", f.name());
            text(s, 14, 40, "quiet", f.what() + " (" + f.unit() + ")");
            Verdict v = series.verdict();
            text(s, 14, 56, v.flat() ? "flat" : v.moves() ? "moves" : "quiet", v.text());
            yAxis(s, ticks, f.unit());
            xAxis(s, series);
            if (series.bound() != null) targetLine(s, series, top);
            points(s, series, top);
            s.append("</g>\n");
        }

        void yAxis(StringBuilder s, double[] ticks, String unit) {
            double top = ticks[ticks.length - 1];
            for (double t : ticks) {
                double y = y(t, top);
                line(s, "grid", LEFT, y, RIGHT, y);
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, y + 4, num(t)));
            }
            line(s, "axis", LEFT, TOP, LEFT, BOTTOM);
            s.append(String.format(Locale.ROOT, "<text class=\"quiet\" text-anchor=\"middle\" transform=\"translate(16 %d) rotate(-90)\">%s</text>%n",
                    (TOP + BOTTOM) / 2, esc(unit)));
        }

        void xAxis(StringBuilder s, Series series) {
            line(s, "axis", LEFT, BOTTOM, RIGHT, BOTTOM);
            for (int i = 0; i < reports.size(); i++) {
                Report r = reports.get(i);
                double x = x(r.scale());
                line(s, "axis", x, BOTTOM, x, BOTTOM + 4);
                centred(s, x, BOTTOM + 16, "", r.scaleLabel());
                centred(s, x, BOTTOM + 29, "quiet small", compact(r.milestones()) + " · " + compact(r.auditEvents()));
                if (series.values().get(i) == null) centred(s, x, (TOP + BOTTOM) / 2.0, "quiet small", "not measured");
            }
        }

        void targetLine(StringBuilder s, Series series, double top) {
            double y = y(series.bound(), top);
            line(s, "target", LEFT, y, RIGHT, y);
            s.append(String.format(Locale.ROOT, "<text class=\"target-label\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">target %s</text>%n",
                    RIGHT, y - 4, esc(series.target().replace("<=", "≤").replace(">=", "≥"))));
        }

        /** The medians joined by lines; a scale that did not measure the figure leaves a gap. */
        void points(StringBuilder s, Series series, double top) {
            StringBuilder run = new StringBuilder();
            for (int i = 0; i <= reports.size(); i++) {
                Measured m = i < reports.size() ? series.values().get(i) : null;
                if (m == null) {
                    if (run.indexOf(" ") > 0) s.append("<polyline class=\"line\" points=\"").append(run.toString().strip()).append("\"/>\n");
                    run.setLength(0);
                } else {
                    run.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(reports.get(i).scale()), y(m.median(), top)));
                }
            }
            for (int i = 0; i < reports.size(); i++) {
                if (series.values().get(i) != null) point(s, series.figure(), reports.get(i), series.values().get(i), top);
            }
        }

        void point(StringBuilder s, Figure f, Report r, Measured m, double top) {
            double x = x(r.scale()), y = y(m.median(), top);
            String what = String.format(Locale.ROOT, "%s at scale %s (%,d milestones, %,d audit events): %s %s, median of %d (%s to %s)",
                    f.name(), r.scaleLabel(), r.milestones(), r.auditEvents(), num(m.median()), f.unit(), m.n(), num(m.min()), num(m.max()));
            s.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"><title>%s</title></circle>%n", x, y, esc(what)));
            centred(s, x, y - 8, "small", num(m.median()));
        }

        /** Ticks from 0 in steps of 1, 2, 2.5 or 5 times a power of ten, the last above every value and the target. */
        static double[] ticks(Series series) {
            double max = series.bound() == null ? 0 : series.bound();
            for (Measured m : series.values()) if (m != null) max = Math.max(max, m.median());
            double room = max > 0 ? max * 1.1 : 1;   // the highest point keeps room for its label
            double magnitude = Math.pow(10, Math.floor(Math.log10(room / 4))), step = 10 * magnitude;
            for (double m : new double[] {5, 2.5, 2, 1}) if (m * magnitude >= room / 4) step = m * magnitude;
            int n = (int) Math.ceil(room / step);
            double[] ticks = new double[n + 1];
            for (int i = 0; i <= n; i++) ticks[i] = i * step;
            return ticks;
        }

        double x(double scale) {
            if (largest == smallest) return (LEFT + RIGHT) / 2.0;
            double inset = 24;   // the smallest and largest scales stand off the axes
            return LEFT + inset + (Math.log(scale) - smallest) / (largest - smallest) * (RIGHT - LEFT - 2 * inset);
        }

        static double y(double value, double top) {
            return BOTTOM - value / top * (BOTTOM - TOP);
        }

        static void line(StringBuilder s, String cls, double x1, double y1, double x2, double y2) {
            s.append(String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>%n", cls, x1, y1, x2, y2));
        }

        static void text(StringBuilder s, int x, int y, String cls, String text) {
            s.append(String.format(Locale.ROOT, "<text class=\"%s\" x=\"%d\" y=\"%d\">%s</text>%n", cls, x, y, esc(text)));
        }

        static void centred(StringBuilder s, double x, double y, String cls, String text) {
            s.append(String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n", cls, x, y, esc(text)));
        }
    }

    // ---------------------------------------------------------------- JSON

    /** Just enough JSON for what Report.java writes: objects, arrays, strings, numbers (as Double), true, false, null. */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at < text.length()) throw json.error("text after the end");
            return value;
        }

        private Object value() {
            space();
            if (at >= text.length()) throw error("it ends too early");
            return switch (text.charAt(at)) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                default -> literal();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            if (next('}')) return map;
            do {
                space();
                String key = string();
                expect(':');
                map.put(key, value());
            } while (next(','));
            expect('}');
            return map;
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            if (next(']')) return list;
            do list.add(value()); while (next(','));
            expect(']');
            return list;
        }

        private String string() {
            if (at >= text.length() || text.charAt(at) != '"') throw error("a string was expected");
            StringBuilder s = new StringBuilder();
            for (at++; at < text.length() && text.charAt(at) != '"'; at++) {
                char c = text.charAt(at);
                if (c == '\\' && at + 1 < text.length()) c = escaped(text.charAt(++at));
                s.append(c);
            }
            expect('"');
            return s.toString();
        }

        private char escaped(char c) {
            return switch (c) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'u' -> {
                    if (at + 4 >= text.length()) throw error("a short \\u escape");
                    at += 4;
                    yield (char) Integer.parseInt(text.substring(at - 3, at + 1), 16);
                }
                default -> c;
            };
        }

        private Object literal() {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || "+-.".indexOf(text.charAt(at)) >= 0)) at++;
            String word = text.substring(start, at);
            if (word.equals("true") || word.equals("false")) return Boolean.valueOf(word);
            if (word.equals("null")) return null;
            if (!word.matches("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                at = start;
                throw error("unexpected " + (word.isEmpty() ? "'" + text.charAt(at) + "'" : "'" + word + "'"));
            }
            return Double.valueOf(word);
        }

        private boolean next(char c) {
            space();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!next(c)) throw error("'" + c + "' expected");
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
        }

        private IllegalArgumentException error(String what) {
            int line = 1;
            for (int i = 0; i < Math.min(at, text.length()); i++) if (text.charAt(i) == '\n') line++;
            return new IllegalArgumentException("line " + line + ": " + what);
        }
    }

    private Growth() {}
}
