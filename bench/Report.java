import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the samples bench/run measured (one "name TAB value" line per sample) into target/bench/report.json and
 * report.md: for every target of the issue the median of its samples, min-max, and whether it is met.
 * `java bench/Report.java --samples FILE --notes FILE --out DIR --scale S ... [--smoke true]`
 * In smoke mode it exits 1 when a target has no sample or a correctness check fails (speed is not judged there).
 */
public final class Report {

    enum Rule { AT_MOST, AT_LEAST, EQUALS, REPORTED }

    /** One target of the issue: which samples measure it and how they are judged. */
    record Target(String name, String what, Rule rule, double bound, String unit, boolean correctness) {

        String target() {
            return switch (rule) {
                case AT_MOST -> "<= " + fmt(bound);
                case AT_LEAST -> ">= " + fmt(bound);
                case EQUALS -> "= " + fmt(bound);
                case REPORTED -> "reported";
            };
        }

        boolean met(double measured) {
            return switch (rule) {
                case AT_MOST -> measured <= bound;
                case AT_LEAST -> measured >= bound;
                case EQUALS -> measured == bound;
                case REPORTED -> true;
            };
        }
    }

    static final List<Target> TARGETS = List.of(
            new Target("board_p95_ms", "board page (1,000 milestones x scale; each lane its first 15 cards), p95 at 16 connections", Rule.AT_MOST, 60, "ms", false),
            new Target("board_throughput_vs_raw_pct", "board throughput as % of the raw JDBC+StringBuilder baseline", Rule.AT_LEAST, 35, "%", false),
            // the board's one query plus the navigation's approvals badge (open overrides, pending manual gates and, with
            // releases merged, release approvals): constant, whatever the number of milestones
            new Target("board_sql_statements_per_request", "SQL statements per board request (pg_stat_statements, measured)", Rule.AT_MOST, 4, "statements", false),
            new Target("board_gzip", "board served gzip-compressed (1 = yes)", Rule.EQUALS, 1, "bool", true),
            new Target("milestone_page_p95_ms", "milestone page, p95", Rule.AT_MOST, 40, "ms", false),
            new Target("gate_matrix_fragment_p95_ms", "gate-matrix fragment (htmx), p95", Rule.AT_MOST, 40, "ms", false),
            new Target("card_fragment_bytes", "largest htmx card fragment", Rule.AT_MOST, 2048, "bytes", false),
            new Target("audit_first_page_p95_ms", "audit timeline, first page, p95", Rule.AT_MOST, 25, "ms", false),
            new Target("audit_deep_page_p95_ms", "audit timeline at depth 900,000 x scale, p95", Rule.AT_MOST, 25, "ms", false),
            new Target("audit_deep_vs_first_p95_ratio", "p95 at depth / p95 of the first page", Rule.AT_MOST, 1.5, "x", false),
            new Target("audit_plan_without_sort", "keyset plan has no Sort over the table (1 = none)", Rule.EQUALS, 1, "bool", true),
            new Target("audit_export_seconds", "export of the whole trail (JSON lines)", Rule.AT_MOST, 30, "s", false),
            new Target("audit_export_heap_growth_mb", "retained heap growth while streaming the export (old generation, peak - before)", Rule.AT_MOST, 64, "MB", false),
            new Target("audit_verify_seconds", "chain verification of the whole trail", Rule.AT_MOST, 10, "s", false),
            new Target("ingest_events_per_second", "ingest through HTTP in NDJSON batches of a sprint's 40 inputs, sustained (worst 60 s window); each input idempotency-checked, stored, audited, its milestones re-judged once per batch", Rule.AT_LEAST, 1000, "events/s", false),
            new Target("ingest_single_calls_per_second", "ingest through HTTP one input per call (POST /api/executions, 16 concurrent clients), sustained; each call idempotency-checked, stored, audited, its milestone re-judged, acknowledged after its group commit", Rule.AT_LEAST, 400, "calls/s", false),
            new Target("replay_changed_counts", "replaying the whole stream changed a count (0 = none)", Rule.EQUALS, 0, "bool", true),
            new Target("approvals_rounds_exactly_one_pct", "approvals race: rounds with exactly one decision, rest 409", Rule.EQUALS, 100, "%", true),
            new Target("audit_chain_valid", "audit chain valid after load, top-up and race (1 = valid)", Rule.EQUALS, 1, "bool", true),
            // what a request costs before a page does anything, and what each page costs, in Studio CPU per request
            new Target("auth_noop_vs_public_cpu_ratio", "Studio CPU of an authenticated no-op fragment / of a public Qute page (the floor of a signed-in request)", Rule.AT_MOST, 2, "x", false),
            new Target("board_studio_cpu_ms", "board: Studio CPU per request", Rule.AT_MOST, 3, "ms", false),
            new Target("milestone_page_studio_cpu_ms", "milestone page: Studio CPU per request", Rule.AT_MOST, 2.5, "ms", false),
            new Target("audit_first_page_studio_cpu_ms", "audit timeline: Studio CPU per request", Rule.AT_MOST, 1.5, "ms", false),
            new Target("startup_seconds", "start-up of the packaged app to ready", Rule.REPORTED, 0, "s", false),
            new Target("rss_after_load_mb", "resident memory after the load", Rule.REPORTED, 0, "MB", false));

