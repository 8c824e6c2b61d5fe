package studio.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.BrowserSession;
import studio.testing.Keycloak;
import studio.testing.TestDb;

@QuarkusTest
class SecurityTest {

    @Test
    void browserRouteWithoutSessionRedirectsToTheLoginPage() {
        given().redirects().follow(false).when().get("/")
                .then().statusCode(302)
                .header("Location", startsWith(Keycloak.realmUrl() + "/protocol/openid-connect/auth"))
                .header("Location", containsString("client_id=studio-web"));
    }

    @Test
    void htmxRequestWithoutSessionIsNotRedirectedIntoAFragment() {
        given().redirects().follow(false).header("HX-Request", "true").when().get("/")
                .then().statusCode(499);
    }

    @Test
    void apiWithoutTokenIsJson401NeverARedirect() {
        given().redirects().follow(false).when().get("/api/milestones")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("about:blank")).body("title", equalTo("Unauthorized")).body("status", equalTo(401))
                .body("detail", containsString("Authorization: Bearer"))
                .body("errors[0].message", containsString("Authorization: Bearer"));
    }

    @Test
    void apiWithForgedTokenIsJson401() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").when().get("/api/milestones")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("errors[0].message", containsString("invalid or expired"));
    }

    @Test
    void signedOutPageIsPublic() {
        given().redirects().follow(false).when().get("/signed-out")
                .then().statusCode(200).body(containsString("You are signed out"));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void htmlPagesCarrySecurityHeaders() {
        given().when().get("/")
                .then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("object-src 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("same-origin"));
    }

    @Test
    @TestSecurity(user = "someone", roles = "unrelated-role")
    void aSignedInPersonWithoutAStudioRoleIsRefused() {
        given().when().get("/").then().statusCode(403);
    }

    @Test
    void readinessIsTheDatabaseAndTheIdentityProviderIsReportedApart() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check"))
                .body("checks.name", not(hasItems("OIDC Provider Health Check")))
                .body("checks.name", not(hasItems("Identity provider")));
        given().when().get("/q/health/well")
                .then().statusCode(200)
                .body("checks.find { it.name == 'Identity provider' }.status", equalTo("UP"));
    }

    @Test
    void metricsArePrometheusText() {
        Api.as("ci").when().get("/q/metrics")
                .then().statusCode(200).body(containsString("# TYPE"));
    }

    @Test
    void metricsAndTheApiDescriptionAreNotPublic() {
        given().redirects().follow(false).get("/q/metrics").then().statusCode(401);
        given().redirects().follow(false).get("/q/openapi").then().statusCode(302)
                .header("Location", startsWith(Keycloak.realmUrl() + "/protocol/openid-connect/auth"));
        given().redirects().follow(false).get("/q/swagger-ui/").then().statusCode(302);
    }

    @Test
    @TestSecurity(user = "platform-admin", roles = "platform-admin")
    void aSignedInPersonReadsTheApiDescription() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/milestones"));
    }

    @Test
    void aRealBrowserSessionCannotCallTheJsonApi() {
        BrowserSession browser = BrowserSession.signIn("platform-admin");
        browser.request().get("/").then().statusCode(200);
        browser.request().get("/api/milestones").then().statusCode(401).contentType("application/problem+json");
        String csrf = browser.csrf();
        long milestones = TestDb.count("select count(*) from milestone");
        browser.request().header("X-CSRF-TOKEN", csrf).contentType("application/yaml")
                .body("milestones:\n  - id: via-cookie\n    gateConditions: [allSprintsClosed]\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/definitions").then().statusCode(401);
        browser.request().header("X-CSRF-TOKEN", csrf).contentType("application/json").body("{\"url\":\"http://127.0.0.1:9/x\"}")
                .post("/api/webhooks").then().statusCode(401);
        assertEquals(milestones, TestDb.count("select count(*) from milestone"));
        assertEquals(0, TestDb.count("select count(*) from milestone where id = 'via-cookie'"));
    }

    /** Every response, not only pages: the login redirect, JSON (errors and answers), downloads, error pages. */
    @Test
    void redirectsAndJsonErrorsCarrySecurityHeaders() {
        hardened(given().redirects().follow(false).get("/").then().statusCode(302));
        hardened(given().get("/api/milestones").then().statusCode(401))
                .header("Content-Security-Policy", equalTo(SecurityHeaders.NOT_A_PAGE));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void jsonDownloadsAndErrorPagesCarrySecurityHeaders() {
        hardened(given().get("/api/milestones").then().statusCode(200))
                .header("Content-Security-Policy", equalTo(SecurityHeaders.NOT_A_PAGE));
        hardened(given().get("/api/releases/history.csv").then().statusCode(200))
                .header("Content-Security-Policy", equalTo(SecurityHeaders.NOT_A_PAGE));
        hardened(given().get("/nowhere").then().statusCode(404))
                .header("Content-Security-Policy", containsString("script-src 'self';"));
        hardened(given().redirects().follow(false).post("/releases/nothing/retry").then().statusCode(403));
    }

    static ValidatableResponse hardened(ValidatableResponse r) {
        return r.header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("same-origin"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Strict-Transport-Security", nullValue());
    }

    /** Behind a TLS-terminating proxy (X-Forwarded-Proto: https from a trusted proxy) Studio's cookies are Secure. */
    @Test
    void cookiesAreSecureWhenTheProxyReceivedHttps() {
        String login = given().redirects().follow(false).header("X-Forwarded-Proto", "https").get("/")
                .then().statusCode(302).extract().header("Location");
        assertTrue(login.contains("redirect_uri=https"), login);
        List<String> viaTls = given().redirects().follow(false).header("X-Forwarded-Proto", "https").get("/")
                .then().extract().headers().getValues("Set-Cookie");
        assertFalse(viaTls.isEmpty());
        viaTls.forEach(c -> assertTrue(c.contains("Secure"), c));
        given().redirects().follow(false).get("/").then().extract().headers().getValues("Set-Cookie")
                .forEach(c -> assertFalse(c.contains("Secure"), "plain HTTP to Studio itself: " + c));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void theCsrfCookieIsSecureWhenTheProxyReceivedHttps() {
        String cookie = given().header("X-Forwarded-Proto", "https").get("/approvals").then().statusCode(200)
                .extract().headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("studio-csrf=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
    }
}
