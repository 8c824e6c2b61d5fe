package studio.planning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Pattern;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.Story;
import studio.testing.TestDb;

/**
 * A CI token (or anyone) re-importing a milestone already past Planned cannot loosen it alone: the change waits,
 * shown as a diff, until a product owner or the milestone's governor other than its author approves it. Tightening
 * changes and changes to a Planned milestone apply at once.
 */
@QuarkusTest
class GovernedDefinitionsTest {

    static final String PAGE = "/milestones/mvp-ready";

    @BeforeEach
    void pastPlanned() {
        TestDb.reset();
        Api.importDefinitions(Story.MILESTONES).then().statusCode(200);
        Api.event(Story.planned(Story.CORE, "BookingFlow", "2025-06-01T09:00:00Z")).then().statusCode(201);
        assertNotEquals("planned", status());
    }

    @Test
    void aCiTokenLoweringAThresholdProposesTheChangeAndTheRulesInForceStay() {
        long id = proposeLowerThreshold("ci");

        Api.milestone("mvp-ready").then().body("gates.find { it.condition == 'qaCoverageAbove' }.threshold", equalTo(90));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'MilestoneDefinitionChangeProposed'"));
        assertEquals(0, TestDb.count("select count(*) from audit_event where type = 'MilestoneRedefined'"));
        Api.as("ci").contentType("application/json").body("{\"reason\":\"looks fine\"}")
                .post("/api/definition-changes/" + id + "/approve").then().statusCode(403);
        String proposer = Api.as("auditor").get("/api/definition-changes?status=pending").then().statusCode(200)
                .body("changes[0].change_id", equalTo((int) id)).body("changes.size()", equalTo(1))
                .extract().path("changes[0].proposed_by");
        assertEquals(TestDb.text("select actor from audit_event where type = 'MilestoneDefinitionChangeProposed'"), proposer);
        assertEquals(1, TestDb.count("select count(*) from definition_change where author_roles = '{ci}' and status = 'pending'"));
    }

    @Test
    void theAuthorCannotApproveTheirOwnChangeAndAnotherProductOwnerPutsItInForce() {
        long id = proposeLowerThreshold("product-owner");

        Api.as("product-owner").contentType("application/json").body("{\"reason\":\"mine\"}")
                .post("/api/definition-changes/" + id + "/approve").then().statusCode(403)
                .body("errors[0].message", containsString("another person must decide it"));
        Api.as("qa-lead").contentType("application/json").body("{\"reason\":\"ok\"}")
                .post("/api/definition-changes/" + id + "/approve").then().statusCode(403);
        Api.as("product-owner-2").contentType("application/json").body("{}")
                .post("/api/definition-changes/" + id + "/approve").then().statusCode(400);
        Api.milestone("mvp-ready").then().body("gates.find { it.condition == 'qaCoverageAbove' }.threshold", equalTo(90));

        Api.as("product-owner-2").contentType("application/json").body("{\"reason\":\"agreed in the QA review\"}")
                .post("/api/definition-changes/" + id + "/approve").then().statusCode(200).body("status", equalTo("approved"));
        Api.milestone("mvp-ready").then().body("gates.find { it.condition == 'qaCoverageAbove' }.threshold", equalTo(80));
        assertEquals(1, TestDb.count("""
                select count(*) from audit_event where type = 'MilestoneRedefined' and actor = 'product-owner-2'
                and payload like '%"approved_by":"product-owner-2"%' and payload like '%"proposed_by":"product-owner"%'"""));
        Api.as("product-owner-2").contentType("application/json").body("{\"reason\":\"again\"}")
                .post("/api/definition-changes/" + id + "/approve").then().statusCode(409);
    }

    @Test
    void aRejectedChangeLeavesTheDefinitionAsItWas() {
        long id = proposeLowerThreshold("ci");
        Api.as("product-owner").contentType("application/json").body("{\"reason\":\"coverage stays at 90\"}")
                .post("/api/definition-changes/" + id + "/reject").then().statusCode(200).body("status", equalTo("rejected"));
        Api.milestone("mvp-ready").then().body("gates.find { it.condition == 'qaCoverageAbove' }.threshold", equalTo(90));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'MilestoneDefinitionChangeRejected'"));
    }

    @Test
    void everyLooseningIsNamedAndTighteningAppliesAtOnce() {
        String loosened = Story.MILESTONES.replace("      - allSprintsClosed\n", "")
                .replace("governedBy: product-owner", "governedBy: qa-lead");
        Api.importDefinitions(loosened).then().statusCode(200)
                .body("pendingApproval[0].weakenings", hasItem("removes gate allSprintsClosed"))
                .body("pendingApproval[0].weakenings", hasItem("changes who governs it from product-owner to qa-lead"));

        String tightened = Story.MILESTONES.replace("qaCoverageAbove: 90", "qaCoverageAbove: 95");
        Api.importDefinitions(tightened).then().statusCode(200).body("updated.milestones", equalTo(1))
                .body("pendingApproval.size()", equalTo(0));
        Api.milestone("mvp-ready").then().body("gates.find { it.condition == 'qaCoverageAbove' }.threshold", equalTo(95));
    }

