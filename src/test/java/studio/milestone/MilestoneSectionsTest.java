package studio.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.milestone.MilestonePage.EvidenceLink;
import studio.milestone.MilestonePage.FeatureBar;
import studio.milestone.MilestonePage.GateRow;
import studio.testing.Api;
import studio.testing.Story;

/**
 * The milestone page's gate rows and coverage section are rendered once and kept while what they show is equal: the
 * next view after new evidence shows the evidence, a past moment shows the past, and an unchanged row is not rendered
 * again.
 */
@QuarkusTest
class MilestoneSectionsTest {

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void newEvidenceShowsOnTheNextViewAndAPastMomentShowsThePast() {
        BoardFixture.portfolio();
        Instant before = Instant.now();
        String first = page("/milestones/mvp-ready");
        assertTrue(first.contains("<span class=\"num\">93.1%</span>"), "BookingFlow's coverage: " + first);
        assertTrue(first.contains("<span class=\"num\">no data</span>"), "the e-mail feature has no report yet");

        Api.qaReport(Story.COMM, Story.qa(Story.COMM, "Notification.Email.Send", "88.4")).then().statusCode(201);
        Api.as("product-owner").post("/api/milestones/mvp-ready/evaluate").then().statusCode(200);
        given().get("/milestones/mvp-ready").then().statusCode(200)
                .body(containsString("<span class=\"num\">88.4%</span>"))
                .body(not(containsString("<span class=\"num\">no data</span>")))
                .body(containsString("Notification.Email.Send 88.4%"));
        given().header("HX-Request", "true").get("/milestones/mvp-ready").then().statusCode(200)
                .body(containsString("<span class=\"num\">88.4%</span>"))
                .body(containsString("Notification.Email.Send 88.4%"));

        given().queryParam("as_of", before.toString()).get("/milestones/mvp-ready").then().statusCode(200)
                .body(containsString("<span class=\"num\">no data</span>"))
                .body(not(containsString("Notification.Email.Send 88.4%")));
        given().get("/milestones/mvp-ready").then().statusCode(200)
                .body(containsString("Notification.Email.Send 88.4%"));
    }

    @Test
    void anEqualRowOrSectionIsRenderedOnceAndAChangedOneAgain() {
        List<String> rendered = new ArrayList<>();
        MilestoneSections sections = new MilestoneSections(row -> {
            rendered.add(row.label());
            return "<tr>" + row.label() + " " + row.status() + " " + row.detail() + "</tr>";
        }, c -> {
            rendered.add("coverage");
            return "<section>" + c.features() + "</section>";
        });
        GateRow failing = row("failed", "BookingFlow 80.0%");
        var html = sections.gateRow("m1", failing);
        assertSame(html, sections.gateRow("m1", row("failed", "BookingFlow 80.0%")), "an equal row: the kept HTML");
        assertEquals("<tr>qaCoverageAbove passed BookingFlow 93.1%</tr>", sections.gateRow("m1", row("passed", "BookingFlow 93.1%")).toString());
        assertEquals("<tr>qaCoverageAbove failed BookingFlow 80.0%</tr>", sections.gateRow("m2", failing).toString(),
                "another milestone's row is its own");
        assertEquals(List.of("qaCoverageAbove", "qaCoverageAbove", "qaCoverageAbove"), rendered);

        rendered.clear();
        var coverage = sections.coverage(page("m1", new FeatureBar("BookingFlow", 80.0, false)));
        assertSame(coverage, sections.coverage(page("m1", new FeatureBar("BookingFlow", 80.0, false))));
        assertTrue(sections.coverage(page("m1", new FeatureBar("BookingFlow", 80.0, true))).toString().contains("delivered=true"),
                "delivered now: rendered again");
        assertEquals(List.of("coverage", "coverage"), rendered);
    }

    static GateRow row(String status, String detail) {
        return new GateRow("qaCoverageAbove", status, "at least 90.0%", null, detail, List.of(new EvidenceLink("coverage", 3, null)), null,
                null, "qaCoverageAbove");
    }

    static MilestonePage page(String id, FeatureBar bar) {
        MilestonePage.Header header = new MilestonePage.Header(id, id, null, "pending", null, null, null, null, null, null, false,
                List.of(), null, null, List.of(), true, null, null, 0, 0, List.of(), null);
        return new MilestonePage(header, null, null, List.of(), 80.0, 90.0, List.of(bar), List.of(), null, List.of(), List.of(),
                List.of(), List.of(), null, null, null, List.of(), List.of(), null, null, null, null);
    }

    static String page(String path) {
        return given().get(path).then().statusCode(200).extract().asString();
    }
}
