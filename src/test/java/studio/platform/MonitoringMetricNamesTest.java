package studio.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.Scrape;
import studio.testing.TestDb;

/**
 * Every metric the Grafana dashboard (docs/grafana/studio.json) and the alert rules (docs/prometheus/studio-alerts.yml)
 * query is one Studio serves at /q/metrics once it holds a milestone and has answered a request: a renamed or missing
 * metric would leave a panel empty and an alert silent.
 */
@QuarkusTest
class MonitoringMetricNamesTest {

    /** Series Prometheus makes itself for every scrape target, not Studio's. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(?!\\s*\\()(?![a-zA-Z0-9_:])");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring",
            "group_left", "group_right", "inf", "nan");

    @Test
    void everyQueriedMetricIsServed() throws IOException {
        List<String> expressions = new ArrayList<>(dashboardExpressions());
        expressions.addAll(ruleExpressions());
        Set<String> queried = new TreeSet<>();
        expressions.forEach(e -> queried.addAll(metricNames(e)));
        assertTrue(queried.containsAll(Set.of("milestone_in_state_oldest_seconds", "webhook_dead_letters", "approval_waiting_oldest_seconds",
                "audit_chain_intact", "release_outcome_total", "release_manual_approval_total", "release_duration_seconds_count",
                "milestone_gate_success_total")), "names read from the queries: " + queried);

        // per-milestone gauges and the request timers exist once there is a milestone and an API call
        TestDb.reset();
        Api.importDefinitions("milestones:\n  - id: m1\n    gateConditions: [securityValidated]\n    governedBy: product-owner\n")
                .then().statusCode(200);
        Set<String> served = Scrape.now().names();
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(served);
        missing.removeAll(PROMETHEUS_OWN);
        assertEquals(Set.of(), missing, "queried but not on /q/metrics");
    }

    @Test
    void namesAreReadFromPromql() {
        assertEquals(Set.of("a_total", "b_seconds"), metricNames(
                "sum by (kind, state) (increase(a_total{job=\"x\",state=~\"y|z\"}[1h])) / on (kind) max(b_seconds) > 0 and bool 1"));
    }

    static Set<String> metricNames(String promql) {
        String s = STRINGS.matcher(promql).replaceAll("\"\"");
        s = s.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        s = GROUPING.matcher(s).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group().toLowerCase()) && !Character.isDigit(s.charAt(Math.max(0, m.start() - 1)))) names.add(m.group());
        }
        return names;
    }

    private static List<String> dashboardExpressions() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("docs/grafana/studio.json").toFile());
        List<String> out = new ArrayList<>();
        dashboard.findValues("expr").forEach(e -> out.add(e.asText()));
        assertTrue(out.size() > 10, "the dashboard's queries: " + out);
        return out;
    }

    private static List<String> ruleExpressions() throws IOException {
        JsonNode rules = new YAMLMapper().readTree(Path.of("docs/prometheus/studio-alerts.yml").toFile());
        List<String> out = new ArrayList<>();
        rules.path("groups").forEach(g -> g.path("rules").forEach(r -> out.add(r.path("expr").asText())));
        assertTrue(out.size() > 5, "the rules' expressions: " + out);
        return out;
    }
}
