package studio.definition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.governance.Roles;
import studio.testing.TestDb;

/** A product owner pastes or uploads definitions, checks them (nothing stored), and imports them. */
@QuarkusTest
@TestSecurity(user = "po", roles = Roles.PRODUCT_OWNER)
class ImportPageTest {

    static final String PLAN = """
            milestones:
              - id: mvp-ready
                name: MVP Delivery
                requiredFeatures: [BookingFlow]
                gateConditions:
                  - allSprintsClosed
                  - qaCoverageAbove: 90
                governedBy: product-owner
              - id: sec-review
                gateConditions: [securityValidated]
                governedBy: security-officer
            sprints:
              - id: sprint-1
                milestones: [mvp-ready]
                features: [BookingFlow]
            """;

    /** Three mistakes: a typo'd gate, a threshold out of range, a sprint linked to a milestone nobody defined. */
    static final String BROKEN = """
            milestones:
              - id: mvp-ready
                gateConditions:
                  - qaCoverageAbov: 90
                  - testCoverageAbove: 120
                governedBy: product-owner
            sprints:
              - id: sprint-1
                milestones: [mvp-redy]
            """;

    @BeforeEach
    void empty() {
        TestDb.reset();
    }

    static long milestones() {
        return TestDb.count("select count(*) from milestone");
    }

    @Test
    void thePageOffersTheFormToAProductOwner() {
        given().get("/import").then().statusCode(200)
                .body(containsString("<title>Import · Studio</title>"))
                .body(containsString("enctype=\"multipart/form-data\""))
                .body(containsString("<textarea id=\"document\" name=\"document\""))
                .body(containsString("<input id=\"file\" type=\"file\" name=\"file\""))
                .body(containsString("name=\"action\" value=\"check\""))
                .body(containsString("name=\"action\" value=\"import\""))
                .body(containsString("name=\"csrf-token\""));
    }

    @Test
    void checkSaysWhatTheDocumentDefinesAndStoresNothing() {
        String html = ImportForm.open().post("check", PLAN).then().statusCode(200).extract().asString();
        assertAll(
                () -> assertTrue(html.contains("No problems found.")),
                () -> assertTrue(html.contains("2 milestone(s), 1 sprint(s) and 0 feature(s)"), html),
                () -> assertTrue(html.contains("Nothing is stored until you press Import")),
                () -> assertTrue(html.contains("<title>Import · Studio</title>"), "without JavaScript: the page again"),
                () -> assertTrue(html.contains("  - id: sec-review"), "with the document still in the textarea"),
                () -> assertEquals(0, milestones()),
                () -> assertEquals(0, TestDb.count("select count(*) from audit_event")));
    }

    @Test
    void checkShowsEveryProblemWithItsLineAndStoresNothing() {
        String html = ImportForm.open().post("check", BROKEN).then().statusCode(400).extract().asString();
        assertAll(
                () -> assertTrue(html.contains("problem(s); nothing was stored."), html),
                () -> assertTrue(html.contains("<strong>line 4, column 9</strong>"), "the typo's line and column: " + html),
                () -> assertTrue(html.contains("did you mean &#39;qaCoverageAbove&#39;") || html.contains("did you mean 'qaCoverageAbove'"), html),
                () -> assertTrue(html.contains("<span class=\"ln\">4</span>       - qaCoverageAbov: 90"), "the offending line under the message"),
                () -> assertTrue(html.contains("<strong>line 5"), "the threshold out of range too"),
                () -> assertTrue(html.contains("$.milestones[0].gateConditions[1]"), "with its path"),
                () -> assertEquals(0, milestones()));
    }

    @Test
    void aChangeThatLoosensAMilestoneUnderWayWaitsAndThePageSaysSo() {
        studio.testing.Api.importDefinitions(studio.testing.Story.MILESTONES).then().statusCode(200);
        studio.testing.Api.event(studio.testing.Story.planned(studio.testing.Story.CORE, "BookingFlow", "2025-06-01T09:00:00Z"))
                .then().statusCode(201);
        String html = ImportForm.open().post("import", studio.testing.Story.MILESTONES.replace("qaCoverageAbove: 90", "qaCoverageAbove: 75"))
                .then().statusCode(200).extract().asString();
        assertAll(
                () -> assertTrue(html.contains("<strong>Waiting for approval:</strong>"), html),
                () -> assertTrue(html.contains("<a href=\"/milestones/mvp-ready#definition\">mvp-ready</a>"), html),
                () -> assertTrue(html.contains("lowers qaCoverageAbove from 90 to 75"), html),
                () -> assertEquals(1, TestDb.count("select count(*) from definition_change where status = 'pending' and author = 'po'")),
                () -> assertEquals(0, TestDb.count("select count(*) from audit_event where type = 'MilestoneRedefined'")));
    }

