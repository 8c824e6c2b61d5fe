package studio.release.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.release.Releasing.*;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/** Creating releases: what is refused (and stores nothing), tags, environments, and what a created release says. */
@QuarkusTest
class ReleasesApiTest {

    @BeforeEach
    void clean() {
        TestDb.reset();
        studio.release.Releasing.anyEnvironmentFirst();
    }

    @Test
    void anUnreachedMilestoneCannotBeReleasedAndNothingIsStored() {
        defined("m1", "versionTag: v1.0.0");
        promote("product-owner", "m1", "staging").then().statusCode(409)
                .body("errors[0].message", equalTo("milestone m1 is Planned; only a Reached or Closed milestone can be released"));
        assertEquals(0, TestDb.count("select count(*) from release"));
        assertEquals(0, TestDb.count("select count(*) from audit_event where type like 'Release%'"));
        promote("product-owner", "nope", "staging").then().statusCode(404);
    }

    @Test
    void aStagingReleaseNeedsNoApprovalAndIsHandedToCiAtOnce() {
        reached("m1", "versionTag: mvp-v1");
        var created = create("product-owner", "{\"milestone_id\":\"m1\",\"environment\":\"staging\",\"promotion_targets\":[\"deploy-to-staging\",\"tag-git: mvp-v1\"]}");
        created.then().statusCode(201).header("Location", containsString("/api/releases/mvp-v1"))
                .body("version_tag", equalTo("mvp-v1")).body("milestone_id", equalTo("m1")).body("environment", equalTo("staging"))
                .body("status", equalTo("deploying")).body("trigger", equalTo("manual")).body("requested_by", equalTo("product-owner"))
                .body("released_at", nullValue()).body("git_tag", equalTo("mvp-v1")).body("approval_status.approvals", equalTo("—"));
        Api.as("auditor").get("/api/releases/mvp-v1/promotion-trigger-confirmed.yaml").then().statusCode(200)
                .body(containsString("version_tag: mvp-v1")).body(containsString("status: confirmed"))
                .body(containsString("- tag-git: mvp-v1")).body(containsString("manualApprovalRequired: false"));
        java.util.List<String> types = Api.as("auditor").queryParam("release", "mvp-v1").get("/api/audit").then().statusCode(200)
                .extract().path("events.type");
        assertEquals(java.util.List.of("DeploymentStarted", "ReleaseTriggered", "ReleaseTagging", "ReleaseRequested"), types);
    }

    @Test
    void badInputIsRefusedWithWhatWasWrong() {
        reached("m1", "versionTag: mvp-v1");
        promote("product-owner", "m1", "moon").then().statusCode(400).body("errors[0].message", containsString("unknown environment 'moon'"));
        create("product-owner", "{\"milestone_id\":\"m1\",\"environment\":\"staging\",\"version_tag\":\"bad tag!\"}").then().statusCode(400)
                .body("errors[0].message", containsString("is not valid"));
        create("product-owner", "{\"milestone_id\":\"m1\",\"environment\":\"staging\",\"promotion_targets\":[\"notify: slack\"]}").then()
                .statusCode(400).body("errors[0].message", containsString("at least one deploy"));
        create("product-owner", "{\"environment\":\"staging\"}").then().statusCode(400).body("errors[0].message", containsString("milestone_id"));
        // A field Studio would not act on is refused with its line and name, never silently dropped.
        create("product-owner", "{\"milestone_id\":\"m1\",\"environment\":\"production\",\n \"dockerImages\":[\"a\"],\n \"signedBy\":\"release-bot\"}")
                .then().statusCode(400)
                .body("errors[0].message", containsString("unknown field 'dockerImages'")).body("errors[0].line", equalTo(2))
                .body("errors[0].path", equalTo("$.dockerImages"))
                .body("errors[1].message", containsString("unknown role 'release-bot'")).body("errors[1].line", equalTo(3));
        assertEquals(0, TestDb.count("select count(*) from release"));
    }

    @Test
    void aTakenTagIs409AndWithoutATagTheNextOneInTheLineIsUsed() {
        reached("m1", "versionTag: mvp-v1");
        promote("product-owner", "m1", "staging").then().statusCode(201).body("version_tag", equalTo("mvp-v1"));
        create("product-owner", "{\"milestone_id\":\"m1\",\"environment\":\"qa\",\"version_tag\":\"mvp-v1\"}").then().statusCode(409)
                .body("errors[0].message", equalTo("version tag mvp-v1 exists (release of m1)"));
        promote("ci", "m1", "qa").then().statusCode(201).body("version_tag", equalTo("mvp-v2")).body("trigger", equalTo("ci"))
                .body("status", equalTo("paused_for_approval"));
        assertEquals(2, TestDb.count("select count(*) from release"));
    }

    @Test
    void onlyProductOwnersPlatformAdminsAndCiCreateReleasesAndEveryoneReadsThem() {
        reached("m1", "versionTag: mvp-v1");
        for (String user : new String[] {"qa-lead", "domain-architect", "security-officer", "compliance-officer", "auditor"}) {
            promote(user, "m1", "staging").then().statusCode(403);
        }
        assertEquals(0, TestDb.count("select count(*) from release"));
        promote("platform-admin", "m1", "staging").then().statusCode(201);
        for (String user : new String[] {"qa-lead", "auditor", "ci", "compliance-officer"}) {
            Api.as(user).get("/api/releases").then().statusCode(200).body("releases.version_tag", hasItem("mvp-v1"));
        }
        Api.as("auditor").get("/api/releases/unknown").then().statusCode(404);
    }
}
