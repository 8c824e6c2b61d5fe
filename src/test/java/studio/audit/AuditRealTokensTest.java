package studio.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studio.testing.Keycloak;

/**
 * The audit API with real Keycloak tokens, no test identities: the identity provider's roles map to Studio's
 * and the recorded actor is the token's user.
 */
@QuarkusTest
class AuditRealTokensTest {

    @Inject
    AuditLog log;

    @BeforeEach
    void aShortTrail() {
        AuditDatabase.reset();
        new AuditTrailFixture(log).varied(3);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"product-owner", "qa-lead", "domain-architect", "security-officer", "compliance-officer",
            "platform-admin", "auditor", "ci"})
    void everyRoleReadsTheTrailAndTheKeys(String user) {
        String token = Keycloak.token(user);
        given().auth().oauth2(token).when().get("/api/audit").then().statusCode(200).body("events.size()", equalTo(3));
        given().auth().oauth2(token).when().get("/api/signing-keys").then().statusCode(200);
    }

    @Test
    void anAuditorsVerificationIsRecordedUnderTheirName() {
        String token = Keycloak.token("auditor");
        given().auth().oauth2(token).when().post("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
        given().auth().oauth2(token).queryParam("type", AuditVerification.VERIFIED).when().get("/api/audit")
                .then().statusCode(200)
                .body("events[0].actor", equalTo("auditor"))
                .body("events[0].actor_roles", hasItem("auditor"));
    }

    @Test
    void theCiServiceAccountMayNeitherExportNorVerify() {
        String token = Keycloak.token("ci");
        given().auth().oauth2(token).when().get("/api/audit/export?format=csv").then().statusCode(403);
        given().auth().oauth2(token).when().get("/api/audit/verify").then().statusCode(403);
        given().auth().oauth2(token).when().post("/api/audit/verify").then().statusCode(403);
    }

    @Test
    void aComplianceOfficerExports() {
        given().auth().oauth2(Keycloak.token("compliance-officer")).when().get("/api/audit/export?format=jsonl")
                .then().statusCode(200).contentType("application/x-ndjson");
    }
}