    @Test
    void importStoresAndShowsTheCountsWithALinkToTheBoard() {
        String html = ImportForm.open().post("import", PLAN).then().statusCode(200).extract().asString();
        assertAll(
                () -> assertTrue(html.contains("<strong>Imported.</strong> <a href=\"/board\">Open the board</a>")),
                () -> assertTrue(html.matches("(?s).*<th scope=\"row\">Milestones</th><td class=\"num\">2</td><td class=\"num\">0</td><td class=\"num\">0</td>.*"), html),
                () -> assertTrue(html.matches("(?s).*<th scope=\"row\">Sprints</th><td class=\"num\">1</td>.*")),
                () -> assertEquals(2, milestones()),
                () -> assertEquals("po", TestDb.text("select actor from audit_event where type = 'DefinitionsImported'"), "audited as the person"));
        String again = ImportForm.open().post("import", PLAN).then().statusCode(200).extract().asString();
        assertTrue(again.matches("(?s).*<th scope=\"row\">Milestones</th><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">2</td>.*"),
                "importing the same document again changes nothing");
    }

    @Test
    void anInvalidImportStoresNothing() {
        ImportForm.open().post("import", BROKEN).then().statusCode(400).body(containsString("nothing was stored"));
        assertEquals(0, milestones());
    }

    @Test
    void anUploadedFileIsImportedInTheSyntaxItsNameSays() {
        String json = "{\"milestones\":[{\"id\":\"json-one\",\"gateConditions\":[\"allSprintsClosed\"],\"governedBy\":\"qa-lead\"}]}";
        ImportForm.open().request("import").multiPart("document", "")
                .multiPart("file", "plan.json", json.getBytes(StandardCharsets.UTF_8), "application/json")
                .post("/import").then().statusCode(200).body(containsString("Imported."));
        assertEquals(1, milestones());
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedReadably() {
        ImportForm.open().request("check").multiPart("file", "plan.yaml", new byte[] {(byte) 0xC3, (byte) 0x28}, "application/yaml")
                .post("/import").then().statusCode(400).body(containsString("is not UTF-8 text"));
    }

    @Test
    void anEmptyDocumentIsRefusedReadably() {
        ImportForm.open().post("check", "  \n").then().statusCode(400).body(containsString("the document is empty"));
    }

    @Test
    void withHtmxOnlyTheResultIsSwappedAndProblemsSayWhereToGo() {
        String ok = ImportForm.open().request("check").header("HX-Request", "true").multiPart("document", PLAN).post("/import")
                .then().statusCode(200).header("Vary", containsString("HX-Request")).extract().asString();
        assertTrue(ok.trim().startsWith("<section id=\"import-result\""), ok);
        assertFalse(ok.contains("<html"));
        ImportForm.open().request("check").header("HX-Request", "true").multiPart("document", BROKEN).post("/import")
                .then().statusCode(400).header("HX-Retarget", "#import-result")
                .body(containsString("<strong>line 4, column 9</strong>")).body(not(containsString("<html")));
    }

    @Test
    void withoutTheCsrfTokenNothingIsImported() {
        given().multiPart("action", "import").multiPart("document", PLAN).post("/import").then().statusCode(403);
        assertEquals(0, milestones());
    }

    @Test
    void markupInTheDocumentIsShownAsText() {
        String doc = "milestones:\n  - id: \"<script>alert(1)</script>\"\n    gateConditions: [allSprintsClosed]\n";
        String html = ImportForm.open().post("check", doc).then().statusCode(400).extract().asString();
        assertFalse(html.contains("<script>alert(1)</script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        String named = "milestones:\n  - id: x\n    name: \"<script>alert(1)</script>\"\n    gateConditions: [allSprintsClosed]\n";
        String imported = ImportForm.open().post("import", named).then().statusCode(200).extract().asString();
        assertFalse(imported.contains("<script>alert(1)</script>"));
        assertTrue(imported.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the textarea keeps the document, escaped");
    }
}