    record Summary(double median, double min, double max, int n) {}

    public static void main(String[] args) throws IOException {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        Map<String, List<Double>> samples = read(Path.of(opt.get("samples")));
        derive(samples);
        Map<String, Summary> summary = new LinkedHashMap<>();
        samples.forEach((k, v) -> summary.put(k, summarize(v)));
        Path out = Path.of(opt.get("out"));
        String notes = Files.exists(Path.of(opt.get("notes"))) ? Files.readString(Path.of(opt.get("notes"))) : "";
        Files.writeString(out.resolve("report.json"), json(opt, summary), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("report.md"), markdown(opt, summary, notes, out), StandardCharsets.UTF_8);
        System.out.print(table(summary));
        if ("true".equals(opt.get("smoke"))) System.exit(smokeProblems(summary).isEmpty() ? 0 : fail(smokeProblems(summary)));
    }

    static int fail(List<String> problems) {
        problems.forEach(p -> System.err.println("bench smoke: " + p));
        return 1;
    }

    static List<String> smokeProblems(Map<String, Summary> summary) {
        List<String> problems = new ArrayList<>();
        for (Target t : TARGETS) {
            Summary s = summary.get(t.name());
            if (s == null) problems.add("no measurement for " + t.name());
            else if (t.correctness() && !t.met(s.median())) problems.add(t.name() + " = " + fmt(s.median()) + ", expected " + t.target());
        }
        return problems;
    }

    /** Ratios computed per run, side by side, so noise between runs does not enter them. */
    static void derive(Map<String, List<Double>> samples) {
        List<Double> first = samples.getOrDefault("audit_first_page_p95_ms", List.of());
        List<Double> deep = samples.getOrDefault("audit_deep_page_p95_ms", List.of());
        List<Double> ratio = new ArrayList<>();
        for (int i = 0; i < Math.min(first.size(), deep.size()); i++) ratio.add(deep.get(i) / first.get(i));
        if (!ratio.isEmpty()) samples.put("audit_deep_vs_first_p95_ratio", ratio);
        List<Double> noop = samples.getOrDefault("auth_noop_studio_cpu_ms", List.of());
        List<Double> pub = samples.getOrDefault("public_page_studio_cpu_ms", List.of());
        List<Double> floor = new ArrayList<>();
        for (int i = 0; i < Math.min(noop.size(), pub.size()); i++) if (pub.get(i) > 0) floor.add(noop.get(i) / pub.get(i));
        if (!floor.isEmpty()) samples.put("auth_noop_vs_public_cpu_ratio", floor);
    }

    /** The requests measured side by side, from the framework's floor up to the pages. */
    static final List<String[]> FLOOR = List.of(new String[] {"health", "health check (/q/health/live)"},
            new String[] {"public_page", "public Qute page (/signed-out)"}, new String[] {"auth_noop", "authenticated no-op fragment"},
            new String[] {"board", "board"}, new String[] {"raw_board", "raw board baseline (JDBC + StringBuilder, same auth)"},
            new String[] {"milestone_page", "milestone page"}, new String[] {"gate_matrix_fragment", "gate-matrix fragment"},
            new String[] {"audit_first_page", "audit timeline, first page"}, new String[] {"audit_deep_page", "audit timeline at depth"});

    static String floor(Map<String, Summary> summary) {
        StringBuilder t = new StringBuilder("\n## Cost per request, from the floor up\n\nMedians of the runs; CPU is the process's user + system"
                + " time over the run divided by the requests served (PostgreSQL: every backend of the bench cluster).\n\n"
                + "| request | Studio CPU ms | PostgreSQL CPU ms | p95 ms | requests/s |\n|---|---|---|---|---|\n");
        for (String[] f : FLOOR) {
            Summary cpu = summary.get(f[0] + "_studio_cpu_ms");
            if (cpu == null) continue;
            t.append("| ").append(f[1]).append(" | ").append(fmt(cpu.median())).append(" | ").append(cell(summary, f[0] + "_postgres_cpu_ms"))
                    .append(" | ").append(cell(summary, f[0] + "_p95_ms")).append(" | ").append(cell(summary, f[0] + "_rps")).append(" |\n");
        }
        return t.toString();
    }

