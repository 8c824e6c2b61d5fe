package studio.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.BrowserSession;
import studio.testing.TestDb;

/**
 * The ready-to-copy pipelines in docs/ci/ do what they say against a real Studio: their commands (the GitHub Actions
 * steps' {@code run}, the GitLab jobs' {@code script}, in order, with the variables they declare) run in a workspace
 * holding docs/ci/example/, with Studio's URL and a CI service account's token as the secrets, and the milestone ends
 * Reached. A step that fails (curl --fail-with-body) fails the test with its output.
 */
@QuarkusTest
class CiExamplesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    @Test
    void theGithubActionsExampleGatesTheMilestone() throws Exception {
        JsonNode workflow = YAML.readTree(Path.of("docs/ci/github-actions.yml").toFile());
        Map<String, String> env = variables(workflow.path("env"));
        env.put("GITHUB_RUN_ID", UUID.randomUUID().toString());
        List<String> steps = new ArrayList<>();
        workflow.path("jobs").forEach(job -> {
            env.putAll(variables(job.path("env")));
            job.path("steps").forEach(step -> {
                if (step.has("run")) steps.add(step.path("run").asText());
            });
        });
        assertEquals(4, steps.size(), "the example's steps changed: " + steps);
        run("bash", steps, env);
        assertEquals("reached", TestDb.text("select state from milestone where id = 'checkout-ready'"));
    }

    @Test
    void theGitlabExampleGatesTheMilestone() throws Exception {
        JsonNode pipeline = YAML.readTree(Path.of("docs/ci/gitlab-ci.yml").toFile());
        Map<String, String> env = variables(pipeline.path("variables"));
        env.put("CI_PIPELINE_ID", UUID.randomUUID().toString());
        List<String> scripts = new ArrayList<>();
        for (JsonNode stage : pipeline.path("stages")) {
            pipeline.fields().forEachRemaining(job -> {
                if (stage.asText().equals(job.getValue().path("stage").asText())) {
                    job.getValue().path("script").forEach(line -> scripts.add(line.asText()));
                }
            });
        }
        assertEquals(6, scripts.size(), "the example's script lines changed: " + scripts);
        run("sh", scripts, env);
        assertEquals("reached", TestDb.text("select state from milestone where id = 'checkout-ready'"));
    }

    /** A step's declared variables; "${{ secrets.X }}" is left for the secrets below. */
    private static Map<String, String> variables(JsonNode declared) {
        Map<String, String> out = new HashMap<>();
        declared.fields().forEachRemaining(v -> {
            if (!v.getValue().asText().contains("${{")) out.put(v.getKey(), v.getValue().asText());
        });
        return out;
    }

    private static void run(String shell, List<String> commands, Map<String, String> declared) throws Exception {
        Path workspace = Files.createTempDirectory("studio-ci-example");
        copy(Path.of("docs/ci/example"), workspace);
        Map<String, String> env = new HashMap<>(declared);
        env.put("STUDIO_URL", BrowserSession.studio());
        env.put("STUDIO_TOKEN", Api.token("ci"));
        for (String command : commands) {
            ProcessBuilder pb = new ProcessBuilder(shell, "-ec", command).directory(workspace.toFile()).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "did not finish: " + command);
            assertEquals(0, p.exitValue(), "this step failed:\n" + command + "\n" + out);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
    }
}
