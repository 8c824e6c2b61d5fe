package studio.milestone;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import studio.testing.Api;
import studio.testing.Story;
import studio.testing.TestDb;

/**
 * A small portfolio set up through the real API as CI would: mvp-ready half delivered (the spec's story), a security
 * review waiting on a signal in Verifying, and a milestone whose name is a script tag.
 */
final class BoardFixture {

    static final String XSS = "<script>alert(1)</script>";

    static final String PLAN = """
            milestones:
              - id: mvp-ready
                name: MVP Delivery
                description: Final internal milestone for booking and notification MVP
                owner: product-owner
                phase: CoreFeature
                labels: [mvp, core]
                requiredFeatures: [BookingFlow, Notification.Email.Send]
                gateConditions:
                  - allSprintsClosed
                  - qaCoverageAbove: 90
                  - traceMatrixComplete
                versionTag: mvp-v1
                governedBy: product-owner
              - id: sec-review
                name: Security review
                description: Pen test and JWT validation sign-off
                owner: security-officer
                phase: Validation
                labels: [security]
                gateConditions:
                  - securityValidated
                versionTag: sec-v1
                governedBy: security-officer
              - id: odd.one:x
                name: "<script>alert(1)</script>"
                phase: Validation
                labels: [security]
                gateConditions:
                  - resilienceScoreAbove: 85
                governedBy: qa-lead
            """;

    private BoardFixture() {
    }

    /** The three milestones: mvp-ready Pending with BookingFlow delivered, sec-review Verifying, the odd one Planned. */
    static void portfolio() {
        TestDb.reset();
        Api.importDefinitions(PLAN).then().statusCode(200);
        Api.event(Story.planned(Story.CORE, "BookingFlow", "2025-06-01T09:00:00Z")).then().statusCode(201);
        Api.event(Story.planned(Story.COMM, "Notification.Email.Send", "2025-06-01T09:00:00Z")).then().statusCode(201);
        Api.traceMatrix(Story.CORE, Story.matrix(Story.CORE, "BookingFlow", 17)).then().statusCode(201);
        Api.qaReport(Story.CORE, Story.qa(Story.CORE, "BookingFlow", "93.1")).then().statusCode(201);
        Api.event(Story.closed(Story.CORE, "2025-06-10T09:00:00Z")).then().statusCode(201);
        Api.as("product-owner").post("/api/milestones/sec-review/evaluate").then().statusCode(200);
    }

    static void signal(String milestone, String gate, String status) {
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"" + milestone + "\",\"gate\":\"" + gate + "\",\"status\":\""
                + status + "\",\"detail\":\"scan\"}").then().statusCode(201);
    }

    /** As if every milestone last changed a minute ago: the board's cursor has settled past all of them. */
    static void settle() {
        TestDb.exec("update milestone set updated_at = updated_at - interval '1 minute'");
    }

    static String state(String milestone) {
        return Api.milestone(milestone).then().statusCode(200).extract().path("status");
    }

    /** The cursor the board's poller carries. */
    static long since(String html) {
        Matcher m = Pattern.compile("/board/changes\\?since=(\\d+)").matcher(html);
        if (!m.find()) throw new AssertionError("no poller in:\n" + html);
        return Long.parseLong(m.group(1));
    }

    static Response poll(long since, String filters) {
        return given().header("HX-Request", "true").redirects().follow(false)
                .get("/board/changes?since=" + since + (filters.isEmpty() ? "" : "&" + filters));
    }

    /** The HTML of one card as the board renders it. */
    static String card(String html, String milestone) {
        int start = html.indexOf("id=\"slot-" + milestone + "\"");
        if (start < 0) throw new AssertionError("no card for " + milestone);
        return html.substring(start, html.indexOf("</article>", start) + "</article>".length());
    }
}
