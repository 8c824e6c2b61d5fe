package studio.override;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/**
 * Overrides respect quorums, whose gate it is and the spec's semantics: an approval quorum of two people, a manual
 * gate overridden only with its own role's approval, a request that could never help refused up front,
 * noManualOverridesActive bypassed only when named, and value-only signals deciding numeric gates.
 */
@QuarkusTest
class OverrideIntegrityTest {

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    static void blocked(String id, String gates, String more) {
        Api.importDefinitions("""
                milestones:
                  - id: %s
                    gateConditions: %s
                    approvalRoles: [qa-lead]
                    governedBy: product-owner
                %s""".formatted(id, gates, more)).then().statusCode(200);
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"" + id + "\",\"gate\":\"securityValidated\",\"status\":\"fail\","
                + "\"detail\":\"missing span template\"}").then().statusCode(201);
        Api.as("product-owner").post("/api/milestones/" + id + "/evaluate").then().statusCode(200).body("status", equalTo("blocked"));
    }

    static ValidatableResponse request(String user, String milestone, String gates) {
        return Api.as(user).contentType("application/json").body("{\"gates\":" + gates + ",\"reason\":\"risk accepted for the internal MVP\"}")
                .post("/api/milestones/" + milestone + "/overrides").then();
    }

    static ValidatableResponse approve(String user, long id) {
        return Api.as(user).contentType("application/json").body("{\"reason\":\"reviewed with security\"}")
                .post("/api/overrides/" + id + "/approve").then();
    }

    static long id(ValidatableResponse r) {
        return r.statusCode(201).extract().jsonPath().getLong("override_id");
    }

    @Test
    void aQuorumOfTwoNeedsTwoDifferentPeople() {
        blocked("q2", "[securityValidated]", "    overrideApprovals: 2");
        long id = id(request("product-owner", "q2", "[\"securityValidated\"]"));

        approve("qa-lead", id).statusCode(200).body("status", equalTo("requested"));
        Api.milestone("q2").then().body("status", equalTo("escalated"));
        approve("qa-lead", id).statusCode(409).body("errors[0].message", containsString("you already approved"));
        approve("qa-lead-2", id).statusCode(200).body("status", equalTo("approved"));
        Api.milestone("q2").then().body("status", equalTo("reached"));
        assertEquals(2, TestDb.count("select count(*) from override_approval where override_id = " + id));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'MilestoneOverrideApprovalRecorded'"));
    }

    @Test
    void overridingAManualGateNeedsAnApproverHoldingItsRole() {
        blocked("mg", "[securityValidated, {manualApproval: security-officer}]", "");
        long id = id(request("product-owner", "mg", "[\"securityValidated\", \"manualApproval\"]"));

        approve("qa-lead", id).statusCode(200).body("status", equalTo("requested"));
        Api.milestone("mg").then().body("status", equalTo("escalated"));
        approve("qa-lead-2", id).statusCode(409).body("errors[0].message", containsString("security-officer"));
        approve("security-officer", id).statusCode(200).body("status", equalTo("approved"));
        Api.milestone("mg").then().body("status", equalTo("reached"));
    }

    @Test
    void aRequestThatCouldNeverHelpIsRefusedWithWhatItWouldStillNeed() {
        blocked("nm", "[securityValidated, noManualOverridesActive]", "");
        request("product-owner", "nm", "[\"securityValidated\"]").statusCode(400)
                .body("errors[0].message", containsString("would still need")).body("errors[0].message", containsString("noManualOverridesActive"));
        assertEquals(0, TestDb.count("select count(*) from override_request"));

        long id = id(request("product-owner", "nm", "[\"securityValidated\", \"noManualOverridesActive\"]"));
        approve("qa-lead", id).statusCode(200).body("status", equalTo("approved"));
        Api.milestone("nm").then().body("status", equalTo("reached"));
    }

    @Test
    void aValueAloneDecidesANumericSignalGateAndTheValueWinsOverAContradictingStatus() {
        Api.importDefinitions("""
                milestones:
                  - id: res
                    gateConditions: [{resilienceScoreAbove: 85}, securityValidated]
                """).then().statusCode(200);
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"res\",\"gate\":\"resilienceScoreAbove\",\"value\":91}").then().statusCode(201);
        Api.milestone("res").then().body("gates.find { it.condition == 'resilienceScoreAbove' }.status", equalTo("passed"));

        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"res\",\"gate\":\"resilienceScoreAbove\",\"status\":\"pass\",\"value\":80}")
                .then().statusCode(201);
        Api.milestone("res").then().body("gates.find { it.condition == 'resilienceScoreAbove' }.status", equalTo("failed"))
                .body("gates.find { it.condition == 'resilienceScoreAbove' }.detail", containsString("value"));

        long before = TestDb.count("select count(*) from evidence");
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"res\",\"gate\":\"securityValidated\",\"value\":1}").then().statusCode(400)
                .body("errors[0].message", containsString("securityValidated"));
        assertEquals(before, TestDb.count("select count(*) from evidence"));
    }

    @Test
    @TestSecurity(user = "alex", roles = {"product-owner", "security-officer"})
    void onePersonHoldingTwoRolesDecidesOnlyOneOfTheMilestonesManualGates() {
        Api.importDefinitions("""
                milestones:
                  - id: two
                    gateConditions: [{manualApproval: product-owner}, {manualApproval: security-officer}]
                """).then().statusCode(200);
        String page = "/milestones/two";
        CsrfForms.form(page).formParam("gate", "manualApproval").formParam("role", "product-owner").formParam("decision", "approved")
                .formParam("reason", "scope signed off").post(page + "/decisions").then().statusCode(303);
        CsrfForms.form(page).formParam("gate", "manualApproval").formParam("role", "security-officer").formParam("decision", "approved")
                .formParam("reason", "threat model reviewed").post(page + "/decisions").then().statusCode(403)
                .body(containsString("already"));
        Api.milestone("two").then().body("gates.find { it.role == 'security-officer' }.status", equalTo("pending"))
                .body("gates.find { it.role == 'product-owner' }.status", equalTo("passed"));
        given().get(page).then().statusCode(200);
    }
}
