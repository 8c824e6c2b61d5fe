package studio.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.release.Releasing.promote;
import static studio.release.Releasing.reached;
import static studio.release.Releasing.release;
import static studio.release.Releasing.report;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * What CI deployed: ReleaseCompleted names its images by digest; they appear in release-metadata.json, the release notes,
 * the release page and the signed manifest as in-toto subjects, so a running image traces back to its signed release.
 */
@QuarkusTest
class DeployedImagesTest {

    static final String API = "booking-service:1.0.0-mvp-v1@sha256:" + "ab".repeat(32);
    static final String WORKER = "registry.example.com:5000/team/worker@sha256:" + "0c".repeat(32);

    @BeforeEach
    void deploying() {
        TestDb.reset();
        reached("m1", "versionTag: mvp-v1");
        promote("product-owner", "m1", "staging").then().statusCode(201).body("status", equalTo("deploying"));
    }

    @Test
    void theImagesCiDeployedAreSignedWithTheReleaseAsSubjects() {
        report("ReleaseCompleted", "mvp-v1", ",\"environment\":\"staging\",\"images\":[\"" + API + "\",\"" + WORKER + "\"]").then().statusCode(201);
        release("mvp-v1").then().statusCode(200).body("status", equalTo("completed")).body("docker_images", equalTo(List.of(API, WORKER)));
        Api.as("auditor").get("/api/releases/mvp-v1/notes.md").then().statusCode(200)
                .body(containsString("## Deployed Images\n\n- `" + API + "`\n- `" + WORKER + "`"));
        String payload = Api.as("auditor").get("/api/releases/mvp-v1/manifest").then().statusCode(200).extract().path("payload");
        String statement = new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8);
        assertTrue(statement.contains("{\"digest\":{\"sha256\":\"" + "ab".repeat(32) + "\"},\"name\":\"booking-service:1.0.0-mvp-v1\"}"), statement);
        assertTrue(statement.contains("{\"digest\":{\"sha256\":\"" + "0c".repeat(32) + "\"},\"name\":\"registry.example.com:5000/team/worker\"}"),
                statement);
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void theReleasePageListsThem() {
        report("ReleaseCompleted", "mvp-v1", ",\"images\":[\"" + API + "\"]").then().statusCode(201);
        given().get("/releases/mvp-v1").then().statusCode(200).body(containsString("<dt>Deployed images</dt>"))
                .body(containsString("<code>" + API + "</code>"));
    }

    @Test
    void anImageWithoutItsDigestIsRefusedWithItsPlaceAndTheReleaseIsNotCompleted() {
        report("ReleaseCompleted", "mvp-v1", ",\"images\":[\"" + API + "\",\"booking-service:latest\"]").then().statusCode(400)
                .body("errors[0].path", equalTo("$.images[1]"))
                .body("errors[0].message", containsString("image 'booking-service:latest' has no digest"));
        report("ReleaseFailed", "mvp-v1", ",\"images\":[\"" + API + "\"]").then().statusCode(400)
                .body("errors[0].message", containsString("ReleaseCompleted reports them"));
        release("mvp-v1").then().body("status", equalTo("deploying")).body("docker_images", equalTo(List.of()));
        assertEquals(0, TestDb.count("select count(*) from audit_event where type = 'ReleaseCompleted'"));
    }
}
