package studio.outbound;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.governance.Roles;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/**
 * /admin/webhooks for a platform admin: add (secret shown once), disable and enable, send a test event and see its
 * attempt, rotate, redeliver a dead letter, delete after confirming; every change audited with the admin as actor.
 * Every other role gets 403 on every page and action, sees no "Admin" link, and each refused change is audited.
 */
@QuarkusTest
class WebhookPagesTest {

    static final Pattern SECRET = Pattern.compile("id=\"webhook-secret\">(whsec_[A-Za-z0-9_-]+)<");

    Receiver receiver;

    @BeforeEach
    void clean() throws Exception {
        Outbound.reset();
        receiver = Receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
        Outbound.reset();
    }

    static String add(String url, String types) {
        return CsrfForms.form("/admin/webhooks").formParam("url", url).formParam("event_types", types).post("/admin/webhooks")
                .then().statusCode(200).header("Cache-Control", "no-store").extract().asString();
    }

    static String secretOf(String page) {
        Matcher m = SECRET.matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
    }

    static long onlyWebhook() {
        return TestDb.count("select id from webhook");
    }

    static long audited(String type) {
        return TestDb.count("select count(*) from audit_event where type = '" + type + "' and actor = 'pat'");
    }

    @Test
    @TestSecurity(user = "pat", roles = Roles.PLATFORM_ADMIN)
    void anAdminAddsAWebhookSeesTheSecretOnceAndTestsIt() {
        given().get("/admin/webhooks").then().statusCode(200).body(containsString("No webhooks yet"))
                .body(containsString("href=\"/admin/webhooks\" aria-current=\"page\">Admin</a>"));
        String secret = secretOf(add(receiver.url(), ""));
        receiver.secret(secret);
        long id = onlyWebhook();
        assertEquals(1, audited("WebhookCreated"));

        given().get("/admin/webhooks").then().statusCode(200).body(containsString(receiver.url()))
                .body(not(containsString(secret))).body(containsString("whsec_…" + secret.substring(secret.length() - 4)));
        given().get("/admin/webhooks/" + id).then().statusCode(200).body(not(containsString(secret)));

        CsrfForms.form("/admin/webhooks/" + id).post("/admin/webhooks/" + id + "/test").then().statusCode(303)
                .header("Location", containsString("/admin/webhooks/" + id + "?done=test"));
        assertTrue(Receiver.await(Duration.ofSeconds(15), () -> receiver.accepted().size() == 1));
        assertTrue(Receiver.await(Duration.ofSeconds(5), () -> TestDb.count("select count(*) from webhook_attempt") == 1));
        given().get("/admin/webhooks/" + id).then().statusCode(200).body(containsString("WebhookTest"))
                .body(containsString("Delivered (HTTP 204)"));
        assertEquals(1, audited("WebhookTestSent"));
    }

    @Test
    @TestSecurity(user = "pat", roles = Roles.PLATFORM_ADMIN)
    void aBadUrlIsRefusedWithTheReasonAndNothingIsStored() {
        String page = CsrfForms.form("/admin/webhooks").formParam("url", "ftp://example.com/hook").formParam("event_types", "SprintClosed")
                .post("/admin/webhooks").then().statusCode(400).extract().asString();
        assertTrue(page.contains("the URL must start with http:// or https://"), page);
        assertTrue(page.contains("&quot;SprintClosed&quot; is not a milestone or release event name"), page);
        assertTrue(page.contains("value=\"ftp://example.com/hook\""), "what was typed stays in the form");
        assertEquals(0, TestDb.count("select count(*) from webhook"));
        assertEquals(0, audited("WebhookCreated"));
    }

    @Test
    @TestSecurity(user = "pat", roles = Roles.PLATFORM_ADMIN)
    void disableEnableRotateRedeliverAndDeleteAreAudited() {
        receiver.secret(secretOf(add(receiver.url(), "")));
        long id = onlyWebhook();
        CsrfForms.form("/admin/webhooks/" + id).post("/admin/webhooks/" + id + "/disable").then().statusCode(303);
        given().get("/admin/webhooks/" + id + "?done=disabled").then().body(containsString("Disabled")).body(containsString(">Enable</button>"));
        CsrfForms.form("/admin/webhooks/" + id).post("/admin/webhooks/" + id + "/enable").then().statusCode(303);
        assertEquals("t", TestDb.text("select active from webhook"));

        String rotated = CsrfForms.form("/admin/webhooks/" + id).post("/admin/webhooks/" + id + "/rotate").then().statusCode(200).extract().asString();
        assertTrue(rotated.contains("New secret for"), rotated);
        assertEquals(TestDb.text("select secret from webhook"), secretOf(rotated));

        receiver.failAlways(true).secret(secretOf(rotated));
        Api.importDefinitions(Outbound.milestones("page", 1, "First")).then().statusCode(200);
        assertTrue(Receiver.await(Duration.ofSeconds(20), () -> TestDb.count("select count(*) from webhook_delivery where state = 'dead'") == 1));
        long dead = TestDb.count("select id from webhook_delivery where state = 'dead'");
        given().get("/admin/webhooks/" + id).then().body(containsString("id=\"dead-" + dead + "\"")).body(containsString("HTTP 500"));
        receiver.failAlways(false);
        CsrfForms.form("/admin/webhooks/" + id).post("/admin/webhooks/deliveries/" + dead + "/redeliver").then().statusCode(303)
                .header("Location", containsString("done=redelivered"));
        assertTrue(Receiver.await(Duration.ofSeconds(15), () -> receiver.accepted().size() == 1));
        CsrfForms.form("/admin/webhooks/" + id).post("/admin/webhooks/deliveries/" + dead + "/redeliver").then().statusCode(409);

        given().get("/admin/webhooks/" + id + "/delete").then().statusCode(200).body(containsString("Delete the webhook to " + receiver.url()));
        CsrfForms.form("/admin/webhooks/" + id).post("/admin/webhooks/" + id + "/delete").then().statusCode(303)
                .header("Location", containsString("/admin/webhooks?done=deleted"));
        assertEquals(0, TestDb.count("select count(*) from webhook"));
        for (String type : new String[] {"WebhookDisabled", "WebhookEnabled", "WebhookSecretRotated", "WebhookRedelivered", "WebhookDeleted"}) {
            assertEquals(1, audited(type), type);
        }
    }