    private static String cell(Map<String, Summary> summary, String name) {
        Summary s = summary.get(name);
        return s == null ? "-" : fmt(s.median());
    }

    static Map<String, List<Double>> read(Path file) throws IOException {
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split("\t");
            if (parts.length != 2 || parts[1].isBlank()) continue;
            samples.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Double.parseDouble(parts[1].trim()));
        }
        return samples;
    }

    static Summary summarize(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Summary(median, sorted.get(0), sorted.get(n - 1), n);
    }

    static String json(Map<String, String> opt, Map<String, Summary> summary) {
        StringBuilder j = new StringBuilder("{\"scale\":").append(opt.get("scale")).append(",\"targets\":[");
        boolean first = true;
        for (Target t : TARGETS) {
            Summary s = summary.get(t.name());
            j.append(first ? "" : ",").append("\n  {\"name\":\"").append(t.name()).append("\",\"target\":\"").append(t.target())
                    .append("\",\"measured\":").append(s == null ? "null" : fmt(s.median())).append(",\"unit\":\"").append(t.unit())
                    .append("\",\"met\":").append(s != null && t.met(s.median())).append('}');
            first = false;
        }
        j.append("\n],\"runs\":").append(opt.get("runs")).append(",\"seconds_per_run\":").append(opt.get("seconds"))
                .append(",\"milestones\":").append(opt.get("milestones")).append(",\"audit_events\":").append(opt.get("audit"))
                .append(",\"wall_minutes\":").append(opt.get("minutes")).append(",\"samples\":{");
        first = true;
        for (Map.Entry<String, Summary> e : summary.entrySet()) {
            Summary s = e.getValue();
            j.append(first ? "" : ",").append("\n  \"").append(e.getKey()).append("\":{\"median\":").append(fmt(s.median()))
                    .append(",\"min\":").append(fmt(s.min())).append(",\"max\":").append(fmt(s.max())).append(",\"n\":").append(s.n()).append('}');
            first = false;
        }
        return j.append("\n}}\n").toString();
    }

    static String table(Map<String, Summary> summary) {
        StringBuilder t = new StringBuilder("| target | what | goal | measured (median) | min-max (runs) | met |\n|---|---|---|---|---|---|\n");
        for (Target target : TARGETS) {
            Summary s = summary.get(target.name());
            t.append("| ").append(target.name()).append(" | ").append(target.what()).append(" | ").append(target.target()).append(' ')
                    .append(target.unit()).append(" | ").append(s == null ? "not measured" : fmt(s.median()) + " " + target.unit())
                    .append(" | ").append(s == null ? "" : fmt(s.min()) + " - " + fmt(s.max()) + " (" + s.n() + ")").append(" | ")
                    .append(s == null ? "**no**" : target.met(s.median()) ? "yes" : "**no**").append(" |\n");
        }
        return t.toString();
    }

    static String markdown(Map<String, String> opt, Map<String, Summary> summary, String notes, Path out) throws IOException {
        StringBuilder md = new StringBuilder("# Studio benchmark\n\n");
        md.append(String.format(Locale.ROOT, "Scale %s: %s milestones, %s audit events. wrk: 2 threads, 16 connections, %s runs of %s s per page"
                        + " (median, min-max). Wall time %s min. Machine: %d cores (shared; load generator on the same machine).%s%n%n",
                opt.get("scale"), opt.get("milestones"), opt.get("audit"), opt.get("runs"), opt.get("seconds"), opt.get("minutes"),
                Runtime.getRuntime().availableProcessors(), "true".equals(opt.get("smoke")) ? " SMOKE RUN: speed figures are not meaningful." : ""));
        md.append(table(summary)).append(whyNotMet(summary)).append(floor(summary)).append("\n## Other samples\n\n| sample | median | min-max (n) |\n|---|---|---|\n");
        summary.forEach((k, s) -> {
            if (TARGETS.stream().noneMatch(t -> t.name().equals(k))) {
                md.append("| ").append(k).append(" | ").append(fmt(s.median())).append(" | ").append(fmt(s.min())).append(" - ")
                        .append(fmt(s.max())).append(" (").append(s.n()).append(") |\n");
            }
        });
        md.append("\n## Notes\n\n").append(notes);
        for (String[] f : new String[][] {{"audit-plan.txt", "Audit timeline keyset query at depth (EXPLAIN ANALYZE)"},
                {"board-statements.txt", "Statements behind 50 board requests (pg_stat_statements calls)"},
                {"profile-auth_noop.txt", "Top frames while serving the authenticated no-op (JFR execution samples, profile-auth_noop.jfr)"},
                {"profile-board.txt", "Top frames while serving the board (JFR execution samples, profile-board.jfr)"}}) {
            Path p = out.resolve(f[0]);
            if (Files.exists(p)) md.append("\n## ").append(f[1]).append("\n\n```\n").append(Files.readString(p).strip()).append("\n```\n");
        }
        return md.toString();
    }

    /**
     * Each missed target with the measurement that explains it. A p95 at 16 connections is queueing behind CPU: with
     * c cores serving n requests at once, each costing t ms of CPU, the wait is about n x t / c.
     */
    static String whyNotMet(Map<String, Summary> summary) {
        StringBuilder w = new StringBuilder();
        int cores = Runtime.getRuntime().availableProcessors();
        for (Target t : TARGETS) {
            Summary s = summary.get(t.name());
            if (s == null || t.met(s.median())) continue;
            String page = t.name().endsWith("_p95_ms") ? t.name().substring(0, t.name().length() - "_p95_ms".length()) : null;
            Summary cpu = page == null ? null : summary.get(page + "_studio_cpu_ms");
            String why;
            if (cpu != null) {
                why = String.format(Locale.ROOT, "each request costs %s ms of Studio CPU (median of the runs); 16 connections on %d cores"
                        + " shared with wrk and PostgreSQL queue to about 16 x %s / %d = %s ms before anything else; %s ms at p95 needs"
                        + " under %s ms of CPU per request", fmt(cpu.median()), cores, fmt(cpu.median()), cores,
                        fmt(16 * cpu.median() / cores), fmt(t.bound()), fmt(t.bound() * cores / 16));
            } else if (t.name().endsWith("_studio_cpu_ms") && summary.get("auth_noop_studio_cpu_ms") != null) {
                double floor = summary.get("auth_noop_studio_cpu_ms").median();
                why = String.format(Locale.ROOT, "%s ms of it is the floor of any signed-in request (the authenticated no-op), %s ms"
                        + " the page's own work (queries, rendering); the board profile below shows where", fmt(floor),
                        fmt(Math.max(0, s.median() - floor)));
            } else if (t.name().equals("auth_noop_vs_public_cpu_ratio") && summary.get("auth_noop_studio_cpu_ms") != null
                    && summary.get("public_page_studio_cpu_ms") != null) {
                why = String.format(Locale.ROOT, "the no-op costs %s ms of Studio CPU against the public page's %s ms: the difference is"
                        + " the session (cookie decryption, token verification, role mapping, CSRF, request log); the no-op's profile"
                        + " below shows where", fmt(summary.get("auth_noop_studio_cpu_ms").median()),
                        fmt(summary.get("public_page_studio_cpu_ms").median()));
            } else if (t.name().equals("ingest_events_per_second")) {
                Summary studio = summary.get("ingest_studio_cpu_ms_per_request");
                Summary pg = summary.get("ingest_postgres_cpu_ms_per_request");
                why = studio == null || pg == null ? "CPU-bound" : String.format(Locale.ROOT, "each input costs %s ms of Studio CPU"
                        + " and %s ms of PostgreSQL CPU, so %d cores top out near %s inputs/s even without the load driver",
                        fmt(studio.median()), fmt(pg.median()), cores, fmt(Math.floor(1000.0 * cores / (studio.median() + pg.median()))));
            } else if (t.name().equals("ingest_single_calls_per_second")) {
                Summary studio = summary.get("ingest_single_studio_cpu_ms_per_call");
                Summary pg = summary.get("ingest_single_postgres_cpu_ms_per_call");
                why = studio == null || pg == null ? "CPU-bound" : String.format(Locale.ROOT, "each call costs %s ms of Studio CPU"
                        + " and %s ms of PostgreSQL CPU, so %d cores top out near %s calls/s even without the load driver",
                        fmt(studio.median()), fmt(pg.median()), cores,
                        fmt(Math.floor(1000.0 * cores / (studio.median() + pg.median()))));
            } else {
                why = "see the notes below";
            }
            w.append("- ").append(t.name()).append(": ").append(fmt(s.median())).append(' ').append(t.unit())
                    .append(" against ").append(t.target()).append(' ').append(t.unit()).append(": ").append(why).append(".\n");
        }
        return w.length() == 0 ? "" : "\n## Not met, and why\n\n" + w;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private Report() {}
}
