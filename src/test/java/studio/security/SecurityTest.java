package studio.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;
import studio.testing.Keycloak;

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
                .contentType("application/json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("errors[0].message", containsString("Authorization: Bearer"));
    }

    @Test
    void apiWithForgedTokenIsJson401() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").when().get("/api/milestones")
                .then().statusCode(401)
                .contentType("application/json")
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
    void healthReportsDatabaseAndIdentityProvider() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "OIDC Provider Health Check"));
    }

    @Test
    void metricsArePrometheusText() {
        given().when().get("/q/metrics")
                .then().statusCode(200).body(containsString("# TYPE"));
    }
}
