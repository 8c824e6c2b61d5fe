package studio.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.governance.Roles;
import studio.outbound.CloudEvent;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * The milestone fields beyond its gates act: requiredArtifacts are listed with the sprint that reported each (SprintClosed
 * completedArtifacts), parallelStreams and triggers fire MilestoneTriggerFired when their event arrives and their condition
 * holds, an orchestration event a trigger names is received, onDeferEmit sends FeatureDeferred about the milestone, and
 * observabilityTags travel with its events.
 */
@QuarkusTest
@TestSecurity(user = "po", roles = Roles.PRODUCT_OWNER)
class MilestoneOutputsTest {

    private static final String DEFINITIONS = """
            features:
              - id: BookingFlow
              - id: Signup
            milestones:
              - id: mvp-core
                requiredFeatures: [BookingFlow]
                requiredArtifacts: [BookingService, NotificationService, booking-api.feature]
                gateConditions: [allSprintsClosed]
                observabilityTags: [trace, qa]
              - id: onboarding-v2
                requiredFeatures: [Signup]
                parallelStreams: [UserSignupFlow, MobilePushFlow]
                deferredAllowed: true
                onDeferEmit: FeatureDeferred
                gateConditions: [allSprintsClosed]
                triggers:
                  - event: SprintClosed
                    condition: allStreamsReady
                    next: MilestoneFinalization
              - id: security-verification
                goal: Prove the release meets the security baseline
                valueDelivered: Tenants can trust the booking API with their data
                orchestrator: MilestoneCoordinator
                traceability:
                  tracePattern: "trace-sec-*"
                gateConditions: [noCriticalFindings]
                triggers:
                  - event: SecurityPolicyPublished
                    next: staging-release
            """;

    private static void defined() {
        TestDb.reset();
        Api.importDefinitions(DEFINITIONS).then().statusCode(200);
    }

    private static String planned(String sprint, String milestone, String feature, String at) {
        return """
                {"event":"SprintPlanned","sprintId":"%s","milestone":"%s","features":["%s"],"timestamp":"%s"}"""
                .formatted(sprint, milestone, feature, at);
    }

    private static String closed(String sprint, String artifacts, String at) {
        return """
                {"event":"SprintClosed","sprintId":"%s","completedArtifacts":[%s],"timestamp":"%s"}""".formatted(sprint, artifacts, at);
    }

    private static String signal(String milestone, String gate, String status, String eventId) {
        return """
                {"event":"GateSignal","eventId":"%s","milestoneId":"%s","gate":"%s","status":"%s"}""".formatted(eventId, milestone, gate, status);
    }

    private static long fired(String milestone) {
        return TestDb.count("select count(*) from audit_event where type = 'MilestoneTriggerFired' and subject_id = '" + milestone + "'");
    }

    @Test
    void requiredArtifactsAreListedWithTheSprintThatReportedEach() throws InterruptedException {
        defined();
        Api.event(planned("s-core", "mvp-core", "BookingFlow", Instant.now().toString())).then().statusCode(201);
        Api.as("ci").get("/api/milestones/mvp-core/artifacts").then().statusCode(200)
                .body("required.artifact", equalTo(List.of("BookingService", "NotificationService", "booking-api.feature")))
                .body("required.reported", equalTo(List.of(false, false, false))).body("other", hasSize(0));
        Instant beforeClosing = Instant.now();
        Thread.sleep(5);

        Instant closedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
        Api.event(closed("s-core", "\"BookingService\",\"booking-api.feature\",\"PRs\",\"BookingService\"", closedAt.toString()))
                .then().statusCode(201);
        Api.as("ci").get("/api/milestones/mvp-core/artifacts").then().statusCode(200)
                .body("required.reported", equalTo(List.of(true, false, true)))
                .body("required[0].sprint_id", equalTo("s-core")).body("required[0].reported_at", equalTo(closedAt.toString()))
                .body("required[1].sprint_id", equalTo(null))
                .body("other.artifact", equalTo(List.of("PRs")));
        assertEquals("[\"BookingService\", \"booking-api.feature\", \"PRs\", \"BookingService\"]", TestDb.text(
                "select (payload::jsonb -> 'completed_artifacts')::text from audit_event where type = 'SprintClosed'"), "the report is in the audit trail");

        // As of a moment before the sprint closed, nothing was reported yet.
        Api.as("ci").get("/api/milestones/mvp-core/artifacts?as_of=" + beforeClosing).then().statusCode(200)
                .body("required.reported", equalTo(List.of(false, false, false)));
        String page = given().get("/milestones/mvp-core").then().statusCode(200).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(page, containsString("2 of 3 required artifacts reported by a contributing sprint"));
        org.hamcrest.MatcherAssert.assertThat(page, containsString("NotificationService"));
        org.hamcrest.MatcherAssert.assertThat(page, containsString("/sprints/s-core/evidence/"));
    }

