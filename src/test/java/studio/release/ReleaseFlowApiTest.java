package studio.release;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.release.Releasing.*;
import static studio.testing.Story.*;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/** The spec's mvp-v1 release flow end to end, and promotions racing for tags. */
@QuarkusTest
class ReleaseFlowApiTest {

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    @Test
    void theSpecsMvpV1ReleaseFlowRunsEndToEnd() throws Exception {
        Api.importDefinitions(MILESTONES).then().statusCode(200);
        Api.event(planned(CORE, "BookingFlow", "2025-05-12T10:00:00Z")).then().statusCode(201);
        Api.event(planned(COMM, "Notification.Email.Send", "2025-05-12T10:05:00Z")).then().statusCode(201);
        Api.traceMatrix(CORE, matrix(CORE, "BookingFlow", 17)).then().statusCode(201);
        Api.traceMatrix(COMM, matrix(COMM, "Notification.Email.Send", 18)).then().statusCode(201);
        Api.qaReport(CORE, qa(CORE, "BookingFlow", "93.1")).then().statusCode(201);
        Api.qaReport(COMM, qa(COMM, "Notification.Email.Send", "89.6")).then().statusCode(201);
        Api.event(closed(CORE, "2025-05-13T14:45:00Z")).then().statusCode(201);
        Api.event(closed(COMM, "2025-05-14T16:04:00Z")).then().statusCode(201);

        // autoPromotion: MilestonePromotionTriggered created the release and Studio handed it to CI (staging needs nobody)
        release("mvp-v1").then().statusCode(200).body("status", equalTo("deploying")).body("trigger", equalTo("auto"))
                .body("milestone_id", equalTo("mvp-ready")).body("environment", equalTo("staging")).body("qa_coverage", equalTo(91.3f))
                .body("trace_id", equalTo("trace-xyz-123")).body("sprint_ids", containsInAnyOrder(CORE, COMM))
                .body("features", containsInAnyOrder("BookingFlow", "Notification.Email.Send"));
        Api.as("ci").get("/api/releases/mvp-v1/promotion-trigger-confirmed.yaml").then().statusCode(200)
                .body(containsString("milestone_id: mvp-ready")).body(containsString("- deploy-to-staging"))
                .body(containsString("- tag-git: mvp-v1")).body(containsString("qa_coverage: 91.3"));

        report("ReleaseCompleted", "mvp-v1", ",\"milestoneId\":\"mvp-ready\",\"environment\":\"staging\",\"timestamp\":\"2025-05-14T17:12:00Z\"")
                .then().statusCode(201);
        release("mvp-v1").then().body("status", equalTo("completed")).body("released_at", equalTo("2025-05-14T17:12:00Z"))
                .body("git_tag", equalTo("mvp-v1"));
        Api.milestone("mvp-ready").then().body("status", equalTo("closed"));
        Api.as("auditor").get("/api/releases/mvp-v1/notes.md").then().statusCode(200).contentType(containsString("text/markdown"))
                .body(containsString("# Release: mvp-v1")).body(containsString("- **Released On:** 2025-05-14"))
                .body(containsString("- BookingFlow: 93.1%")).body(containsString("- Overall: 91.3%")).body(containsString("- " + CORE));
        String csv = Api.as("auditor").get("/api/releases/history.csv").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("version_tag,milestone_id,environment,status"), csv);
        assertTrue(csv.contains("mvp-v1,mvp-ready,staging,completed,91.3,studio,"), csv);

        List<String> types = Api.as("auditor").queryParam("release", "mvp-v1").get("/api/audit").then().extract().path("events.type");
        assertEquals(List.of("ReleaseAuditEmitted", "ReleaseSigned", "ReleaseCompleted", "DeploymentStarted", "ReleaseTriggered", "ReleaseTagging", "ReleaseRequested"), types);
        Api.as("auditor").get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
        Releasing.opensslVerifies("/api/releases/mvp-v1/manifest");
    }

    @Test
    void twoPromotionsAtTheSameMomentGetTwoDifferentTags() throws Exception {
        reached("m1", "versionTag: mvp-v1");
        List<String> tags = race(2, i -> promote(i == 0 ? "product-owner" : "ci", "m1", "staging"));
        assertEquals(new HashSet<>(List.of("mvp-v1", "mvp-v2")), new HashSet<>(tags));
    }

    @Test
    void twentyConcurrentSemverPromotionsOfTwentyMilestonesAllGetDistinctTags() throws Exception {
        StringBuilder yaml = new StringBuilder("milestones:\n");
        for (int i = 0; i < 20; i++) {
            yaml.append("  - id: svc-").append(i).append("\n    gateConditions: [securityValidated]\n")
                    .append("    versionStrategy: {strategy: semver-auto, prefix: v}\n");
        }
        Api.importDefinitions(yaml.toString()).then().statusCode(200);
        for (int i = 0; i < 20; i++) {
            signal("svc-" + i, "pass");
            Api.as("product-owner").post("/api/milestones/svc-" + i + "/evaluate").then().statusCode(200).body("status", equalTo("reached"));
        }
        List<String> tags = race(20, i -> promote("ci", "svc-" + i, "staging"));
        assertEquals(20, new HashSet<>(tags).size(), tags.toString());
        assertTrue(tags.contains("v1.0.0") && tags.contains("v1.0.19"), tags.toString());
        assertEquals(20, TestDb.count("select count(distinct version_tag) from release"));
    }

    /** Starts {@code n} promotions released by one latch; answers their tags (each must be 201). */
    private static List<String> race(int n, java.util.function.IntFunction<io.restassured.response.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                results.add(pool.submit(() -> {
                    go.await();
                    return call.apply(k).then().statusCode(201).extract().<String>path("version_tag");
                }));
            }
            go.countDown();
            List<String> tags = new ArrayList<>();
            for (Future<String> f : results) tags.add(f.get(60, TimeUnit.SECONDS));
            return tags;
        } finally {
            pool.shutdownNow();
        }
    }
}
