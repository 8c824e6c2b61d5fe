package studio.outbound;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.governance.Roles;
import studio.outbound.chat.ChatEvents;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.Html;
import studio.testing.TestDb;

/**
 * /admin/chat-channels and /api/chat-channels for a platform admin: add a Slack or Teams channel (the URL shown and
 * audited masked, it is the channel's credential), bad input refused with each problem at its field and nothing
 * stored, a test message from the channel's deliveries page, delete after confirming; every change audited. Every
 * other role gets 403 on every page and API route, the refusals audited, nothing stored.
 */
@QuarkusTest
class ChatChannelPagesTest {

    ChatReceiver receiver;

    @BeforeEach
    void clean() throws Exception {
        Outbound.reset();
        receiver = ChatReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
        Outbound.reset();
    }

    static RequestSpecification form(String name, String format, String url, String scope, String value, String... events) {
        RequestSpecification form = CsrfForms.form("/admin/chat-channels").formParam("name", name).formParam("format", format)
                .formParam("url", url).formParam("scope", scope).formParam("scope_value", value);
        for (String e : events) form.formParam("event_types", e);
        return form;
    }

    static long audited(String type) {
        return TestDb.count("select count(*) from audit_event where type = '" + type + "' and actor = 'pat'");
    }

    static Html.Element byId(String html, String id) {
        return Html.carrying(html, "id").stream().filter(e -> id.equals(e.attr("id"))).findFirst().orElse(null);
    }

    @Test
    @TestSecurity(user = "pat", roles = Roles.PLATFORM_ADMIN)
    void anAdminAddsASlackChannelTestsItAndDeletesItAfterConfirming() {
        String page = given().get("/admin/chat-channels").then().statusCode(200).body(containsString("No chat channels yet"))
                .body(containsString("aria-current=\"page\">Admin</a>")).extract().asString();
        List<String> checked = Html.elements(page, "input").stream().filter(i -> "event_types".equals(i.attr("name")) && i.attr("checked") != null)
                .map(i -> i.attr("value")).toList();
        assertEquals(ChatEvents.DEFAULT.stream().sorted().toList(), checked.stream().sorted().toList(), "the defaults are checked");

        Api.importDefinitions(Outbound.milestones("chat-page", 1, "First")).then().statusCode(200);
        String[] events = ChatEvents.DEFAULT.toArray(String[]::new);
        form("#mvp-room", "slack", receiver.url(), "milestone", "chat-page-1", events).post("/admin/chat-channels").then().statusCode(303)
                .header("Location", containsString("/admin/chat-channels?done=added"));
        long id = TestDb.count("select id from webhook");
        String secretPath = receiver.url().substring(receiver.url().indexOf("/services"));
        String listed = given().get("/admin/chat-channels?done=added").then().statusCode(200)
                .body(containsString("Chat channel added")).body(containsString("#mvp-room")).body(containsString("Slack"))
                .body(containsString("milestone chat-page-1 and its releases")).body(not(containsString(secretPath))).extract().asString();
        assertNotNull(byId(listed, "channel-" + id), listed);
        given().get("/admin/webhooks").then().statusCode(200).body(not(containsString("#mvp-room")))
                .body(containsString("href=\"/admin/chat-channels\""));

        assertEquals(1, audited("WebhookCreated"));
        String payload = TestDb.text("select payload::text from audit_event where type = 'WebhookCreated'");
        assertTrue(payload.contains("\"format\":\"slack\"") && payload.contains("\"scope\":\"milestone\"") && !payload.contains(secretPath), payload);

        String detail = given().get("/admin/webhooks/" + id).then().statusCode(200).body(containsString("#mvp-room"))
                .body(not(containsString("Rotate secret"))).body(not(containsString(secretPath))).extract().asString();
        assertTrue(Html.elements(detail, "button").stream().anyMatch(b -> b.text().trim().equals("Send test message")), detail);
        CsrfForms.form("/admin/webhooks/" + id).post("/admin/webhooks/" + id + "/rotate").then().statusCode(409);
        CsrfForms.form("/admin/webhooks/" + id).post("/admin/webhooks/" + id + "/test").then().statusCode(303);
        assertTrue(Receiver.await(Duration.ofSeconds(15), () -> receiver.accepted().size() == 1), "arrived: " + receiver.messages());
        assertEquals("Test message from Studio", receiver.slackHeadlines().get(0));

        given().get("/admin/chat-channels/" + id + "/delete").then().statusCode(200).body(containsString("Delete the chat channel #mvp-room?"));
        CsrfForms.form("/admin/chat-channels").post("/admin/chat-channels/" + id + "/delete").then().statusCode(303)
                .header("Location", containsString("/admin/chat-channels?done=deleted"));
        assertEquals(0, TestDb.count("select count(*) from webhook"));
        assertEquals(1, audited("WebhookDeleted"));
    }

