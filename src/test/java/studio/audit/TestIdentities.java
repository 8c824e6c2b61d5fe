package studio.audit;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Lets {@code @TestSecurity} identities reach /api/*. The API refuses a request without a bearer token before any
 * authentication runs, and the OIDC bearer tenant rejects a token it cannot verify, so with the tenant switched
 * off a placeholder token passes the first check and the test identity is the one the resources see.
 * Authentication with real tokens is covered by tests that run without this profile.
 */
public class TestIdentities implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.oidc.api.tenant-enabled", "false");
    }

    /** A request as the {@code @TestSecurity} identity of the running test. */
    public static RequestSpecification asTestIdentity() {
        return given().header("Authorization", "Bearer test-identity");
    }
}
