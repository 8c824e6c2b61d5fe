package studio.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What /q/metrics serves, fetched as Prometheus does (a bearer token of the CI service account) and parsed from the
 * text exposition format: one sample per series, labels as written.
 */
public final class Scrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public record Sample(String name, Map<String, String> labels, double value) {}

    private final List<Sample> samples;

    private Scrape(List<Sample> samples) {
        this.samples = samples;
    }

    public static Scrape now() {
        String text = Api.as("ci").get("/q/metrics").then().statusCode(200).extract().asString();
        return parse(text);
    }

    public static Scrape parse(String text) {
        List<Sample> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            // an OpenMetrics exemplar (" # {trace_id=..,span_id=..} value ts", added while tracing is on) follows the sample
            int exemplar = line.indexOf(" # {");
            Matcher m = SAMPLE.matcher((exemplar < 0 ? line : line.substring(0, exemplar)).trim());
            if (!m.matches()) throw new AssertionError("not a Prometheus sample line: " + line);
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) labels.put(l.group(1), l.group(2));
            }
            out.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return new Scrape(out);
    }

    /** Every metric name served (histogram and summary series by their own names: _count, _sum, _bucket, _max). */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /**
     * The value of the one series called {@code name} with these labels ({@code "state", "blocked", ...});
     * fails when there is none or more than one.
     */
    public double value(String name, String... labels) {
        List<Sample> found = samples.stream().filter(s -> s.name().equals(name) && has(s, labels)).toList();
        if (found.size() != 1) throw new AssertionError(found.size() + " series " + name + " " + List.of(labels) + " on /q/metrics: " + found);
        return found.get(0).value();
    }

    /** Scrapes until the series satisfies {@code expected} (gauges read from the database are reused for a second). */
    public static double await(Duration wait, DoublePredicate expected, String name, String... labels) {
        long until = System.nanoTime() + wait.toNanos();
        double v = now().value(name, labels);
        while (!expected.test(v) && System.nanoTime() < until) {
            sleep();
            v = now().value(name, labels);
        }
        return v;
    }

    private static boolean has(Sample s, String... labels) {
        for (int i = 0; i + 1 < labels.length; i += 2) {
            if (!labels[i + 1].equals(s.labels().get(labels[i]))) return false;
        }
        return true;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
