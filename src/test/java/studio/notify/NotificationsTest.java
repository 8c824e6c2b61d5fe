package studio.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.milestone.GateTimeouts;
import studio.milestone.GovernedFixture;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.MailCatcher;
import studio.testing.Scrape;
import studio.testing.TestDb;

/**
 * The people who must decide learn it at once, in Studio and by email through a real SMTP server (the mail catcher),
 * and requesters learn the outcome; nobody is told twice however many sweeps run at once.
 */
@QuarkusTest
class NotificationsTest {

    @Inject
    IdentityDirectory directory;
    @Inject
    NotificationSweep sweep;
    @Inject
    MailDelivery mail;
    @Inject
    GateTimeouts timers;

    @BeforeEach
    void clean() throws Exception {
        GovernedFixture.defined();
        MailCatcher.clear();
        assertTrue(directory.sync() >= 9, "the demo realm's people, read from Keycloak's directory");
    }

    static List<String> recipients(String topic, String event) {
        return List.of(TestDb.text("select coalesce(string_agg(recipient, ',' order by recipient), '') from notification where topic = '"
                + topic + "' and event = '" + event + "'").split(",")).stream().filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void theDirectoryGivesEveryDemoPersonTheirAddressAndStudioRoles() {
        assertAll(() -> assertEquals("qa-lead-2@studio.example", TestDb.text("select email from person where name = 'qa-lead-2'")),
                () -> assertEquals("{qa-lead}", TestDb.text("select roles::text from person where name = 'qa-lead-2'")),
                () -> assertEquals("directory", TestDb.text("select source from person where name = 'qa-lead-2'")),
                () -> assertEquals(0, TestDb.count("select count(*) from person where name like 'service-account-%'"), "no service accounts"));
    }

    @Test
    void anOverrideRequestReachesTheOtherQaLeadByEmailAndItsOutcomeReachesTheRequester() {
        long id = overrideRequested();
        double emailsBefore = Scrape.now().value("milestone_notification_sent_total", "channel", "email", "outcome", "sent");

        sweep.sweep();
        assertEquals(List.of("qa-lead-2"), recipients("override-" + id, "DecisionNeeded"), "the other QA lead, never the requester");

        Map<String, Object> email = MailCatcher.await("qa-lead-2@studio.example", "Override requested on gate-c: securityValidated");
        String text = String.valueOf(email.get("text"));
        assertAll(() -> assertTrue(text.contains("qa-lead asks to override securityValidated on Checkout ready (escalated)"), text),
                () -> assertTrue(text.contains("Why: Scanner finding is a false positive"), text),
                () -> assertTrue(text.contains("- securityValidated: failed"), text),
                () -> assertTrue(text.contains("/approvals#override-" + id), text),
                () -> assertTrue(String.valueOf(email.get("html")).contains("href=\"http://localhost:"), "an HTML part with the link"),
                () -> assertEquals("<override-" + id + "@localhost>", MailCatcher.header(email, "In-Reply-To")),
                () -> assertEquals("<override-" + id + "@localhost>", MailCatcher.header(email, "References")));
        assertEquals(List.of(), MailCatcher.to("qa-lead@studio.example"), "the requester is not asked to decide their own request");

        Api.as("qa-lead-2").contentType("application/json").body("{\"reason\":\"Risk accepted until the pen test\"}")
                .post("/api/overrides/" + id + "/approve").then().statusCode(200);
        sweep.sweep();
        Map<String, Object> outcome = MailCatcher.await("qa-lead@studio.example", "Override approved on gate-c: securityValidated");
        assertAll(() -> assertTrue(String.valueOf(outcome.get("text")).contains("by qa-lead-2 (qa-lead)"), String.valueOf(outcome.get("text"))),
                () -> assertTrue(String.valueOf(outcome.get("text")).contains("Reason: Risk accepted until the pen test")),
                () -> assertEquals("<override-" + id + "@localhost>", MailCatcher.header(outcome, "References"), "one decision, one thread"));

        assertAll(() -> assertEquals(2, TestDb.count("""
                        select count(*) from audit_event where type = 'NotificationDispatched' and subject_id = 'gate-c'
                        and payload::jsonb ->> 'channel' = 'email' and payload::jsonb ->> 'outcome' = 'sent'""")),
                () -> assertEquals(1, TestDb.count("""
                        select count(*) from audit_event where type = 'NotificationDispatched' and payload::jsonb ->> 'channel' = 'studio'
                        and payload::jsonb ->> 'event' = 'DecisionNeeded' and payload::jsonb -> 'recipients' = '["qa-lead-2"]'::jsonb""")),
                () -> assertEquals(emailsBefore + MailCatcher.messages().size(),
                        Scrape.now().value("milestone_notification_sent_total", "channel", "email", "outcome", "sent"), "each email that arrived, counted once"));
    }

    @Test
    void sweepsRunningAtOnceTellNobodyTwice() throws Exception {
        long id = overrideRequested();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> sweeps = List.of(() -> sweep.sweep().size(), () -> sweep.sweep().size(), () -> sweep.sweep().size(),
                    () -> sweep.sweep().size());
            int stored = 0;
            for (Future<Integer> f : pool.invokeAll(sweeps)) stored += f.get();
            stored += sweep.sweep().size();
            assertEquals(TestDb.count("select count(*) from notification"), stored, "each notice stored by exactly one sweep");
        } finally {
            pool.shutdown();
        }
        assertEquals(1, TestDb.count("select count(*) from notification where topic = 'override-" + id + "'"));
        MailCatcher.await("qa-lead-2@studio.example", "Override requested on gate-c: securityValidated");
        mail.deliverDue();
        mail.deliverDue();
        assertEquals(1, MailCatcher.to("qa-lead-2@studio.example").size(), "one email");
    }

