package studio.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import studio.testing.Processes;

/**
 * docs/prometheus/studio-alerts.yml as Prometheus reads it: promtool (Debian's prometheus package; ./studio test
 * installs it) checks the rules and runs their unit tests, which prove that the blocked-milestone, dead-letter,
 * approval, audit-chain and unreadable-figures alerts fire on sample series and stay quiet otherwise.
 */
class AlertRulesTest {

    static final Path RULES = Path.of("docs/prometheus");

    @Test
    void promtoolAcceptsTheRules() {
        Processes.Result r = promtool("check", "rules", "studio-alerts.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("SUCCESS"), r.output());
    }

    @Test
    void theAlertsFireOnTheirSampleSeries() {
        Processes.Result r = promtool("test", "rules", "studio-alerts.test.yml");
        assertEquals(0, r.exitCode(), r.output());
    }

    private static Processes.Result promtool(String... args) {
        String promtool = promtoolPath();
        String[] command = new String[args.length + 1];
        command[0] = promtool;
        System.arraycopy(args, 0, command, 1, args.length);
        return Processes.run(RULES, command);
    }

    /** Never skipped: without promtool the rules are unchecked, so the suite fails and says how to get it. */
    static String promtoolPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) return candidate.toString();
        }
        throw new AssertionError("promtool is not installed, so the alert rules in docs/prometheus cannot be checked. "
                + "./studio test installs it (apt-get install prometheus, as root on Debian/Ubuntu); elsewhere install "
                + "Prometheus's promtool and put it on the PATH.");
    }
}