    @Test
    @TestSecurity(user = "pat", roles = Roles.PLATFORM_ADMIN)
    void attemptsArePagedNewestFirstByKeyset() {
        receiver.failAlways(true).secret(secretOf(add(receiver.url(), "")));
        long id = onlyWebhook();
        Api.importDefinitions(Outbound.milestones("many", 15, "First")).then().statusCode(200);
        assertTrue(Receiver.await(Duration.ofSeconds(30), () -> TestDb.count("select count(*) from webhook_attempt") == 60), "4 attempts x 15");
        long newest = TestDb.count("select max(id) from webhook_attempt");
        String first = given().get("/admin/webhooks/" + id).then().statusCode(200).extract().asString();
        assertTrue(first.indexOf("id=\"attempt-" + newest + "\"") < first.indexOf("id=\"attempt-" + (newest - 1) + "\""));
        assertEquals(50, count(first, "<tr id=\"attempt-"));
        long oldestShown = newest - 49;
        String more = given().header("HX-Request", "true").get("/admin/webhooks/" + id + "/attempts?before=" + oldestShown)
                .then().statusCode(200).extract().asString();
        assertEquals(10, count(more, "<tr id=\"attempt-"));
        assertTrue(!more.contains("<html"), "a fragment");
        assertTrue(!more.contains("Older attempts"), "the last page offers no more");
        given().redirects().follow(false).get("/admin/webhooks/" + id + "/attempts?before=" + oldestShown).then().statusCode(303);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }

    @Test
    @TestSecurity(user = "ann", roles = Roles.AUDITOR)
    void anAuditorIsRefused() {
        refused("ann");
    }

    @Test
    @TestSecurity(user = "po", roles = Roles.PRODUCT_OWNER)
    void aProductOwnerIsRefused() {
        refused("po");
    }

    @Test
    @TestSecurity(user = "carol", roles = Roles.COMPLIANCE_OFFICER)
    void aComplianceOfficerIsRefused() {
        refused("carol");
    }

    @Test
    @TestSecurity(user = "ci-bot", roles = Roles.CI)
    void aCiAccountIsRefused() {
        refused("ci-bot");
    }

    private void refused(String who) {
        TestDb.exec("insert into webhook (url, secret, from_outbox_id, created_by, created_at) values ('https://x.test/h', 'whsec_0123456789abcdef', 0, 'pat', now())");
        long id = onlyWebhook();
        given().get("/board").then().body(not(containsString("/admin/webhooks")));
        for (String path : new String[] {"/admin/webhooks", "/admin/webhooks/" + id, "/admin/webhooks/" + id + "/delete"}) {
            given().get(path).then().statusCode(403);
        }
        String[] posts = {"/admin/webhooks", "/admin/webhooks/" + id + "/disable", "/admin/webhooks/" + id + "/rotate",
                "/admin/webhooks/" + id + "/test", "/admin/webhooks/" + id + "/delete", "/admin/webhooks/deliveries/1/redeliver"};
        for (String path : posts) {
            CsrfForms.form("/board").formParam("url", "https://evil.test/").post(path).then().statusCode(403);
        }
        assertEquals(posts.length, TestDb.count("select count(*) from audit_event where type = 'AuthorizationRefused' and actor = '" + who + "'"));
        assertEquals("t", TestDb.text("select active from webhook"));
        assertEquals(1, TestDb.count("select count(*) from webhook"));
        assertEquals(0, TestDb.count("select count(*) from outbox"));
        given().get("/api/webhooks").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "pat", roles = Roles.PLATFORM_ADMIN)
    void theJsonApiListsAddsAndDeletes() {
        given().contentType("application/json").body("{\"url\":\"" + receiver.url() + "\",\"event_types\":[\"MilestoneReached\"]}")
                .post("/api/webhooks").then().statusCode(201).body("secret", containsString("whsec_"))
                .body("event_types[0]", equalTo("MilestoneReached"));
        given().contentType("application/json").body("{\"url\":\"mailto:x@y\"}").post("/api/webhooks").then().statusCode(400)
                .body("errors[0].path", equalTo("url"));
        long id = onlyWebhook();
        given().get("/api/webhooks").then().statusCode(200).body("[0].id", equalTo((int) id)).body("[0].secret", equalTo(null))
                .body("[0].pending", equalTo(0));
        given().delete("/api/webhooks/" + id).then().statusCode(204);
        assertEquals(0, TestDb.count("select count(*) from webhook"));
    }
}
