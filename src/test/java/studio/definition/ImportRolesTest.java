package studio.definition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.governance.Roles;
import studio.testing.TestDb;

/**
 * Product owners and platform admins import in the browser; every other Studio role sees the page read-only and is
 * refused if it posts anyway (CI imports through the API, never here); nothing is stored by a refusal.
 */
@QuarkusTest
class ImportRolesTest {

    @BeforeEach
    void empty() {
        TestDb.reset();
    }

    private static void imports() {
        given().get("/import").then().statusCode(200).body(containsString("name=\"action\" value=\"import\""))
                .body(not(containsString("Read only")));
        ImportForm.open().post("import", ImportPageTest.PLAN).then().statusCode(200).body(containsString("Imported."));
        assertEquals(2, ImportPageTest.milestones());
    }

    private static void readsOnly() {
        given().get("/import").then().statusCode(200)
                .body(containsString("Read only"))
                .body(containsString("needs the <strong>product-owner</strong> or <strong>platform-admin</strong> role"))
                .body(not(containsString("<form class=\"panel import-form\"")));
        ImportForm.open().post("import", ImportPageTest.PLAN).then().statusCode(403);
        ImportForm.open().post("check", ImportPageTest.PLAN).then().statusCode(403);
        assertEquals(0, ImportPageTest.milestones());
        assertEquals(0, TestDb.count("select count(*) from audit_event where type = 'DefinitionsImported'"));
    }

    @Test
    @TestSecurity(user = "po", roles = Roles.PRODUCT_OWNER)
    void productOwnerImports() {
        imports();
    }

    @Test
    @TestSecurity(user = "admin", roles = Roles.PLATFORM_ADMIN)
    void platformAdminImports() {
        imports();
    }

    @Test
    @TestSecurity(user = "qa", roles = Roles.QA_LEAD)
    void qaLeadReadsOnly() {
        readsOnly();
    }

    @Test
    @TestSecurity(user = "arch", roles = Roles.DOMAIN_ARCHITECT)
    void domainArchitectReadsOnly() {
        readsOnly();
    }

    @Test
    @TestSecurity(user = "sec", roles = Roles.SECURITY_OFFICER)
    void securityOfficerReadsOnly() {
        readsOnly();
    }

    @Test
    @TestSecurity(user = "comp", roles = Roles.COMPLIANCE_OFFICER)
    void complianceOfficerReadsOnly() {
        readsOnly();
    }

    @Test
    @TestSecurity(user = "aud", roles = Roles.AUDITOR)
    void auditorReadsOnly() {
        readsOnly();
    }

    @Test
    @TestSecurity(user = "ci-bot", roles = Roles.CI)
    void ciImportsThroughTheApiNotTheBrowser() {
        readsOnly();
    }

    @Test
    @TestSecurity(user = "someone", roles = "unrelated-role")
    void aSignedInPersonWithoutAStudioRoleIsRefused() {
        given().get("/import").then().statusCode(403);
    }
}
