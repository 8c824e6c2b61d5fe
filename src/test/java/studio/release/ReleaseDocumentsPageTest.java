package studio.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.release.Releasing.*;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * A completed staging release of a milestone whose name is markup: the manifest verified on the server (and not after
 * a changed byte), documents viewable and downloadable, notes rendered as text.
 */
@QuarkusTest
class ReleaseDocumentsPageTest {

    static final String PAGE = "/releases/v3.0.0";
    static final String HOSTILE = "<script>alert(1)</script>";

    @BeforeEach
    void completed() {
        TestDb.reset();
        Api.importDefinitions("""
                milestones:
                  - id: m3
                    name: "<script>alert(1)</script>"
                    versionTag: v3.0.0
                    gateConditions: [securityValidated]
                    governedBy: product-owner
                """).then().statusCode(200);
        signal("m3", "pass");
        Api.as("product-owner").post("/api/milestones/m3/evaluate").then().statusCode(200);
        promote("product-owner", "m3", "staging").then().statusCode(201);
        report("ReleaseCompleted", "v3.0.0", "").then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void theManifestIsVerifiedWithThePublishedKeyAndTheMilestoneNameIsText() {
        String key = TestDb.text("select key_id from signing_key");
        String html = given().get(PAGE).then().statusCode(200)
                .body(containsString("<span class=\"chip chip-completed\">Completed</span>"))
                .body(containsString("<span class=\"chip chip-passed\">Verified</span>"))
                .body(containsString(" Signature verified with key " + key + "</p>"))
                .body(containsString("href=\"/releases/v3.0.0/documents/release-manifest.dsse.json/download\""))
                .body(containsString("href=\"/releases/v3.0.0/documents/promotion-trigger-confirmed.yaml\""))
                .body(not(containsString("Roll back</button>")))
                .extract().asString();
        assertFalse(html.contains(HOSTILE), "the milestone's name must render as text");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("<h1>Release: v3.0.0 — &lt;script&gt;alert(1)&lt;/script&gt;</h1>"), "notes preview renders the markdown");
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void aChangedByteInTheStoredManifestIsReportedNotVerified() {
        TestDb.exec("update release set manifest = jsonb_set(manifest, '{payload}', to_jsonb('x' || substr(manifest ->> 'payload', 2)))");
        given().get(PAGE).then().statusCode(200)
                .body(containsString("<span class=\"chip chip-failed\">Not verified</span>"))
                .body(containsString(" Signature not verified: no signature verifies with key "))
                .body(not(containsString("Signature verified")));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void everyDocumentIsViewableAndDownloadable() {
        given().get(PAGE + "/documents/release-notes.md").then().statusCode(200)
                .body(containsString("<h2>Features Included</h2>")).body(containsString("Markdown source"))
                .body(not(containsString(HOSTILE)));
        given().get(PAGE + "/documents/release-notes.md/download").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"v3.0.0-release-notes.md\"")
                .body(containsString("# Release: v3.0.0"));
        given().get(PAGE + "/documents/release-metadata.json/download").then().statusCode(200)
                .contentType(containsString("application/json")).body("version_tag", equalTo("v3.0.0")).body("status", equalTo("completed"));
        given().get(PAGE + "/documents/release-manifest.dsse.json/download").then().statusCode(200)
                .body("payloadType", equalTo("application/vnd.in-toto+json"));
        given().get(PAGE + "/documents/promotion-trigger-confirmed.yaml/download").then().statusCode(200)
                .body(containsString("v3.0.0"));
        given().get(PAGE + "/documents/release-manifest.dsse.json").then().statusCode(200).body(containsString("&quot;payloadType&quot;"));
        given().get(PAGE + "/documents/secrets.txt").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "product-owner", roles = "product-owner")
    void aCompletedReleaseCanBeRolledBackButNotRetried() {
        given().get(PAGE).then().statusCode(200).body(containsString("Roll back</button>")).body(not(containsString("Retry release</button>")));
    }
}
