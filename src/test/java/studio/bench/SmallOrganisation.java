package studio.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A small organisation for the multi-instance and crash tests, shaped like the benchmark's (bench/Driver.java): each
 * milestone requires four features delivered by two sprints and has a coverage, a security and a sprint-closure gate.
 * Its evidence is a list of requests per milestone, in the order CI sends them.
 */
final class SmallOrganisation {

    record Post(String path, String contentType, String body) {}

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private SmallOrganisation() {}

    static String milestone(int m) {
        return String.format("it-%03d", m);
    }

    static String sprint(int m, int s) {
        return String.format("it-%03d-s%d", m, s);
    }

    static String feature(int m, int f) {
        return String.format("it-%03d-f%d", m, f);
    }

    static String definitions(int milestones) {
        StringBuilder y = new StringBuilder("milestones:\n");
        for (int m = 0; m < milestones; m++) {
            y.append("  - id: ").append(milestone(m)).append("\n    governedBy: product-owner\n    requiredFeatures: [")
                    .append(feature(m, 0)).append(", ").append(feature(m, 1)).append(", ").append(feature(m, 2)).append(", ")
                    .append(feature(m, 3)).append("]\n    gateConditions:\n      - allSprintsClosed\n      - qaCoverageAbove: 80\n")
                    .append("      - securityValidated\n");
        }
        y.append("sprints:\n");
        for (int m = 0; m < milestones; m++) for (int s = 0; s < 2; s++) {
            y.append("  - id: ").append(sprint(m, s)).append("\n    includes:\n      - Milestone: ").append(milestone(m))
                    .append("\n      - Features: [").append(feature(m, 2 * s)).append(", ").append(feature(m, 2 * s + 1)).append("]\n");
        }
        return y.toString();
    }

    /** Milestone m's evidence in order; odd milestones' security scans fail, so they stop short of Reached. */
    static List<Post> evidence(int m) {
        List<Post> posts = new ArrayList<>();
        Instant base = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(3600L * m);
        for (int s = 0; s < 2; s++) {
            String id = sprint(m, s);
            Instant t = base.plusSeconds(600L * s);
            posts.add(event("{\"event\":\"SprintPlanned\",\"sprintId\":\"" + id + "\",\"milestone\":\"" + milestone(m)
                    + "\",\"timestamp\":\"" + t + "\"}"));
            posts.add(event("{\"event\":\"SprintStarted\",\"sprintId\":\"" + id + "\",\"timestamp\":\"" + t.plusSeconds(10) + "\"}"));
            for (int e = 0; e < 4; e++) {
                posts.add(new Post("/api/executions", "application/json", "{\"traceId\":\"it-" + m + "\",\"sprintId\":\"" + id
                        + "\",\"featureId\":\"" + feature(m, 2 * s + e % 2) + "\",\"agentId\":\"agent-" + e + "\",\"skillId\":\"Skill"
                        + e + "\",\"status\":\"Success\",\"durationMs\":" + (100 + e) + ",\"artifact\":\"File" + e + ".cs\",\"timestamp\":\"" + t.plusSeconds(20 + e) + "\"}"));
            }
            posts.add(new Post("/api/sprints/" + id + "/qa-report", "text/markdown", "## QA Validation Summary — " + id + "\n- " + feature(m, 2 * s)
                    + ": 9" + (m % 10) + ".0%\n- " + feature(m, 2 * s + 1) + ": 88.5%\n- Tests passed: 40\n- Tests failed: 0\n"));
            posts.add(event("{\"event\":\"SprintClosed\",\"sprintId\":\"" + id + "\",\"timestamp\":\"" + t.plusSeconds(500) + "\"}"));
        }
        posts.add(event("{\"event\":\"GateSignal\",\"milestoneId\":\"" + milestone(m) + "\",\"gate\":\"securityValidated\",\"status\":\""
                + (m % 2 == 1 ? "fail" : "pass") + "\",\"timestamp\":\"" + base.plusSeconds(3000) + "\"}"));
        return posts;
    }

    private static Post event(String json) {
        return new Post("/api/events", "application/json", json);
    }

    /** Sends one request; answers its status, or -1 when the instance did not answer (down, killed). */
    static int send(String baseUrl, String token, Post post) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + post.path())).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", post.contentType())
                    .POST(HttpRequest.BodyPublishers.ofString(post.body())).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static String get(String baseUrl, String token, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
