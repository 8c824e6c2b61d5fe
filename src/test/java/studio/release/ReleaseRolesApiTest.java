package studio.release;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.release.Releasing.*;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/** Every mutating release endpoint tried with every role: refusals change nothing. */
@QuarkusTest
class ReleaseRolesApiTest {

    static final List<String> EVERYONE = List.of("product-owner", "qa-lead", "domain-architect", "security-officer", "compliance-officer",
            "platform-admin", "auditor", "ci");

    @BeforeEach
    void clean() {
        TestDb.reset();
        Releasing.anyEnvironmentFirst();
        reached("m1", "versionTag: v1.0.0");
    }

    @Test
    void approvalsAreRefusedToAuditorsAndCiBeforeTheyReachThePolicy() {
        promote("platform-admin", "m1", "production").then().statusCode(201);
        for (String user : List.of("auditor", "ci")) decide(user, "v1.0.0", "approve", "ok").then().statusCode(403);
        for (String user : List.of("qa-lead", "domain-architect", "security-officer")) {
            decide(user, "v1.0.0", "approve", "ok").then().statusCode(403);
            decide(user, "v1.0.0", "reject", "no").then().statusCode(403);
        }
        assertEquals(0, TestDb.count("select count(*) from release_approval"));
        release("v1.0.0").then().body("status", equalTo("paused_for_approval"));
    }

    @Test
    void onlyProductOwnersAndPlatformAdminsRollBackOrRetry() {
        promote("ci", "m1", "staging").then().statusCode(201);
        report("ReleaseFailed", "v1.0.0", ",\"reason\":\"deploy stage failed\"").then().statusCode(201);
        for (String user : EVERYONE) {
            if (user.equals("product-owner") || user.equals("platform-admin")) continue;
            Api.as(user).post("/api/releases/v1.0.0/retry").then().statusCode(403);
            Api.as(user).contentType("application/json").body("{\"reason\":\"x\"}").post("/api/releases/v1.0.0/rollback").then().statusCode(403);
        }
        release("v1.0.0").then().body("status", equalTo("failed"));
        Api.as("product-owner").post("/api/releases/v1.0.0/retry").then().statusCode(200).body("status", equalTo("deploying"));
    }

    @Test
    void readingIsForEveryRoleAndDocumentsWaitForTheirMoment() {
        promote("platform-admin", "m1", "production").then().statusCode(201);
        for (String user : EVERYONE) {
            Api.as(user).get("/api/releases/v1.0.0").then().statusCode(200);
            Api.as(user).get("/api/releases/v1.0.0/notes.md").then().statusCode(200);
        }
        Api.as("auditor").get("/api/releases/v1.0.0/promotion-trigger-confirmed.yaml").then().statusCode(409);
        Api.as("auditor").get("/api/releases/v1.0.0/manifest").then().statusCode(409);
        Api.as("auditor").queryParam("limit", 0).get("/api/releases").then().statusCode(400);
        Api.as("auditor").queryParam("status", "sideways").get("/api/releases").then().statusCode(400);
        Api.as("auditor").queryParam("after", "garbage").get("/api/releases").then().statusCode(400);
    }

    @Test
    void theListPagesNewestFirstWithAKeysetCursor() {
        for (int i = 0; i < 3; i++) promote("ci", "m1", "staging").then().statusCode(201);
        var first = Api.as("auditor").queryParam("limit", 2).get("/api/releases").then().statusCode(200)
                .body("releases.version_tag", equalTo(List.of("v1.0.2", "v1.0.1"))).extract().<String>path("next");
        Api.as("auditor").queryParam("limit", 2).queryParam("after", first).get("/api/releases").then().statusCode(200)
                .body("releases.version_tag", equalTo(List.of("v1.0.0"))).body("next", equalTo(null));
    }
}
