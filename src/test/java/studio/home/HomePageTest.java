package studio.home;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;
import studio.sprint.RecordsStory;
import studio.testing.TestDb;

/** The home page's inventory shows what the database holds, each count on its own link. */
@QuarkusTest
class HomePageTest {

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void theInventoryCountsSprintsFeaturesAndEvidence() {
        RecordsStory.seed();
        long sprints = TestDb.count("select count(*) from sprint");
        long features = TestDb.count("select count(*) from feature");
        long evidence = TestDb.count("select count(*) from evidence");
        assertTrue(sprints > 0 && features > 0 && evidence > 0, "the story gives every count something to show");
        given().get("/").then().statusCode(200)
                .body(containsString("<a class=\"stat\" href=\"/sprints\"><span class=\"num\">" + sprints + "</span>"))
                .body(containsString("<a class=\"stat\" href=\"/backlog\"><span class=\"num\">" + features + "</span>"))
                .body(containsString("<a class=\"stat\" href=\"/audit\"><span class=\"num\">" + evidence + "</span>"));
    }
}