    @Test
    void aBlockedMilestonePastItsTimeoutReachesItsGovernorsInboxAndEmail() throws Exception {
        Api.importDefinitions("""
                milestones:
                  - id: sec
                    name: Security review
                    gateConditions: [noCriticalFindings]
                    governedBy: product-owner
                    gateTimeoutSeconds: 1
                """).then().statusCode(200);
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"sec\",\"gate\":\"noCriticalFindings\",\"status\":\"fail\",\"detail\":\"2 critical\"}")
                .then().statusCode(201);
        Api.as("product-owner").post("/api/milestones/sec/evaluate").then().body("status", equalTo("blocked"));
        Thread.sleep(1_200);
        timers.tick();
        Api.milestone("sec").then().body("status", equalTo("escalated"));

        sweep.sweep();
        String since = TestDb.text("select extract(epoch from date_trunc('second', state_since))::bigint::text from milestone where id = 'sec'");
        assertEquals(List.of("platform-admin", "product-owner", "product-owner-2"), recipients("stuck-sec@" + since, "DecisionNeeded"),
                "its governors: the governedBy role and platform-admin");
        Map<String, Object> email = MailCatcher.await("product-owner-2@studio.example", "Escalated on sec: nobody has been asked to decide");
        assertTrue(String.valueOf(email.get("text")).contains("/milestones/sec"), String.valueOf(email.get("text")));
        assertEquals(List.of(), MailCatcher.to("qa-lead@studio.example"), "a QA lead does not govern it");
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead")
    void theCentreListsWhatWaitsMarksItReadAndTheBellFollows() {
        long id = overrideRequested();
        sweep.sweep();
        long notice = noticeTo("qa-lead-2", id);

        given().get("/board").then().statusCode(200).body(containsString("aria-label=\"Notifications: 1 unread\""));
        given().get("/notifications").then().statusCode(200)
                .body(containsString("Override requested on gate-c: securityValidated"))
                .body(containsString("href=\"/notifications/" + notice + "/open\""))
                .body(containsString("only you"));
        given().redirects().follow(false).get("/notifications/" + notice + "/open").then().statusCode(303)
                .header("Location", containsString("/approvals#override-" + id));
        given().get("/notifications/bell").then().statusCode(200).body(containsString("Notifications: 0 unread"));
        String page = given().get("/notifications").then().statusCode(200).extract().asString();
        assertEquals(1, page.split("id=\"bell\"", -1).length - 1, "one bell on a full page");
        assertNotEquals(0, TestDb.count("select count(*) from notification where id = " + notice + " and read_at is not null"));
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead")
    void markingAllReadInPlaceUpdatesTheBellInTheTopBar() {
        overrideRequested();
        sweep.sweep();
        given().get("/notifications/bell").then().body(containsString("Notifications: 1 unread"));
        CsrfForms.htmx("/notifications").post("/notifications/read-all").then().statusCode(200)
                .body(containsString("hx-swap-oob=\"true\" aria-label=\"Notifications: 0 unread\""))
                .body(containsString("Override requested on gate-c")).body(not(containsString("notice-unread")));
        assertEquals(0, TestDb.count("select count(*) from notification where recipient = 'qa-lead-2' and read_at is null"));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void nobodyReadsOrMarksAnotherPersonsNotices() {
        long id = overrideRequested();
        sweep.sweep();
        long notice = noticeTo("qa-lead-2", id);
        given().redirects().follow(false).get("/notifications/" + notice + "/open").then().statusCode(404);
        CsrfForms.form("/notifications").post("/notifications/" + notice + "/read").then().statusCode(404);
        given().get("/notifications").then().statusCode(200).body(not(containsString("Override requested on gate-c")));
        assertEquals(0, TestDb.count("select count(*) from notification where read_at is not null"), "nothing was marked read");
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead")
    void preferencesDecideTheEmailButADecisionOnlyYouCanTakeStillReachesTheDigest() {
        CsrfForms.form("/notifications/preferences").formParam("decisions", "studio").formParam("outcomes", "weekly")
                .post("/notifications/preferences").then().statusCode(400).body(containsString("outcomes: unknown delivery &#39;weekly&#39;"));
        assertEquals(0, TestDb.count("select count(*) from notification_preference"), "a refused form changes nothing");
        CsrfForms.form("/notifications/preferences").formParam("decisions", "studio").formParam("outcomes", "digest")
                .post("/notifications/preferences").then().statusCode(303);
        given().get("/notifications/preferences").then().statusCode(200)
                .body(containsString("name=\"decisions\" value=\"studio\" id=\"decisions-studio\" aria-label=\"Decisions waiting for you: In Studio only\" checked"));

        long id = overrideRequested();
        sweep.sweep();
        assertEquals("digest", TestDb.text("select email_status from notification where recipient = 'qa-lead-2' and topic = 'override-" + id + "'"),
                "only qa-lead-2 may decide it: not silenced, gathered in the digest");
        assertEquals(1, mail.sendDigests());
        Map<String, Object> digest = MailCatcher.await("qa-lead-2@studio.example", "Studio digest: 1 notice");
        String text = String.valueOf(digest.get("text"));
        assertTrue(text.contains("Override requested on gate-c: securityValidated"), text);
        String unsubscribe = text.substring(text.indexOf("/unsubscribe/")).strip().split("\\s")[0];
        assertTrue(String.valueOf(MailCatcher.header(digest, "List-Unsubscribe")).contains(unsubscribe));

        given().get(unsubscribe).then().statusCode(200).body(containsString("Stop the daily digests?"));
        assertEquals("digest", TestDb.text("select delivery from notification_preference where person = 'qa-lead-2' and kind = 'outcomes'"),
                "opening the link changes nothing (mail scanners open links)");
        CsrfForms.form(unsubscribe).post(unsubscribe).then().statusCode(200).body(containsString("Digests stopped"));
        assertEquals("studio", TestDb.text("select delivery from notification_preference where person = 'qa-lead-2' and kind = 'outcomes'"));
        given().get("/unsubscribe/" + "cWEtbGVhZA.forged").then().statusCode(404).body(containsString("This link is not valid"));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void theMilestonePageNamesWhoMayDecideAPendingOverride() {
        overrideRequested();
        given().get("/milestones/gate-c").then().statusCode(200)
                .body(containsString("Who may decide it now: qa-lead-2 (qa-lead)."));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void whoMayDecideIsWorkedOutOnceWhileNothingIsRecordedAndAgainOnceSomethingIs() {
        overrideRequested();
        given().get("/milestones/gate-c").then().statusCode(200).body(containsString("Who may decide it now: qa-lead-2 (qa-lead)."));
        try {
            // someone new signs in with the role: that records nothing in the trail
            TestDb.exec("insert into person (name, email, display_name, roles, enabled, source, seen_at) "
                    + "values ('qa-lead-9', 'qa-lead-9@studio.example', 'QA lead 9', '{qa-lead}', true, 'sign-in', now())");
            given().get("/milestones/gate-c").then().statusCode(200).body(containsString("Who may decide it now: qa-lead-2 (qa-lead)."));
            // anything recorded anywhere (here evidence on another milestone) and the names are worked out again
            GovernedFixture.signal("sec", "noCriticalFindings", "pass", "recorded meanwhile");
            given().get("/milestones/gate-c").then().statusCode(200)
                    .body(containsString("Who may decide it now: qa-lead-2 (qa-lead), qa-lead-9 (qa-lead)."));
        } finally {
            TestDb.exec("delete from person where name = 'qa-lead-9'");
        }
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void theMilestonePageNamesWhoMayDecideAPendingManualGate() {
        given().get("/milestones/sec").then().statusCode(200)
                .body(containsString("May decide it: security-officer (security-officer)"));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void theReleasePageNamesWhoMayApproveAPausedRelease() {
        TestDb.reset();
        directoryRead();
        studio.release.Releasing.reached("m1", "versionTag: v1.0.0");
        studio.release.Releasing.anyEnvironmentFirst();
        studio.release.Releasing.promote("platform-admin", "m1", "production").then().statusCode(201);
        String page = given().get("/releases/v1.0.0").then().statusCode(200).extract().asString();
        String who = page.substring(page.indexOf("Who may approve it now: ")).split("</p>")[0];
        assertTrue(who.contains("product-owner (product-owner)") && who.contains("product-owner-2 (product-owner)"), who);
        assertTrue(!who.contains("platform-admin ("), "the requester is never offered their own release: " + who);
    }

    private void directoryRead() {
        try {
            directory.sync();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** gate-c Blocked and qa-lead's request to override it, which only qa-lead-2 may decide; the request's id. */
    private static long overrideRequested() {
        GovernedFixture.blocked("gate-c", "securityValidated");
        return GovernedFixture.overrideRequested("gate-c", "securityValidated", "qa-lead", "Scanner finding is a false positive");
    }

    /** The id of the notice telling {@code person} about override {@code id}. */
    private static long noticeTo(String person, long id) {
        return TestDb.count("select id from notification where recipient = '" + person + "' and topic = 'override-" + id + "'");
    }
}
