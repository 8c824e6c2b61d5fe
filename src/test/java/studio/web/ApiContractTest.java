package studio.web;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import studio.testing.BrowserSession;

/**
 * The served OpenAPI document is a contract a client generator accepts: only the JSON API, every operation with an
 * operationId (unique), a summary, a description, a declared tag, bearer security and the problem schema for its
 * errors; and Stoplight Spectral's spectral:oas ruleset (.spectral.yaml) reports nothing at any severity. Spectral is
 * provisioned by ./studio test (STUDIO_TEST_SPECTRAL); without it this test fails, it never skips.
 */
@QuarkusTest
class ApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void onlyTheApiWithIdsSummariesTagsAndProblems() throws Exception {
        JsonNode doc = JSON.readTree(document());
        Set<String> ids = new HashSet<>();
        Set<String> tags = new HashSet<>();
        doc.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        assertTrue(doc.path("paths").size() > 30, "too few paths: " + doc.path("paths").size());
        doc.path("paths").fields().forEachRemaining(path -> {
            assertTrue(path.getKey().startsWith("/api/"), "a page in the API contract: " + path.getKey());
            path.getValue().fields().forEachRemaining(op -> {
                JsonNode o = op.getValue();
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                assertTrue(ids.add(o.path("operationId").asText()), "operationId missing or twice: " + where);
                assertTrue(!o.path("summary").asText().isBlank() && !o.path("description").asText().isBlank(), "no summary/description: " + where);
                assertTrue(tags.contains(o.path("tags").path(0).asText()), "undeclared tag on " + where);
                assertEquals("[]", o.path("security").path(0).path("bearer").toString(), "security of " + where);
                assertEquals("#/components/schemas/Problem",
                        o.path("responses").path("401").path("content").path("application/problem+json").path("schema").path("$ref").asText(), where);
            });
        });
    }

    @Test
    void requestBodiesSayWhatTheyTake() throws Exception {
        JsonNode paths = JSON.readTree(document()).path("paths");
        assertTrue(paths.path("/api/evidence/batch").path("post").path("requestBody").path("content").has("application/x-ndjson"));
        JsonNode definitions = paths.path("/api/definitions").path("post").path("requestBody").path("content");
        assertTrue(definitions.has("application/yaml"), definitions.toString());
        assertEquals("#/components/schemas/Definitions", definitions.path("application/json").path("schema").path("$ref").asText());
        assertEquals("#/components/schemas/Reason", paths.path("/api/overrides/{id}/approve").path("post").path("requestBody")
                .path("content").path("application/json").path("schema").path("$ref").asText());
    }

    @Test
    void spectralOasReportsNothing() throws Exception {
        Path doc = Files.createTempFile("studio-openapi", ".json");
        Files.writeString(doc, document());
        String spectral = System.getenv().getOrDefault("STUDIO_TEST_SPECTRAL", ".studio/tools/spectral/node_modules/.bin/spectral");
        if (!new File(spectral).canExecute()) {
            fail("Spectral is not installed at " + spectral + ": ./studio test installs it (npm @stoplight/spectral-cli@6)");
        }
        Process lint = new ProcessBuilder(spectral, "lint", doc.toString(), "--ruleset", ".spectral.yaml", "--format", "json",
                "--fail-severity", "hint", "--quiet").redirectErrorStream(false).start();
        String out = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(lint.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(lint.waitFor(120, TimeUnit.SECONDS), "spectral did not finish");
        JsonNode findings = out.isBlank() ? JSON.createArrayNode() : JSON.readTree(out);
        StringBuilder report = new StringBuilder();
        findings.forEach(f -> report.append(f.path("severity").asInt()).append(' ').append(f.path("code").asText()).append(' ')
                .append(f.path("path").toString()).append(": ").append(f.path("message").asText()).append('\n'));
        assertEquals(0, findings.size(), "Spectral (spectral:oas) found " + findings.size() + " problems:\n" + report + err);
        assertEquals(0, lint.exitValue(), out + err);
    }

    private static String document() {
        return BrowserSession.signIn("platform-admin").request().get("/q/openapi?format=json").then().statusCode(200)
                .contentType(containsString("json")).extract().asString();
    }
}
