package studio.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.milestone.GovernedFixture;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/** The audit timeline in the browser: filters in the URL, keyset paging, payloads, export and chain verification. */
@QuarkusTest
class AuditTrailPageTest {

    private static final Pattern SEQ = Pattern.compile("<li class=\"event\" id=\"event-(\\d+)\">");

    @BeforeEach
    void setUp() {
        GovernedFixture.defined();
        GovernedFixture.blocked("sec", "noCriticalFindings");
        GovernedFixture.overrideRequested("sec", "noCriticalFindings", "qa-lead", "scanner <false> positive");
    }

    static List<Long> seqs(String html) {
        Matcher m = SEQ.matcher(html);
        java.util.ArrayList<Long> out = new java.util.ArrayList<>();
        while (m.find()) out.add(Long.valueOf(m.group(1)));
        return out;
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void theTimelineIsNewestFirstWithPayloadHashesAndNoKeeperControls() {
        String html = given().get("/audit").then().statusCode(200)
                .body(containsString("<strong class=\"event-type\">MilestoneOverrideRequested</strong>"))
                .body(containsString("“scanner &lt;false&gt; positive”"))
                .body(containsString("<summary>Payload and hashes</summary>"))
                .body(not(containsString("&quot;reason&quot; : ")))
                .body(containsString("<dt>Previous hash</dt>"))
                .body(not(containsString("Verify chain")))
                .body(not(containsString("/audit/export")))
                .body(not(containsString("method=\"post\"")))
                .extract().asString();
        List<Long> seqs = seqs(html);
        assertEquals(TestDb.count("select count(*) from audit_event"), seqs.size());
        assertEquals(seqs.stream().sorted(java.util.Comparator.reverseOrder()).toList(), seqs);
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void aPayloadIsPrettyPrintedWhenItsDisclosureIsOpenedOrOnAPageOfItsOwn() {
        long requested = TestDb.count("select max(seq) from audit_event where type = 'MilestoneOverrideRequested'");
        String timeline = given().get("/audit").then().statusCode(200).extract().asString();
        assertTrue(timeline.contains("<details hx-get=\"/audit/events/" + requested + "\" hx-trigger=\"toggle once\""),
                "opening the entry's disclosure loads its payload");
        assertTrue(timeline.contains("<a href=\"/audit/events/" + requested + "\">Show the payload</a>"), "and without JavaScript, a link");
        String pretty = "&quot;reason&quot; : &quot;scanner &lt;false&gt; positive&quot;";
        String fragment = given().header("HX-Request", "true").get("/audit/events/" + requested).then().statusCode(200).extract().asString();
        assertTrue(fragment.strip().startsWith("{\n  &quot;"), "the payload alone, pretty-printed and escaped: " + fragment);
        assertTrue(fragment.contains(pretty), fragment);
        assertTrue(!fragment.contains("<html"), "no page around it");
        given().get("/audit/events/" + requested).then().statusCode(200)
                .body(containsString("<h1>Audit event #" + requested + ": MilestoneOverrideRequested</h1>"))
                .body(containsString(pretty))
                .body(containsString("<dt>Reason</dt><dd>“scanner &lt;false&gt; positive”</dd>"))
                .body(containsString("href=\"/audit?after=" + (requested + 1) + "#event-" + requested + "\""));
        given().get("/audit/events/" + (TestDb.count("select max(seq) from audit_event") + 1000)).then().statusCode(404);
        given().get("/audit/events/0").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void filtersLiveInTheUrlAndShowInTheForm() {
        given().queryParam("milestone", "gate-c").queryParam("role", "ci").queryParam("from", "2020-01-01T00:00").get("/audit").then()
                .statusCode(200)
                .body(containsString("name=\"milestone\" value=\"gate-c\""))
                .body(containsString("<option value=\"ci\" selected>ci</option>"))
                .body(containsString("name=\"from\" value=\"2020-01-01T00:00\""))
                .body(containsString("MilestoneDefined"))
                .body(not(containsString("milestone sec</a>")))
                .body(containsString("href=\"/audit/export?format=csv&amp;milestone=gate-c&amp;role=ci&amp;from=2020-01-01T00%3A00\""));
        given().queryParam("actor", "qa-lead").queryParam("type", "MilestoneOverrideRequested").get("/audit").then().statusCode(200)
                .body(containsString("MilestoneOverrideRequested")).body(not(containsString("MilestoneBlocked</strong>")));
        given().queryParam("from", "2999-01-01").get("/audit").then().statusCode(200).body(containsString("No events match these filters."));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void htmxGetsTheResultsAloneAndBadFiltersAreNamed() {
        given().header("HX-Request", "true").queryParam("milestone", "sec").get("/audit").then().statusCode(200)
                .header("Vary", containsString("HX-Request"))
                .body(startsWith("<section id=\"audit-results\"")).body(not(containsString("<html")))
                .body(containsString("href=\"/audit/export?format=jsonl&amp;milestone=sec\""))
                .body(containsString("action=\"/audit/verify?milestone=sec\""));
        given().queryParam("role", "boss").queryParam("to", "soon").get("/audit").then().statusCode(400)
                .body(containsString("role &#39;boss&#39; is not a Studio role"))
                .body(containsString("to &#39;soon&#39; is not an ISO-8601 date"))
                .body(containsString("<form class=\"filters"));
        given().header("HX-Request", "true").queryParam("role", "boss").get("/audit").then().statusCode(400)
                .body(startsWith("<section id=\"audit-results\""));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void loadMoreFollowsTheKeysetCursor() {
        for (int i = 0; i < 28; i++) GovernedFixture.signal("gate-c", "securityValidated", i % 2 == 0 ? "pass" : "fail", "scan " + i);
        long total = TestDb.count("select count(*) from audit_event");
        assertTrue(total > AuditTrail.PAGE, "enough events for two pages: " + total);
        String first = given().get("/audit").then().statusCode(200).extract().asString();
        List<Long> page1 = seqs(first);
        assertEquals(AuditTrail.PAGE, page1.size());
        long last = page1.get(page1.size() - 1);
        assertTrue(first.contains("href=\"/audit?after=" + last + "\" hx-get=\"/audit/entries?after=" + last + "\""), "load more link");
        String more = given().header("HX-Request", "true").queryParam("after", last).get("/audit/entries").then().statusCode(200)
                .body(not(containsString("<html"))).extract().asString();
        assertTrue(more.strip().startsWith("<li class=\"event\""), more);
        List<Long> page2 = seqs(more);
        assertEquals(total - AuditTrail.PAGE, page2.size());
        assertEquals(last - 1, page2.get(0));
        given().redirects().follow(false).queryParam("after", last).get("/audit/entries").then().statusCode(303)
                .header("Location", endsWith("/audit?after=" + last));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void anAuditorExportsTheFilteredTrail() {
        long aboutSec = TestDb.count("select count(*) from audit_subject where subject_type = 'milestone' and subject_id = 'sec'");
        String jsonl = given().queryParam("format", "jsonl").queryParam("milestone", "sec").get("/audit/export").then().statusCode(200)
                .header("Content-Disposition", matchesPattern("attachment; filename=\"studio-audit-\\d{8}T\\d{6}Z\\.jsonl\""))
                .contentType(containsString("application/x-ndjson")).extract().asString();
        assertEquals(aboutSec, jsonl.lines().count());
        assertEquals(Api.as("auditor").queryParam("format", "jsonl").queryParam("milestone", "sec").get("/api/audit/export").then()
                .statusCode(200).extract().asString(), jsonl, "the same events as the API exports for the same filter");
        String csv = given().queryParam("format", "csv").queryParam("milestone", "sec").get("/audit/export").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertEquals(aboutSec + 1, csv.lines().count(), "a header line and one line per event");
        given().queryParam("format", "xml").get("/audit/export").then().statusCode(400).body(containsString("format must be csv or jsonl"));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void exportAndVerifyAreForThoseWhoKeepTheRecord() {
        given().queryParam("format", "csv").get("/audit/export").then().statusCode(403);
        CsrfForms.form("/audit").post("/audit/verify").then().statusCode(403);
        assertEquals(0, TestDb.count("select count(*) from audit_event where type = 'AuditVerified'"));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void verifyingShowsTheVerdictOnAPageThatReloadsToIt() {
        given().get("/audit").then().body(containsString("Verify chain")).body(containsString("/audit/export?format=jsonl"));
        String location = CsrfForms.form("/audit?milestone=sec").queryParam("milestone", "sec").post("/audit/verify").then().statusCode(303)
                .header("Location", containsString("/audit?milestone=sec&verification=")).extract().header("Location");
        given().get(location).then().statusCode(200)
                .body(containsString("<strong>Chain intact.</strong>"))
                .body(containsString("name=\"milestone\" value=\"sec\""));
        CsrfForms.htmx("/audit").post("/audit/verify").then().statusCode(200)
                .body(startsWith("<div id=\"chain-verdict\"")).body(containsString("Chain intact."));
        assertEquals(2, TestDb.count("select count(*) from audit_event where type = 'AuditVerified'"));
    }

    @Test
    @TestSecurity(user = "compliance-officer", roles = "compliance-officer")
    void aBrokenChainIsShownWithTheFirstBadEvent() {
        TestDb.tamper("update audit_event set payload = '{\"reason\":\"nothing to see\"}' where seq = 3");
        CsrfForms.htmx("/audit").post("/audit/verify").then().statusCode(200)
                .body(containsString("<strong>Chain broken</strong> at event <a href=\"/audit?after=4#event-3\">#3</a>"));
        given().get("/audit?after=4").then().body(containsString("id=\"event-3\""));
    }

    @Test
    @TestSecurity(user = "ci", roles = "ci")
    void everyRoleReadsTheTimeline() {
        Api.milestone("sec").then().statusCode(200);
        given().get("/audit").then().statusCode(200).body(containsString("MilestoneBlocked"));
    }

    @Test
    @TestSecurity(user = "visitor", roles = "viewer")
    void someoneWithoutAStudioRoleIsRefused() {
        given().get("/audit").then().statusCode(403);
        given().header("HX-Request", "true").get("/audit/events/1").then().statusCode(403);
    }
}