    @Test
    void approvingAChangeProposedAgainstAnOlderDefinitionIsRefused() {
        long id = proposeLowerThreshold("ci");
        Api.importDefinitions(Story.MILESTONES.replace("qaCoverageAbove: 90", "qaCoverageAbove: 95")).then().statusCode(200)
                .body("updated.milestones", equalTo(1));
        Api.as("product-owner").contentType("application/json").body("{\"reason\":\"ok\"}")
                .post("/api/definition-changes/" + id + "/approve").then().statusCode(409)
                .body("errors[0].message", containsString("changed after change " + id + " was proposed"));
        Api.milestone("mvp-ready").then().body("gates.find { it.condition == 'qaCoverageAbove' }.threshold", equalTo(95));
    }

    @Test
    void aPlannedMilestoneTakesAnyChangeAtOnce() {
        TestDb.reset();
        Api.importDefinitions(Story.MILESTONES).then().statusCode(200);
        Api.importDefinitions(Story.MILESTONES.replace("qaCoverageAbove: 90", "qaCoverageAbove: 70")).then().statusCode(200)
                .body("updated.milestones", equalTo(1)).body("pendingApproval.size()", equalTo(0));
    }

    @Test
    @TestSecurity(user = "product-owner-2", roles = "product-owner")
    void theMilestonePageShowsTheDiffAndAnotherProductOwnerApprovesItThere() {
        long id = proposeLowerThreshold("ci");
        String html = given().get(PAGE).then().statusCode(200)
                .body(containsString("Change #" + id + " waits for approval"))
                .body(containsString("lowers qaCoverageAbove from 90 to 80"))
                .body(containsString("action=\"" + PAGE + "/definition-changes/" + id + "/approve\"")).extract().asString();
        assertTrue(Pattern.compile("<span class=\"diff-del\">-\\s+- qaCoverageAbove: 90</span>").matcher(html).find(), "the removed line");
        assertTrue(Pattern.compile("<span class=\"diff-add\">\\+\\s+- qaCoverageAbove: 80</span>").matcher(html).find(), "the added line");

        given().get("/approvals").then().statusCode(200)
                .body(containsString("Definition change #" + id))
                .body(containsString("<li>lowers qaCoverageAbove from 90 to 80</li>"))
                .body(containsString("<a href=\"/milestones/mvp-ready#definition\">Review the diff and decide on the milestone page</a>"));
        CsrfForms.form(PAGE).formParam("reason", "").post(PAGE + "/definition-changes/" + id + "/approve").then().statusCode(400);
        CsrfForms.form(PAGE).formParam("reason", "QA agreed").post(PAGE + "/definition-changes/" + id + "/approve").then().statusCode(303);
        Api.milestone("mvp-ready").then().body("gates.find { it.condition == 'qaCoverageAbove' }.threshold", equalTo(80));
        given().get(PAGE + "?done=definition-approve").then().statusCode(200)
                .body(containsString("Definition change approved and in force"))
                .body(not(containsString("waits for approval")))
                .body(containsString("(approved by <strong>product-owner-2</strong>)"));
        given().get("/approvals").then().statusCode(200).body(not(containsString("Definition change #" + id)));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void someoneWhoMayNotDecideSeesWhoMayAndNoForm() {
        long id = proposeLowerThreshold("ci");
        given().get(PAGE).then().statusCode(200)
                .body(containsString("Awaiting a decision by a product owner or the milestone's governor"))
                .body(not(containsString("/definition-changes/" + id + "/approve")));
        given().get("/approvals").then().statusCode(200).body(not(containsString("Definition change #" + id)));
        CsrfForms.form(PAGE).formParam("reason", "sneaky").post(PAGE + "/definition-changes/" + id + "/approve").then().statusCode(403);
        Api.milestone("mvp-ready").then().body("gates.find { it.condition == 'qaCoverageAbove' }.threshold", equalTo(90));
    }

    private static long proposeLowerThreshold(String who) {
        Number id = Api.as(who).contentType("application/yaml").body(Story.MILESTONES.replace("qaCoverageAbove: 90", "qaCoverageAbove: 80"))
                .post("/api/definitions").then().statusCode(200)
                .body("unchanged.milestones", equalTo(1))
                .body("pendingApproval[0].milestoneId", equalTo("mvp-ready"))
                .body("pendingApproval[0].weakenings", hasItem("lowers qaCoverageAbove from 90 to 80"))
                .extract().path("pendingApproval[0].changeId");
        return id.longValue();
    }

    private static String status() {
        return Api.milestone("mvp-ready").then().extract().path("status");
    }
}
