package studio.sprint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Story;
import studio.testing.TestDb;

/**
 * Every Studio role reads every sprint and backlog page and fragment; an identity without a Studio role is refused.
 * Nothing on these pages changes state, so no role sees a control.
 */
@QuarkusTest
class RecordsRolesTest {

    private static boolean seeded;

    @BeforeEach
    void story() {
        if (!seeded) RecordsStory.seed();
        seeded = true;
    }

    /** Pages with an htmx fragment variant. */
    static String[] fragmented() {
        long doc = TestDb.count("select id from evidence where kind = 'trace-matrix' and sprint_id = '" + Story.CORE + "'");
        return new String[] {"/sprints", "/sprints?state=closed", "/sprints/trace?milestone=mvp-ready",
                "/sprints/" + Story.CORE + "/evidence/" + doc, "/backlog", "/backlog?milestone=mvp-ready&status=completed"};
    }

    static String[] paths() {
        String[] pages = {"/sprints/" + Story.CORE, "/sprints/" + RecordsStory.GHOST};
        String[] fragmented = fragmented();
        String[] all = java.util.Arrays.copyOf(pages, pages.length + fragmented.length);
        System.arraycopy(fragmented, 0, all, pages.length, fragmented.length);
        return all;
    }

    static void readsEverything() {
        for (String path : paths()) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(200).body(containsString("<html"))
                    .body(not(containsString("method=\"post\"")));
        }
        for (String path : fragmented()) {
            given().urlEncodingEnabled(false).header("HX-Request", "true").get(path).then().statusCode(200)
                    .body(not(containsString("<html")));
        }
        long doc = TestDb.count("select id from evidence where kind = 'trace-matrix' and sprint_id = '" + Story.CORE + "'");
        given().get("/sprints/" + Story.CORE + "/evidence/" + doc + "/download").then().statusCode(200);
        given().urlEncodingEnabled(false).header("HX-Request", "true")
                .get("/backlog/cards?milestone=mvp-ready&status=completed&after=P0~A").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "po", roles = "product-owner")
    void productOwner() {
        readsEverything();
    }

    @Test
    @TestSecurity(user = "qa", roles = "qa-lead")
    void qaLead() {
        readsEverything();
    }

    @Test
    @TestSecurity(user = "arch", roles = "domain-architect")
    void domainArchitect() {
        readsEverything();
    }

    @Test
    @TestSecurity(user = "sec", roles = "security-officer")
    void securityOfficer() {
        readsEverything();
    }

    @Test
    @TestSecurity(user = "comp", roles = "compliance-officer")
    void complianceOfficer() {
        readsEverything();
    }

    @Test
    @TestSecurity(user = "admin", roles = "platform-admin")
    void platformAdmin() {
        readsEverything();
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void auditor() {
        readsEverything();
    }

    @Test
    @TestSecurity(user = "ci-bot", roles = "ci")
    void ci() {
        readsEverything();
    }

    @Test
    @TestSecurity(user = "someone", roles = "unrelated-role")
    void anIdentityWithoutAStudioRoleIsRefusedEverywhere() {
        for (String path : paths()) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(403);
            given().urlEncodingEnabled(false).header("HX-Request", "true").get(path).then().statusCode(403);
        }
        given().get("/backlog/cards?milestone=mvp-ready&status=completed").then().statusCode(403);
        given().get("/sprints/" + Story.CORE + "/evidence/1/download").then().statusCode(403);
    }

    @Test
    void withoutASessionThePagesAskToSignIn() {
        given().redirects().follow(false).get("/sprints").then().statusCode(302);
        given().redirects().follow(false).header("HX-Request", "true").get("/backlog").then().statusCode(499);
    }
}
