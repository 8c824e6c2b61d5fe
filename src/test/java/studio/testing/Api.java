package studio.testing;

import static io.restassured.RestAssured.given;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls Studio's JSON API as a demo user with a REAL bearer token from the test Keycloak (tokens cached for a
 * minute; they live five).
 */
public final class Api {

    private record Cached(String token, long at) {}

    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();

    private Api() {
    }

    /** YAML, markdown and NDJSON bodies are sent as the text they are. */
    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
            .encodeContentTypeAs("application/yaml", ContentType.TEXT).encodeContentTypeAs("text/markdown", ContentType.TEXT)
            .encodeContentTypeAs("application/x-ndjson", ContentType.TEXT)
            .defaultCharsetForContentType("UTF-8", "application/yaml").defaultCharsetForContentType("UTF-8", "text/markdown")
            .defaultCharsetForContentType("UTF-8", "application/x-ndjson"));

    public static RequestSpecification as(String user) {
        return given().config(CONFIG).auth().oauth2(token(user));
    }

    public static String token(String user) {
        Cached c = TOKENS.get(user);
        if (c == null || System.currentTimeMillis() - c.at() > 60_000) {
            c = new Cached(Keycloak.token(user), System.currentTimeMillis());
            TOKENS.put(user, c);
        }
        return c.token();
    }

    public static Response importDefinitions(String yaml) {
        return as("ci").contentType("application/yaml").body(yaml).post("/api/definitions");
    }

    public static Response event(String json) {
        return as("ci").contentType("application/json").body(json).post("/api/events");
    }

    public static Response traceMatrix(String sprint, String json) {
        return as("ci").contentType("application/json").body(json).post("/api/sprints/" + sprint + "/trace-matrix");
    }

    public static Response qaReport(String sprint, String markdown) {
        return as("ci").contentType("text/markdown").body(markdown).post("/api/sprints/" + sprint + "/qa-report");
    }

    public static Response milestone(String id) {
        return as("auditor").get("/api/milestones/" + id);
    }
}
