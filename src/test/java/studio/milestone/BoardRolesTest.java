package studio.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.governance.Roles;

/** Every Studio role reads the board, its live changes and the gate matrix; an identity without one is refused. */
@QuarkusTest
class BoardRolesTest {

    @BeforeEach
    void portfolio() {
        BoardFixture.portfolio();
    }

    private static void reads() {
        given().get("/board").then().statusCode(200).body(containsString("id=\"slot-mvp-ready\""));
        given().header("HX-Request", "true").get("/board?label=mvp").then().statusCode(200)
                .body(containsString("id=\"slot-mvp-ready\""));
        BoardFixture.poll(0, "").then().statusCode(200).body(containsString("id=\"board-poll\""));
        given().get("/gates").then().statusCode(200).body(containsString("/milestones/mvp-ready"));
        given().header("HX-Request", "true").get("/gates").then().statusCode(200).body(containsString("id=\"gate-grid\""));
    }

    @Test
    @TestSecurity(user = "po", roles = Roles.PRODUCT_OWNER)
    void productOwnerReads() {
        reads();
    }

    @Test
    @TestSecurity(user = "qa", roles = Roles.QA_LEAD)
    void qaLeadReads() {
        reads();
    }

    @Test
    @TestSecurity(user = "arch", roles = Roles.DOMAIN_ARCHITECT)
    void domainArchitectReads() {
        reads();
    }

    @Test
    @TestSecurity(user = "sec", roles = Roles.SECURITY_OFFICER)
    void securityOfficerReads() {
        reads();
    }

    @Test
    @TestSecurity(user = "comp", roles = Roles.COMPLIANCE_OFFICER)
    void complianceOfficerReads() {
        reads();
    }

    @Test
    @TestSecurity(user = "admin", roles = Roles.PLATFORM_ADMIN)
    void platformAdminReads() {
        reads();
    }

    @Test
    @TestSecurity(user = "aud", roles = Roles.AUDITOR)
    void auditorReads() {
        reads();
    }

    @Test
    @TestSecurity(user = "ci-bot", roles = Roles.CI)
    void ciReads() {
        reads();
    }

    @Test
    @TestSecurity(user = "someone", roles = "unrelated-role")
    void aSignedInPersonWithoutAStudioRoleIsRefused() {
        given().get("/board").then().statusCode(403);
        given().header("HX-Request", "true").get("/board/changes?since=0").then().statusCode(403);
        given().get("/gates").then().statusCode(403);
    }

    @Test
    void withoutASessionTheBoardAsksForTheLoginAndItsPollerReloads() {
        given().redirects().follow(false).get("/board").then().statusCode(302);
        given().redirects().follow(false).header("HX-Request", "true").get("/board/changes?since=0").then().statusCode(499);
    }
}