    @Test
    void aConditionedTriggerFiresOnceWhenItsEventArrivesAndEveryStreamIsReady() {
        defined();
        Api.event(planned("s-1", "onboarding-v2", "Signup", "2026-03-01T09:00:00Z")).then().statusCode(201);
        Api.event(planned("s-2", "onboarding-v2", "Signup", "2026-03-01T09:00:00Z")).then().statusCode(201);
        Api.event(signal("onboarding-v2", "UserSignupFlow", "pass", "sig-1")).then().statusCode(201);
        Api.event(closed("s-1", "\"SignupService\"", "2026-03-04T17:00:00Z")).then().statusCode(201);
        assertEquals(0, fired("onboarding-v2"), "MobilePushFlow has not reported: the streams are not all ready");
        String waiting = given().get("/milestones/onboarding-v2").then().statusCode(200).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(waiting, containsString("1 of 2 parallel streams ready"));
        org.hamcrest.MatcherAssert.assertThat(waiting, containsString("not fired yet (fires once)"));

        Api.event(signal("onboarding-v2", "MobilePushFlow", "fail", "sig-2")).then().statusCode(201);
        Api.event(signal("onboarding-v2", "MobilePushFlow", "pass", "sig-3")).then().statusCode(201);
        assertEquals(0, fired("onboarding-v2"), "the trigger waits for its event, a SprintClosed");
        Api.event(closed("s-2", "\"PushService\"", "2026-03-05T17:00:00Z")).then().statusCode(201);
        assertEquals(1, fired("onboarding-v2"));
        assertEquals("MilestoneFinalization", TestDb.text(
                "select payload::jsonb ->> 'next' from audit_event where type = 'MilestoneTriggerFired'"));
        assertEquals("service-account-studio-ci", TestDb.text("select actor from audit_event where type = 'MilestoneTriggerFired'"), "CI sent the event that fired it");
        CloudEvent sent = CloudEvent.parse(TestDb.text("select event from outbox where type = 'MilestoneTriggerFired'"));
        assertEquals("milestones/onboarding-v2", sent.subject());
        assertEquals("MilestoneFinalization", sent.data().path("details").path("next").asText());

        // Once: a later SprintClosed (and a replay of the one that fired it) fires nothing more.
        Api.event(planned("s-3", "onboarding-v2", "Signup", "2026-03-06T09:00:00Z")).then().statusCode(201);
        Api.event(closed("s-3", "\"Docs\"", "2026-03-07T17:00:00Z")).then().statusCode(201);
        Api.event(closed("s-2", "\"PushService\"", "2026-03-05T17:00:00Z")).then().statusCode(201);
        assertEquals(1, fired("onboarding-v2"));
        given().get("/milestones/onboarding-v2").then().statusCode(200)
                .body(containsString("2 of 2 parallel streams ready")).body(containsString("fired "));
    }

    @Test
    void anOrchestrationEventATriggerNamesIsReceivedAndFiresIt() {
        defined();
        long evidence = TestDb.count("select count(*) from evidence");
        // Only for a milestone whose triggers name it: elsewhere it is the unknown event it always was, and nothing is kept.
        Api.event("{\"event\":\"SecurityPolicyPublished\",\"milestoneId\":\"mvp-core\"}").then().statusCode(400)
                .body(containsString("milestone mvp-core has no trigger on it"));
        assertEquals(evidence, TestDb.count("select count(*) from evidence"));

        Api.event("{\"event\":\"SecurityPolicyPublished\",\"milestoneId\":\"security-verification\",\"traceId\":\"trace-sec-7\"}")
                .then().statusCode(201);
        assertEquals(1, fired("security-verification"));
        assertEquals("staging-release", TestDb.text("select payload::jsonb ->> 'next' from audit_event where type = 'MilestoneTriggerFired'"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'SecurityPolicyPublished' and subject_id = 'security-verification'"));
        Api.milestone("security-verification").then().body("status", not(equalTo("reached")));
    }

    @Test
    void evidenceOutsideTheMilestonesTracePatternIsRefusedAndChangesNothing() {
        defined();
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"security-verification\",\"gate\":\"noCriticalFindings\","
                + "\"status\":\"pass\",\"traceId\":\"trace-mvp-1\"}").then().statusCode(400)
                .body(containsString("traceId 'trace-mvp-1' is outside milestone security-verification's tracePattern 'trace-sec-*'"));
        assertEquals(0, TestDb.count("select count(*) from evidence"));
        assertEquals(0, TestDb.count("select count(*) from gate_signal"));
        // Every input naming the milestone, whatever its kind: an orchestration event, a resume.
        Api.event("{\"event\":\"SecurityPolicyPublished\",\"milestoneId\":\"security-verification\",\"traceId\":\"span-9\"}")
                .then().statusCode(400).body(containsString("traceId 'span-9' is outside"));
        Api.event("{\"event\":\"PlanningResumed\",\"milestoneId\":\"security-verification\",\"reason\":\"scanner back\","
                + "\"traceId\":\"span-9\"}").then().statusCode(400).body(containsString("traceId 'span-9' is outside"));
        assertEquals(0, TestDb.count("select count(*) from evidence"));
        assertEquals(0, fired("security-verification"));
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"security-verification\",\"gate\":\"noCriticalFindings\","
                + "\"status\":\"pass\",\"traceId\":\"trace-sec-2\"}").then().statusCode(201);
        Api.milestone("security-verification").then().body("trace_id", equalTo("trace-sec-2")).body("status", equalTo("reached"));
        given().get("/milestones/security-verification").then().statusCode(200)
                .body(containsString("Prove the release meets the security baseline"))
                .body(containsString("Tenants can trust the booking API with their data"))
                .body(containsString("MilestoneCoordinator")).body(containsString("trace-sec-*"));
    }

