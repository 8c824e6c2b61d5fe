package studio.override;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import studio.testing.Api;

/**
 * Correctness under load, the suite's small version of the benchmark's race (50 x 200 there): ten approvers with real
 * tokens decide the same override request at the same instant, ten rounds. Each round exactly one decision is
 * recorded and everyone else is told 409; the audit chain is intact afterwards.
 */
@QuarkusTest
class ApprovalRaceTest {

    static final int APPROVERS = 10;
    static final int ROUNDS = 10;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void eachRoundRecordsExactlyOneDecisionAndTheChainStaysValid() throws Exception {
        String prefix = "race-" + System.nanoTime() % 1_000_000 + "-";
        StringBuilder yaml = new StringBuilder("milestones:\n");
        for (int i = 0; i < ROUNDS; i++) {
            yaml.append("  - id: ").append(prefix).append(i).append("\n    gateConditions: [securityValidated]\n    approvalRoles: [qa-lead]\n");
        }
        Api.importDefinitions(yaml.toString()).then().statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(APPROVERS);
        try {
            for (int i = 0; i < ROUNDS; i++) {
                int[] codes = race(pool, openRequest(prefix + i));
                int approved = count(codes, 200), conflicts = count(codes, 409);
                int round = i;
                assertAll(() -> assertEquals(1, approved, "round " + round + ": one decision recorded"),
                        () -> assertEquals(APPROVERS - 1, conflicts, "round " + round + ": everyone else 409"));
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < ROUNDS; i++) {
            assertEquals(1, Api.as("auditor").queryParam("type", "MilestoneOverrideApproved").queryParam("milestone", prefix + i)
                    .get("/api/audit").then().statusCode(200).extract().jsonPath().getList("events").size(),
                    "one approval in the audit trail of round " + i);
        }
        assertEquals(true, Api.as("auditor").get("/api/audit/verify").then().statusCode(200).extract().jsonPath().getBoolean("valid"));
    }

    /** A failing gate and an override request for it, made by the product owner. */
    private long openRequest(String milestone) {
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"" + milestone + "\",\"gate\":\"securityValidated\",\"status\":\"fail\"}")
                .then().statusCode(201);
        Api.as("product-owner").contentType("application/json").body("{}").post("/api/milestones/" + milestone + "/evaluate")
                .then().statusCode(200);
        return Api.as("product-owner").contentType("application/json")
                .body("{\"gates\":[\"securityValidated\"],\"reason\":\"race\"}").post("/api/milestones/" + milestone + "/overrides")
                .then().statusCode(201).extract().jsonPath().getLong("override_id");
    }

    private int[] race(ExecutorService pool, long overrideId) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int a = 0; a < APPROVERS; a++) {
            String token = Api.token(a % 2 == 0 ? "qa-lead" : "qa-lead-2");
            answers.add(pool.submit(() -> {
                go.await();
                return http.send(HttpRequest.newBuilder(base.resolve("/api/overrides/" + overrideId + "/approve"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"race\"}")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            }));
        }
        go.countDown();
        int[] codes = new int[APPROVERS];
        for (int i = 0; i < APPROVERS; i++) codes[i] = answers.get(i).get();
        return codes;
    }

    private static int count(int[] codes, int status) {
        int n = 0;
        for (int c : codes) if (c == status) n++;
        return n;
    }
}
