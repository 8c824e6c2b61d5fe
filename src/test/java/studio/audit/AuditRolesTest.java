package studio.audit;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.audit.TestIdentities.asTestIdentity;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.governance.Roles;

/**
 * Who may do what with the audit trail (docs/API.md "Roles"): every role reads the trail and the signing keys; only
 * auditor, compliance-officer and platform-admin export and verify. A refused verification records nothing.
 */
@QuarkusTest
class AuditRolesTest {

    @Inject
    AuditLog log;

    @BeforeEach
    void aShortTrail() {
        AuditDatabase.reset();
        new AuditTrailFixture(log).varied(3);
    }

    @Test
    @TestSecurity(user = "po", roles = Roles.PRODUCT_OWNER)
    void productOwnerReadsButMayNotExportOrVerify() {
        readsOnly();
    }

    @Test
    @TestSecurity(user = "qa", roles = Roles.QA_LEAD)
    void qaLeadReadsButMayNotExportOrVerify() {
        readsOnly();
    }

    @Test
    @TestSecurity(user = "arch", roles = Roles.DOMAIN_ARCHITECT)
    void domainArchitectReadsButMayNotExportOrVerify() {
        readsOnly();
    }

    @Test
    @TestSecurity(user = "sec", roles = Roles.SECURITY_OFFICER)
    void securityOfficerReadsButMayNotExportOrVerify() {
        readsOnly();
    }

    @Test
    @TestSecurity(user = "ci-bot", roles = Roles.CI)
    void ciReadsButMayNotExportOrVerify() {
        readsOnly();
    }

    @Test
    @TestSecurity(user = "ann", roles = Roles.AUDITOR)
    void auditorReadsExportsAndVerifies() {
        readsExportsAndVerifies();
    }

    @Test
    @TestSecurity(user = "carol", roles = Roles.COMPLIANCE_OFFICER)
    void complianceOfficerReadsExportsAndVerifies() {
        readsExportsAndVerifies();
    }

    @Test
    @TestSecurity(user = "pat", roles = Roles.PLATFORM_ADMIN)
    void platformAdminReadsExportsAndVerifies() {
        readsExportsAndVerifies();
    }

    @Test
    @TestSecurity(user = "someone", roles = "unrelated-role")
    void aSignedInIdentityWithoutAStudioRoleMayDoNothing() {
        for (String path : new String[] {"/api/audit", "/api/signing-keys", "/api/audit/export?format=csv", "/api/audit/verify"}) {
            asTestIdentity().when().get(path).then().statusCode(403);
        }
    }

    @Test
    void withoutAnyIdentityEveryEndpointIs401() {
        for (String path : new String[] {"/api/audit", "/api/signing-keys", "/api/audit/export?format=csv", "/api/audit/verify"}) {
            io.restassured.RestAssured.given().when().get(path)
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("errors[0].message", containsString("Authorization: Bearer"));
        }
    }

    private static void readsOnly() {
        reads();
        asTestIdentity().when().get("/api/audit/export?format=csv").then().statusCode(403).contentType("application/problem+json");
        asTestIdentity().when().get("/api/audit/export?format=jsonl").then().statusCode(403);
        asTestIdentity().when().get("/api/audit/verify").then().statusCode(403).contentType("application/problem+json");
        asTestIdentity().when().post("/api/audit/verify").then().statusCode(403).contentType("application/problem+json");
        assertEquals(0, AuditDatabase.number("select count(*) from audit_event where type = 'AuditVerified'"),
                "a refused verification leaves no trace in the chain");
    }

    private static void readsExportsAndVerifies() {
        reads();
        asTestIdentity().when().get("/api/audit/export?format=csv").then().statusCode(200);
        asTestIdentity().when().get("/api/audit/export?format=jsonl").then().statusCode(200);
        asTestIdentity().when().get("/api/audit/verify").then().statusCode(200);
        asTestIdentity().when().post("/api/audit/verify").then().statusCode(200);
        assertEquals(1, AuditDatabase.number("select count(*) from audit_event where type = 'AuditVerified'"),
                "the POST records the verification, the GET records nothing");
    }

    private static void reads() {
        asTestIdentity().when().get("/api/audit").then().statusCode(200);
        asTestIdentity().when().get("/api/signing-keys").then().statusCode(200);
    }
}
