package studio.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.testing.HttpBrowser;
import studio.testing.Keycloak;
import studio.testing.PackagedStudio;
import studio.testing.ScratchDatabases;
import studio.testing.TcpGate;

/**
 * What Studio does when what it depends on goes away, tried as an operator would: the packaged application reaches
 * the real PostgreSQL and the real Keycloak through a {@link TcpGate} the test cuts and restores. With the database
 * cut, the API answers 503 problem+json with Retry-After and a signed-in browser gets a page saying Studio cannot
 * reach its database (not a 500 with an error id); readiness goes down, since this instance cannot serve. With the
 * identity provider cut, readiness stays up and bearer tokens keep verifying with the keys Studio holds; the
 * provider's state is reported at /q/health/well. Both recover without a restart.
 */
class DependencyOutageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void withPostgresCutTheApiSays503AndPagesSaySoAndBothRecoverWithoutARestart() throws Exception {
        String url = ScratchDatabases.fresh("studio_it_outage");
        URI pg = URI.create(url.substring("jdbc:".length()));
        try (TcpGate db = TcpGate.to(pg.getHost(), pg.getPort());
             PackagedStudio app = PackagedStudio.start("jdbc:postgresql://127.0.0.1:" + db.port() + pg.getPath())) {
            assertTrue(app.ready(), app.log());
            String token = Keycloak.token("product-owner");
            assertEquals(200, api(app, token, "/api/milestones").statusCode(), app.log());
            HttpBrowser browser = new HttpBrowser();
            URI board = URI.create(app.baseUrl() + "/board");
            HttpResponse<String> page = browser.signIn(browser.get(board, next -> false), "product-owner", next -> false);
            assertEquals(200, page.statusCode(), page.body());

            db.cut();
            HttpResponse<String> refused = api(app, token, "/api/milestones");
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("content-type").orElse(""));
            assertEquals("5", refused.headers().firstValue("retry-after").orElse(""));
            JsonNode problem = JSON.readTree(refused.body());
            assertEquals(503, problem.path("status").asInt());
            assertEquals("Service Unavailable", problem.path("title").asText());
            assertTrue(problem.path("detail").asText().contains("cannot reach its database"), refused.body());
            assertEquals(problem.path("detail").asText(), problem.path("errors").path(0).path("message").asText());

            HttpResponse<String> down = browser.get(board, next -> false);
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().contains("Studio cannot reach its database"), down.body());
            assertTrue(!down.body().contains("Internal Server Error"), down.body());
            assertEquals(503, get(app.baseUrl() + "/q/health/ready").statusCode());

            db.restore();
            long deadline = System.nanoTime() + 60_000_000_000L;
            int status = 0;
            while (System.nanoTime() < deadline && (status = api(app, token, "/api/milestones").statusCode()) != 200) Thread.sleep(500);
            assertEquals(200, status, "the API did not recover after the database came back:\n" + app.log());
            assertEquals(200, browser.get(board, next -> false).statusCode());
            assertEquals(200, get(app.baseUrl() + "/q/health/ready").statusCode());
        }
    }

    @Test
    void withTheIdentityProviderCutReadinessStaysUpAndBearerTokensStillVerify() throws Exception {
        String url = ScratchDatabases.fresh("studio_it_idp_outage");
        URI realm = URI.create(Keycloak.realmUrl());
        try (TcpGate idp = TcpGate.to(realm.getHost(), realm.getPort())) {
            String viaGate = "http://" + realm.getHost() + ":" + idp.port() + realm.getPath();
            // tokens are issued by the real Keycloak URL; Studio reaches Keycloak through the gate
            try (PackagedStudio app = PackagedStudio.start(url, Map.of("QUARKUS_OIDC_AUTH_SERVER_URL", viaGate,
                    "QUARKUS_OIDC_TOKEN_ISSUER", Keycloak.realmUrl(), "QUARKUS_OIDC_API_TOKEN_ISSUER", Keycloak.realmUrl()))) {
                assertTrue(app.ready(), app.log());
                String token = Keycloak.token("ci");
                assertEquals(200, api(app, token, "/api/milestones").statusCode(), app.log());
                assertTrue(get(app.baseUrl() + "/q/health/well").body().contains("\"UP\""));

                idp.cut();
                assertEquals(200, get(app.baseUrl() + "/q/health/ready").statusCode(), "readiness must not depend on the identity provider");
                HttpResponse<String> well = get(app.baseUrl() + "/q/health/well");
                assertEquals(503, well.statusCode(), well.body());
                JsonNode check = JSON.readTree(well.body()).path("checks").path(0);
                assertEquals("Identity provider", check.path("name").asText(), well.body());
                assertEquals("DOWN", check.path("status").asText(), well.body());
                assertEquals(200, api(app, token, "/api/milestones").statusCode(), "a bearer token stopped verifying:\n" + app.log());

                idp.restore();
                assertEquals(200, get(app.baseUrl() + "/q/health/well").statusCode());
            }
        }
    }

    private static HttpResponse<String> api(PackagedStudio app, String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
