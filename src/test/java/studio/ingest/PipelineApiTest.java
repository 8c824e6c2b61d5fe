package studio.ingest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.Scrape;
import studio.testing.Story;
import studio.testing.TestDb;

/**
 * What a pipeline step needs from the API: {@code ?dry_run=true} answers what a definitions import, a piece of
 * evidence or a release would do and stores nothing (no row, no audit entry); {@code GET .../wait} returns when the
 * milestone is where the pipeline wants it, refuses when it never will be, and times out otherwise.
 */
@QuarkusTest
class PipelineApiTest {

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    @Test
    void aDryRunDefinitionsImportSaysWhatItWouldCreateAndStoresNothing() {
        long audit = TestDb.count("select count(*) from audit_event");
        Api.as("ci").contentType("application/yaml").body(Story.MILESTONES).post("/api/definitions?dry_run=true")
                .then().statusCode(200).header("Studio-Dry-Run", "true").body("dry_run", equalTo(true))
                .body("created.milestones", equalTo(1));
        assertEquals(0, TestDb.count("select count(*) from milestone"));
        assertEquals(audit, TestDb.count("select count(*) from audit_event"));

        Api.as("ci").contentType("application/yaml").body("milestones:\n  - id: [broken\n").post("/api/definitions?dry_run=true")
                .then().statusCode(400).contentType("application/problem+json");
        Api.as("ci").contentType("application/yaml").body(Story.MILESTONES).post("/api/definitions?dry_run=yes")
                .then().statusCode(400).body("detail", containsString("dry_run must be true or false"));
        assertEquals(0, TestDb.count("select count(*) from milestone"));

        Api.importDefinitions(Story.MILESTONES).then().statusCode(200).body("created.milestones", equalTo(1));
        assertEquals(1, TestDb.count("select count(*) from milestone"));
    }

    @Test
    void dryRunEvidenceAndReleasesAreJudgedButLeaveNoTrace() {
        Api.importDefinitions(Story.MILESTONES).then().statusCode(200);
        deliverAllButTheLastClose();
        long evidence = TestDb.count("select count(*) from evidence");
        long audit = TestDb.count("select count(*) from audit_event");
        double reachedBefore = Scrape.now().value("milestone_gate_success_total");

        Api.as("ci").contentType("application/json").body(Story.closed(Story.COMM, "2025-06-20T10:00:00Z"))
                .post("/api/events?dry_run=true").then().statusCode(200).header("Studio-Dry-Run", "true").body("dry_run", equalTo(true))
                .body("milestone_states.mvp-ready", equalTo("reached"));
        assertEquals(evidence, TestDb.count("select count(*) from evidence"));
        assertEquals(audit, TestDb.count("select count(*) from audit_event"));
        assertFalse("reached".equals(TestDb.text("select state from milestone where id = 'mvp-ready'")));
        assertEquals(reachedBefore, Scrape.now().value("milestone_gate_success_total"), "a dry run counted a milestone reached");

        Api.event(Story.closed(Story.COMM, "2025-06-20T10:00:00Z")).then().statusCode(201);
        assertEquals("reached", TestDb.text("select state from milestone where id = 'mvp-ready'"));
        assertEquals(reachedBefore + 1, Scrape.now().value("milestone_gate_success_total"));
        long releases = TestDb.count("select count(*) from release");
        audit = TestDb.count("select count(*) from audit_event");
        Api.as("ci").contentType("application/json").body("{\"milestone_id\":\"mvp-ready\",\"version_tag\":\"v9.9.9\",\"environment\":\"staging\"}")
                .post("/api/releases?dry_run=true").then().statusCode(200).header("Studio-Dry-Run", "true").body("dry_run", equalTo(true))
                .body("version_tag", equalTo("v9.9.9"));
        assertEquals(releases, TestDb.count("select count(*) from release"));
        assertEquals(audit, TestDb.count("select count(*) from audit_event"));
    }

    @Test
    void waitingReturnsWhenTheMilestoneIsReachedAndTimesOutOtherwise() throws Exception {
        Api.importDefinitions(Story.MILESTONES).then().statusCode(200);
        deliverAllButTheLastClose();
        Api.as("ci").get("/api/milestones/mvp-ready/wait?for=reached&timeout=1").then().statusCode(408)
                .contentType("application/problem+json").body("detail", containsString("mvp-ready is not reached after 1 s"));

        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(
                () -> Api.as("ci").get("/api/milestones/mvp-ready/wait?for=reached&timeout=30"));
        Thread.sleep(1500);
        assertFalse(waiting.isDone(), "the wait answered before the milestone was reached");
        Api.event(Story.closed(Story.COMM, "2025-06-20T10:00:00Z")).then().statusCode(201);
        Response done = waiting.get(30, TimeUnit.SECONDS);
        assertEquals(200, done.statusCode(), done.asString());
        assertEquals("reached", done.jsonPath().getString("status"));
    }

    @Test
    void waitingForAMilestoneThatEndedElsewhereIsRefusedAndBadParametersAreNamed() {
        Api.importDefinitions(Story.MILESTONES).then().statusCode(200);
        TestDb.exec("update milestone set state = 'terminated' where id = 'mvp-ready'");
        Api.as("ci").get("/api/milestones/mvp-ready/wait?for=reached&timeout=5").then().statusCode(409)
                .body("detail", containsString("is terminated; it will not be reached"));
        Api.as("ci").get("/api/milestones/mvp-ready/wait?for=bogus").then().statusCode(400).body("detail", containsString("bogus"));
        Api.as("ci").get("/api/milestones/mvp-ready/wait?timeout=0").then().statusCode(400).body("detail", containsString("timeout"));
        Api.as("ci").get("/api/milestones/nope/wait?timeout=1").then().statusCode(404);
        Api.as("ci").get("/api/releases/v0.0.0/wait?timeout=1").then().statusCode(404);
    }

    /** The story up to the communication sprint's close: everything else the gates need is in. */
    private static void deliverAllButTheLastClose() {
        Api.event(Story.planned(Story.CORE, "BookingFlow", "2025-06-01T09:00:00Z")).then().statusCode(201);
        Api.event(Story.planned(Story.COMM, "Notification.Email.Send", "2025-06-01T09:00:00Z")).then().statusCode(201);
        Api.traceMatrix(Story.CORE, Story.matrix(Story.CORE, "BookingFlow", 17)).then().statusCode(201);
        Api.traceMatrix(Story.COMM, Story.matrix(Story.COMM, "Notification.Email.Send", 18)).then().statusCode(201);
        Api.qaReport(Story.CORE, Story.qa(Story.CORE, "BookingFlow", "93.1")).then().statusCode(201);
        Api.qaReport(Story.COMM, Story.qa(Story.COMM, "Notification.Email.Send", "89.6")).then().statusCode(201);
        Api.event(Story.closed(Story.CORE, "2025-06-18T10:00:00Z")).then().statusCode(201);
    }
}