    @Test
    void ciCannotPostAnEventInTheNameOfStudiosOwnEvents() {
        defined();
        for (String own : List.of("MilestoneReached", "ReleaseSigned", "DeploymentStarted", "MilestoneTriggerFired")) {
            Api.event("{\"event\":\"" + own + "\",\"milestoneId\":\"security-verification\"}").then().statusCode(400)
                    .body(containsString("unknown event type '" + own + "'"));
        }
        assertEquals(0, TestDb.count("select count(*) from evidence"));
        assertEquals(0, TestDb.count("select count(*) from outbox where type in ('MilestoneReached', 'ReleaseSigned', 'DeploymentStarted', 'MilestoneTriggerFired')"));
        // Nor can a definition name one of them as an event to receive.
        Api.importDefinitions("""
                milestones:
                  - id: sneaky
                    triggers:
                      - event: MilestoneBlocked
                        next: deploy-anyway
                """).then().statusCode(400).body(containsString("'MilestoneBlocked' is a name of Studio's own events"));
    }

    @Test
    void onDeferEmitSendsFeatureDeferredAboutTheMilestoneThatAsksForIt() {
        defined();
        Api.importDefinitions("""
                features:
                  - id: Signup
                milestones:
                  - id: quiet
                    requiredFeatures: [Signup]
                """).then().statusCode(200);
        Api.event("{\"event\":\"FeatureDeferred\",\"featureId\":\"Signup\",\"reason\":\"out of agent capacity\"}").then().statusCode(201);
        assertEquals(1, TestDb.count("select count(*) from outbox where type = 'FeatureDeferred'"), "only onboarding-v2 asks for it");
        CloudEvent sent = CloudEvent.parse(TestDb.text("select event from outbox where type = 'FeatureDeferred'"));
        assertEquals("dev.studio.FeatureDeferred", sent.type());
        assertEquals("milestones/onboarding-v2", sent.subject());
        assertEquals("Signup", sent.data().path("details").path("feature_id").asText());
        assertEquals("out of agent capacity", sent.data().path("details").path("reason").asText());
        // Each milestone's timeline shows the deferral once.
        assertEquals(1, TestDb.count("select count(*) from audit_event where type = 'FeatureDeferred' and subject_type = 'milestone'"));
        assertEquals(1, TestDb.count("select count(*) from audit_subject s join audit_event e on e.seq = s.seq"
                + " where e.type = 'FeatureDeferred' and s.subject_type = 'milestone' and s.subject_id = 'onboarding-v2'"),
                "onboarding-v2's timeline lists the deferral once, not also through the feature's entry");
        assertEquals(1, TestDb.count("select count(*) from audit_subject s join audit_event e on e.seq = s.seq"
                + " where e.type = 'FeatureDeferred' and s.subject_type = 'milestone' and s.subject_id = 'quiet'"), "quiet's timeline lists it too");
    }

    @Test
    void observabilityTagsTravelWithEveryEventAboutTheMilestone() {
        defined();
        Api.as("product-owner").post("/api/milestones/mvp-core/evaluate").then().statusCode(200);
        Api.as("product-owner").post("/api/milestones/onboarding-v2/evaluate").then().statusCode(200);
        long events = TestDb.count("select count(*) from outbox where milestone_id = 'mvp-core'");
        org.junit.jupiter.api.Assertions.assertTrue(events > 0, "evaluating mvp-core sent an event");
        assertEquals(events, TestDb.count("select count(*) from outbox where milestone_id = 'mvp-core'"
                + " and event::jsonb -> 'data' -> 'observability_tags' = '[\"trace\", \"qa\"]'::jsonb"), "every one carries its tags");
        org.junit.jupiter.api.Assertions.assertTrue(TestDb.count("select count(*) from outbox where milestone_id = 'onboarding-v2'") > 0);
        assertEquals(0, TestDb.count("select count(*) from outbox where milestone_id = 'onboarding-v2'"
                + " and event::jsonb -> 'data' -> 'observability_tags' is not null"), "a milestone without tags sends none");
    }
}
