package studio.milestone;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.TestDb;

/**
 * Multi-party sign-off with roles beyond the built-in ones: the test profile declares studio.roles.extra=tech-lead,
 * operations-lead; a milestone may then ask a tech lead, an operations lead and a product owner to sign, and only a
 * person holding the role a gate names decides it. Undeclared roles stay refused at import.
 */
@QuarkusTest
class ExtraRolesSignOffTest {

    private static final String PLAN = """
            milestones:
              - id: three-signs
                gateConditions:
                  - manualApproval: tech-lead
                  - manualApproval: operations-lead
                  - manualApproval: product-owner
            """;

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    @Test
    @TestSecurity(user = "po-lead", roles = {"product-owner", "tech-lead"})
    void aDeclaredRoleIsAcceptedAndItsHolderSignsItsGate() {
        importPlan(PLAN).statusCode(200);
        decide("tech-lead", "approved").statusCode(201)
                .body("gates.find { it.role == 'tech-lead' }.status", equalTo("passed"))
                .body("gates.find { it.role == 'operations-lead' }.status", equalTo("pending"));
        decide("operations-lead", "approved").statusCode(403).body(containsString("operations-lead"));
    }

    @Test
    @TestSecurity(user = "po-only", roles = "product-owner")
    void anUndeclaredRoleIsRefusedAtImportWithItsLine() {
        importPlan(PLAN.replace("manualApproval: operations-lead", "manualApproval: release-captain")).statusCode(400)
                .body("errors[0].line", equalTo(5)).body("errors[0].message", containsString("unknown role 'release-captain'"))
                .body("errors[0].message", containsString("tech-lead, operations-lead"));
    }

    private static io.restassured.response.ValidatableResponse importPlan(String yaml) {
        return RestAssured.given().contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/definitions").then();
    }

    private static io.restassured.response.ValidatableResponse decide(String role, String decision) {
        return RestAssured.given().contentType("application/json")
                .body("{\"gate\":\"manualApproval\",\"role\":\"" + role + "\",\"decision\":\"" + decision + "\",\"reason\":\"signed\"}")
                .post("/api/milestones/three-signs/decisions").then().log().ifValidationFails();
    }
}