    @Test
    @TestSecurity(user = "pat", roles = Roles.PLATFORM_ADMIN)
    void badInputIsRefusedWithEachProblemAtItsFieldAndNothingIsStored() {
        String page = form("", "irc", "ftp://hooks.example.com/x", "milestone", "no-such-milestone").post("/admin/chat-channels")
                .then().statusCode(400).extract().asString();
        Map<String, String> expected = Map.of(
                "c-name-error", "a chat channel needs a name",
                "c-format-error", "the format must be slack",
                "c-url-error", "the URL must start with http:// or https://",
                "c-scope_value-error", "no milestone &quot;no-such-milestone&quot; is defined",
                "c-event_types-error", "choose at least one event");
        expected.forEach((id, message) -> {
            assertNotNull(byId(page, id), id + " missing");
            assertTrue(page.contains(message), message);
        });
        assertEquals("true", byId(page, "c-url").attr("aria-invalid"));
        assertEquals("ftp://hooks.example.com/x", byId(page, "c-url").attr("value"), "what was typed stays in the form");
        assertTrue(page.contains("Nothing was added"), page);

        String environment = form("#prod", "teams", "http://10.0.0.1/hook", "environment", "prod", "ReleaseFailed", "SprintClosed")
                .post("/admin/chat-channels").then().statusCode(400).extract().asString();
        assertTrue(byId(environment, "c-url-error").text().contains("studio.webhooks.allowed-hosts"), "the destination policy applies");
        assertTrue(byId(environment, "c-scope_value-error").text().contains("unknown environment 'prod' (known: staging, qa, production)"));
        assertTrue(byId(environment, "c-event_types-error").text().contains("\"SprintClosed\" is not a milestone or release event name"));

        form("#x", "slack", receiver.url(), "galaxy", "", "MilestoneBlocked").post("/admin/chat-channels").then().statusCode(400)
                .body(containsString("the scope must be all, milestone, environment or team"));
        given().contentType(ContentType.URLENC).cookie("studio-csrf", CsrfForms.csrf("/admin/chat-channels")).redirects().follow(false)
                .formParam("name", "#forged").formParam("format", "slack").formParam("url", receiver.url())
                .formParam("event_types", "MilestoneBlocked")
                .post("/admin/chat-channels").then().statusCode(403);
        assertEquals(0, TestDb.count("select count(*) from webhook"));
        assertEquals(0, audited("WebhookCreated"));
    }

    @Test
    @TestSecurity(user = "pat", roles = Roles.PLATFORM_ADMIN)
    void theJsonApiListsAddsWithDefaultsRefusesBadInputByFieldAndDeletes() {
        given().contentType("application/json").body("{\"name\":\"#prod\",\"format\":\"teams\",\"url\":\"" + receiver.url()
                + "\",\"scope\":\"environment\",\"scope_value\":\"production\"}").post("/api/chat-channels").then().statusCode(201)
                .body("format", equalTo("teams")).body("scope", equalTo("environment")).body("scope_value", equalTo("production"))
                .body("event_types", equalTo(ChatEvents.DEFAULT)).body("url_hint", containsString("http://127.0.0.1:"))
                .body("url_hint", not(containsString("/services/")));
        long id = TestDb.count("select id from webhook");
        given().get("/api/chat-channels").then().statusCode(200).body("[0].id", equalTo((int) id)).body("[0].name", equalTo("#prod"))
                .body("[0].pending", equalTo(0)).body("[0].url", equalTo(null));
        given().get("/api/webhooks").then().statusCode(200).body("size()", equalTo(0));

        given().contentType("application/json").body("{\"name\":\"\",\"format\":\"slack\",\"url\":\"mailto:x@y\",\"scope\":\"team\","
                + "\"event_types\":[]}").post("/api/chat-channels").then().statusCode(400)
                .body("errors.path", equalTo(List.of("name", "url", "scope_value", "event_types")));
        given().contentType("application/json").body("{\"name\":\"#x\",\"format\":\"slack\",\"url\":\"" + receiver.url()
                + "\",\"event_types\":\"MilestoneBlocked\"}").post("/api/chat-channels").then().statusCode(400)
                .body("errors[0].path", equalTo("event_types"));
        assertEquals(1, TestDb.count("select count(*) from webhook"));

        long webhook = given().contentType("application/json").body("{\"url\":\"http://127.0.0.1:9/hook\"}").post("/api/webhooks")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().delete("/api/chat-channels/" + webhook).then().statusCode(404);
        given().delete("/api/chat-channels/" + id).then().statusCode(204);
        assertEquals(List.of(String.valueOf(webhook)), Outbound.strings("select id from webhook"));
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
        TestDb.exec("insert into webhook (url, format, name, from_outbox_id, created_by, created_at) "
                + "values ('https://hooks.slack.test/services/x', 'slack', '#ops', 0, 'pat', now())");
        long id = TestDb.count("select id from webhook");
        for (String path : new String[] {"/admin/chat-channels", "/admin/chat-channels/" + id + "/delete", "/admin/webhooks/" + id}) {
            given().get(path).then().statusCode(403);
        }
        String[] posts = {"/admin/chat-channels", "/admin/chat-channels/" + id + "/delete"};
        for (String path : posts) {
            CsrfForms.form("/board").formParam("name", "#evil").formParam("format", "slack").formParam("url", "https://evil.test/")
                    .formParam("event_types", "MilestoneBlocked").post(path).then().statusCode(403);
        }
        given().get("/api/chat-channels").then().statusCode(403);
        given().contentType("application/json").body("{\"name\":\"#evil\",\"format\":\"slack\",\"url\":\"https://evil.test/\"}")
                .post("/api/chat-channels").then().statusCode(403);
        given().delete("/api/chat-channels/" + id).then().statusCode(403);
        assertEquals(posts.length, TestDb.count("select count(*) from audit_event where type = 'AuthorizationRefused' and actor = '" + who + "'"));
        assertEquals(List.of(id + ":#ops"), Outbound.strings("select id || ':' || name from webhook"), "nothing added or deleted");
        assertFalse(given().get("/board").then().extract().asString().contains("/admin/chat-channels"));
    }
}
