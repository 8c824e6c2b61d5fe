package studio.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.milestone.GovernedFixture;
import studio.testing.TestDb;

/**
 * A milestone's page shows only its own evidence: an evidence id guessed under another milestone's URL is 404, so the
 * URL of a milestone one may read never leads to what another milestone received.
 */
@QuarkusTest
@TestSecurity(user = "auditor", roles = "auditor")
class EvidenceScopeTest {

    long gateC;
    long sec;

    @BeforeEach
    void setUp() {
        GovernedFixture.defined();
        GovernedFixture.signal("gate-c", "securityValidated", "fail", "gate-c scan: 2 critical");
        GovernedFixture.signal("sec", "noCriticalFindings", "pass", "sec scan: clean");
        gateC = TestDb.count("select max(id) from evidence where milestone_id = 'gate-c'");
        sec = TestDb.count("select max(id) from evidence where milestone_id = 'sec'");
    }

    @Test
    void evidenceOpensUnderItsOwnMilestone() {
        given().get("/milestones/gate-c/evidence/" + gateC).then().statusCode(200).body(containsString("gate-c scan: 2 critical"));
        given().get("/milestones/sec/evidence/" + sec).then().statusCode(200).body(containsString("sec scan: clean"));
    }

    @Test
    void evidenceUnderAnotherMilestoneIs404AndShowsNothingOfIt() {
        given().get("/milestones/sec/evidence/" + gateC).then().statusCode(404).body(not(containsString("gate-c scan")));
        given().get("/milestones/gate-c/evidence/" + sec).then().statusCode(404).body(not(containsString("sec scan")));
        given().get("/milestones/sec/evidence/999999").then().statusCode(404);
        given().get("/milestones/nope/evidence/" + gateC).then().statusCode(404);
    }
}
