package studio.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.milestone.GovernedFixture;
import studio.release.Releasing;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/**
 * A page route never changes anything on a request without the CSRF token, whatever its body: another site can make
 * a signed-in browser send a form, a multipart form, text/plain (a form with enctype="text/plain"), JSON (fetch with
 * credentials) or no body at all, and the browser attaches the session and CSRF cookies, never the token itself.
 * Each is tried on a milestone action, an override decision, the release retry, a webhook switch and the import form,
 * as a person who may act there; each is 403 and the state read back afterwards is unchanged.
 */
@QuarkusTest
class CsrfTest {

    static final String NEW_MILESTONE = "milestones:\n  - id: smuggled\n    gateConditions: [allSprintsClosed]\n";

    long override;
    long webhook;

    @BeforeEach
    void setUp() {
        override = GovernedFixture.overrideOfGateC();
        Releasing.reached("m1", "versionTag: v2.0.0");
        Releasing.promote("product-owner", "m1", "staging").then().statusCode(201);
        Releasing.report("ReleaseFailed", "v2.0.0", ",\"reason\":\"Docker tag push failure\"").then().statusCode(201);
        webhook = Api.as("platform-admin").contentType("application/json").body("{\"url\":\"http://127.0.0.1:9/hook\"}")
                .post("/api/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The requests another site can make a browser send, each carrying the victim's CSRF cookie but not the token. */
    static Map<String, Supplier<RequestSpecification>> forged(Map<String, String> fields) {
        String cookie = CsrfForms.csrf("/approvals");
        Map<String, Supplier<RequestSpecification>> kinds = new LinkedHashMap<>();
        kinds.put("form", () -> victim(cookie).contentType(ContentType.URLENC).formParams(fields));
        kinds.put("multipart", () -> {
            RequestSpecification r = victim(cookie);
            fields.forEach(r::multiPart);
            return r;
        });
        kinds.put("text/plain", () -> victim(cookie).contentType("text/plain").body(text(fields)));
        kinds.put("JSON", () -> victim(cookie).contentType(ContentType.JSON).body(json(fields)));
        kinds.put("no body", () -> victim(cookie));
        return kinds;
    }

    private static RequestSpecification victim(String csrfCookie) {
        return given().redirects().follow(false).cookie("studio-csrf", csrfCookie);
    }

    private static String text(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString();
    }

    private static String json(Map<String, String> fields) {
        StringBuilder b = new StringBuilder("{");
        fields.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v.replace("\n", "\\n")).append('"'));
        return b.append('}').toString();
    }

    /** Every forged kind of request to {@code path} is 403, and {@code state} reads the same afterwards. */
    static void refusedWithNothingChanged(String path, Map<String, String> fields, Supplier<Object> state) {
        Object before = state.get();
        forged(fields).forEach((kind, request) -> {
            request.get().post(path).then().statusCode(403).body(containsString("CSRF token"));
            assertEquals(before, state.get(), kind + " to " + path + " changed something");
        });
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void aMilestoneActionNeedsTheToken() {
        refusedWithNothingChanged("/milestones/sec/evaluate", Map.of(),
                () -> TestDb.count("select count(*) from evaluation where milestone_id = 'sec'") + "/" + TestDb.count("select count(*) from audit_event"));
        refusedWithNothingChanged("/milestones/gate-c/escalate", Map.of("reason", "forged"),
                () -> TestDb.text("select state || version from milestone where id = 'gate-c'") + TestDb.count("select count(*) from audit_event"));
        assertEquals("escalated", TestDb.text("select state from milestone where id = 'gate-c'"));
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead")
    void anOverrideDecisionNeedsTheToken() {
        refusedWithNothingChanged("/milestones/gate-c/overrides/" + override + "/approve", Map.of("reason", "forged"),
                () -> TestDb.text("select status from override_request where id = " + override));
        refusedWithNothingChanged("/approvals/overrides/" + override + "/approve", Map.of("reason", "forged"),
                () -> TestDb.text("select status from override_request where id = " + override));
        assertEquals("requested", TestDb.text("select status from override_request where id = " + override));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void theReleaseRetryNeedsTheToken() {
        refusedWithNothingChanged("/releases/v2.0.0/retry", Map.of(), () -> TestDb.text("select state from release"));
        assertEquals("failed", TestDb.text("select state from release"));
    }

    @Test
    @TestSecurity(user = "platform-admin", roles = "platform-admin")
    void aWebhookSwitchNeedsTheToken() {
        refusedWithNothingChanged("/admin/webhooks/" + webhook + "/disable", Map.of(),
                () -> TestDb.text("select active from webhook where id = " + webhook));
        assertEquals("t", TestDb.text("select active from webhook where id = " + webhook));
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void theImportFormNeedsTheToken() {
        refusedWithNothingChanged("/import", Map.of("action", "import", "document", NEW_MILESTONE),
                () -> TestDb.count("select count(*) from milestone"));
        assertEquals(0, TestDb.count("select count(*) from milestone where id = 'smuggled'"));
    }

    @Test
    @TestSecurity(user = "platform-admin", roles = "platform-admin")
    void aTokenThatDoesNotMatchTheCookieIsRefusedToo() {
        String cookie = CsrfForms.csrf("/approvals");
        String path = "/admin/webhooks/" + webhook + "/disable";
        // one character changed, whatever the token's first one is (it was "A" + the rest: equal to the cookie 1 time in 64)
        String other = (cookie.charAt(0) == 'A' ? "B" : "A") + cookie.substring(1);
        victim(cookie).header("X-CSRF-TOKEN", other).post(path).then().statusCode(403);
        victim(cookie).contentType(ContentType.URLENC).formParam("csrf-token", other).post(path).then().statusCode(403);
        // A token without its cookie (a site that made up both halves cannot set Studio's cookie)
        given().redirects().follow(false).header("X-CSRF-TOKEN", cookie).post(path).then().statusCode(403);
        assertEquals("t", TestDb.text("select active from webhook where id = " + webhook));
    }

    @Test
    @TestSecurity(user = "platform-admin", roles = "platform-admin")
    void theTokenInTheHeaderWorksWhateverTheBody() {
        String cookie = CsrfForms.csrf("/approvals");
        victim(cookie).header("X-CSRF-TOKEN", cookie).contentType("text/plain").body("anything")
                .post("/admin/webhooks/" + webhook + "/disable").then().statusCode(303);
        assertEquals("f", TestDb.text("select active from webhook where id = " + webhook));
        victim(cookie).header("X-CSRF-TOKEN", cookie).post("/admin/webhooks/" + webhook + "/enable").then().statusCode(303);
        assertEquals("t", TestDb.text("select active from webhook where id = " + webhook));
    }
}
