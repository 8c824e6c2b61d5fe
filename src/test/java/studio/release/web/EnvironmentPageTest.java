package studio.release.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.release.Releasing.promote;
import static studio.release.Releasing.reached;
import static studio.release.Releasing.report;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.Html;
import studio.testing.TestDb;

/**
 * One environment's own page: its policy and definition, what runs there now, every deployment to it newest first in
 * pages of 25, its freezes, and the freeze exceptions to them decided right there by the people who may.
 */
@QuarkusTest
class EnvironmentPageTest {

    @BeforeEach
    void releases() {
        TestDb.reset();
        studio.release.Releasing.anyEnvironmentFirst();
        reached("m1", "versionTag: v1.0.0");
        promote("product-owner", "m1", "staging").then().statusCode(201);
        report("ReleaseCompleted", "v1.0.0", ",\"environment\":\"staging\"").then().statusCode(201);
        reached("m2", "versionTag: v2.0.0");
        promote("platform-admin", "m2", "production").then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "platform-admin", roles = "platform-admin")
    void eachEnvironmentHasItsPageWithItsPolicyWhatRunsThereAndItsDeployments() {
        given().get("/releases/environments").then().statusCode(200)
                .body(containsString("<h2 id=\"env-production\"><a href=\"/releases/environments/production\">production</a> </h2>"));
        given().get("/releases/environments/staging").then().statusCode(200)
                .body(containsString("<title>Environment staging"))
                .body(containsString("Optional in the lifecycle: a version may skip it; defined by platform-admin on "))
                .body(containsString("<dt>Runs</dt><dd><a class=\"mono\" href=\"/releases/v1.0.0?environment=staging\">v1.0.0</a>"))
                .body(containsString("<th scope=\"row\"><a class=\"mono\" href=\"/releases/v1.0.0?environment=staging\">v1.0.0</a></th>"))
                .body(containsString("<span class=\"chip chip-completed\">Completed</span>"))
                .body(containsString("No freeze window for staging."))
                .body(not(containsString("Older deployments")));
        given().get("/releases/environments/production").then().statusCode(200)
                .body(containsString("production releases need approval by a product-owner and a compliance-officer (different people); protected."))
                .body(containsString("Required in the lifecycle: a version completes here before it goes further; as Studio ships it."))
                .body(containsString("<span class=\"muted\">nothing released here yet</span>"))
                .body(containsString("<dt>Waiting for approval</dt><dd><a class=\"mono\" href=\"/releases/v2.0.0?environment=production\">v2.0.0</a>"))
                .body(containsString("<th scope=\"row\"><a class=\"mono\" href=\"/releases/v2.0.0?environment=production\">v2.0.0</a></th>"))
                .body(containsString("<td>platform-admin</td>"))
                .body(containsString("<span class=\"chip chip-paused_for_approval\">Paused for approval</span>"))
                .body(not(containsString("v1.0.0")));
        given().get("/releases/environments/qa").then().statusCode(200)
                .body(containsString("No deployment to qa yet."))
                .body(not(containsString("<table class=\"history")));
        given().get("/releases/v1.0.0").then().statusCode(200)
                .body(containsString("<dt>Environment</dt><dd><a href=\"/releases/environments/staging\">staging</a></dd>"));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void theHistoryPagesNewestFirstThroughACursorAndTheOlderPageHoldsOnlyTheOlderDeployments() {
        List<String> tags = new ArrayList<>(List.of("v1.0.0"));
        for (int i = 0; i < EnvironmentsQuery.HISTORY + 1; i++) {
            tags.add(promote("ci", "m1", "staging").then().statusCode(201).extract().path("version_tag"));
        }
        String newest = tags.get(tags.size() - 1);
        String first = given().get("/releases/environments/staging").then().statusCode(200)
                .body(containsString(row(newest)))
                .body(containsString(row(tags.get(2))))
                .body(not(containsString(row(tags.get(1)))))
                .body(not(containsString(row("v1.0.0"))))
                .body(not(containsString("Newest deployments")))
                .extract().asString();
        assertTrue(first.indexOf(row(newest)) < first.indexOf(row(tags.get(tags.size() - 2))), "newest first");
        Matcher older = Pattern.compile("href=\"(/releases/environments/staging\\?before=(\\d+))#deployments\">Older deployments</a>").matcher(first);
        assertTrue(older.find(), "an Older deployments link");
        assertEquals(TestDb.count("select id from release where version_tag = '" + tags.get(2) + "'"), Long.parseLong(older.group(2)));

        String second = given().get(older.group(1)).then().statusCode(200)
                .body(containsString(row(tags.get(1))))
                .body(containsString(row("v1.0.0")))
                .body(not(containsString(row(tags.get(2)))))
                .body(not(containsString(row(newest))))
                .body(not(containsString("Older deployments")))
                .body(containsString("<a class=\"button\" href=\"/releases/environments/staging#deployments\">Newest deployments</a>"))
                .extract().asString();
        assertTrue(second.indexOf(row(tags.get(1))) < second.indexOf(row("v1.0.0")), "newest first");
        given().get("/releases/environments/staging?before=" + TestDb.count("select min(id) from release")).then().statusCode(200)
                .body(containsString("No deployment to staging before these."));
        given().get("/releases/environments/staging?before=yesterday").then().statusCode(400)
                .body(containsString("before is not a deployment id"));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void anUnknownEnvironmentIsNotFoundAndSaysWhichThereAre() {
        given().get("/releases/environments/uat").then().statusCode(404)
                .body(containsString("Studio has no environment &#39;uat&#39;; its environments are staging, qa, production"));
        given().get("/releases/environments/Production").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void anAuditorReadsTheFreezeTheExceptionAndTheWaitingChangeButHasNoForms() {
        EnvironmentsPageTest.freezeProduction();
        askForAnException();
        Api.as("platform-admin").contentType("application/yaml").body("environments:\n  - name: production\n    protected: false\n")
                .post("/api/definitions").then().statusCode(200);
        given().get("/releases/environments/production").then().statusCode(200)
                .body(containsString("<span class=\"chip chip-blocked\">Frozen</span>"))
                .body(containsString("Frozen by &#39;incident-9&#39; from "))
                .body(containsString("aria-label=\"frozen\""))
                .body(containsString("<span class=\"chip chip-blocked\">Holds now</span>"))
                .body(containsString("the fix is the cure"))
                .body(containsString("asked by product-owner-2; approvals 0 of 2"))
                .body(containsString("waits for a second person</strong> (proposed by platform-admin"))
                .body(containsString("<li>production is no longer protected</li>"))
                .body(containsString("A platform admin or compliance officer other than platform-admin decides it."))
                .body(not(containsString("<form")));
        given().get("/releases/environments/qa").then().statusCode(200)
                .body(containsString("No freeze exception asked for in qa."))
                .body(not(containsString("the fix is the cure")));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void aPersonWhoMayDecideApprovesTheExceptionOnTheEnvironmentsPageAndComesBackToIt() {
        EnvironmentsPageTest.freezeProduction();
        long id = askForAnException();
        String page = given().get("/releases/environments/production").then().statusCode(200)
                .body(containsString("<input type=\"hidden\" name=\"return_to\" value=\"production\">"))
                .body(containsString("Approve exception</button>"))
                .extract().asString();
        List<String> ids = Html.carrying(page, "id").stream().map(e -> e.attr("id")).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "ids are unique: " + ids);
        Stream.concat(Html.carrying(page, "for").stream().map(e -> e.attr("for")), Html.carrying(page, "aria-labelledby").stream()
                .map(e -> e.attr("aria-labelledby"))).forEach(target -> assertTrue(ids.contains(target), target + " is on the page"));
        CsrfForms.form("/releases/environments/production").formParam("reason", "small and reviewed").formParam("return_to", "production")
                .post("/releases/environments/freeze-exceptions/" + id + "/approve").then().statusCode(303)
                .header("Location", endsWith("/releases/environments/production?done=approve#freeze-exceptions"));
        given().get("/releases/environments/production?done=approve").then().statusCode(200)
                .body(containsString("Your approval of the freeze exception is recorded."))
                .body(containsString("approvals 1 of 2 (product-owner)"))
                .body(not(containsString("Approve exception</button>")));
        CsrfForms.form("/releases/environments/production").formParam("reason", "again").formParam("return_to", "production")
                .post("/releases/environments/freeze-exceptions/" + id + "/approve").then().statusCode(409)
                .body(containsString("<h1 id=\"environment-title\">production"))
                .body(containsString("Not done: freeze exception " + id + ": product-owner already decided freeze exception " + id));
        assertEquals(1, TestDb.count("select count(*) from freeze_exception_approval"));
    }

    /** product-owner-2 asks for an exception to the production freeze for m2, through the API. */
    private static long askForAnException() {
        long window = TestDb.count("select max(id) from freeze_window");
        String until = Instant.now().plusSeconds(7200).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        return Api.as("product-owner-2").contentType("application/json").body("{\"milestone_id\":\"m2\",\"window_id\":" + window
                        + ",\"justification\":\"the fix is the cure\",\"expires_at\":\"" + until + "\"}")
                .post("/api/environments/production/freeze-exceptions").then().statusCode(201).extract().<Integer>path("id");
    }

    /** The history table's row head of version {@code tag} in staging. */
    private static String row(String tag) {
        return "<th scope=\"row\"><a class=\"mono\" href=\"/releases/" + tag + "?environment=staging\">" + tag + "</a></th>";
    }
}
