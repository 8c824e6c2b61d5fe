package studio.release;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import studio.testing.Api;

/** Builds reached milestones and drives releases through the real API, as CI and people would. */
public final class Releasing {

    private Releasing() {}

    /** A milestone whose one signal gate passed: Reached. {@code extra} is added to its definition (YAML lines). */
    public static void reached(String id, String... extra) {
        defined(id, extra);
        signal(id, "pass");
        Api.as("product-owner").post("/api/milestones/" + id + "/evaluate").then().statusCode(200).body("status", equalTo("reached"));
    }

    public static void defined(String id, String... extra) {
        StringBuilder yaml = new StringBuilder("milestones:\n  - id: " + id + "\n    name: Milestone " + id
                + "\n    gateConditions: [securityValidated]\n    governedBy: product-owner\n");
        for (String line : extra) yaml.append("    ").append(line).append('\n');
        Api.importDefinitions(yaml.toString()).then().statusCode(200);
    }

    public static void signal(String id, String status) {
        Api.event("{\"event\":\"GateSignal\",\"milestoneId\":\"" + id + "\",\"gate\":\"securityValidated\",\"status\":\"" + status
                + "\",\"detail\":\"scan " + status + "\"}").then().statusCode(201);
    }

    /**
     * An installation that lets a new version start in any environment: staging and qa made optional by a platform
     * admin's environments document, a loosening a compliance officer approved (docs/API.md "Environments as
     * definitions"). Tests about one environment's own rules start there; the lifecycle itself is PromotionTest's.
     */
    public static void anyEnvironmentFirst() {
        java.util.List<Integer> changes = Api.as("platform-admin").contentType("application/yaml")
                .body("environments:\n  - name: staging\n    required: false\n  - name: qa\n    required: false\n").post("/api/definitions")
                .then().statusCode(200).body("environments.status", equalTo(java.util.List.of("held", "held")))
                .extract().path("environments.changeId");
        String[] names = {"staging", "qa"};
        for (int i = 0; i < names.length; i++) {
            Api.as("compliance-officer").contentType("application/json").body("{\"reason\":\"this installation may skip it\"}")
                    .post("/api/environments/" + names[i] + "/changes/" + changes.get(i) + "/approve").then().statusCode(200);
        }
    }

    /** Promotes version {@code tag} to {@code environment} (POST /api/releases/{tag}/promotions). */
    public static Response promoteVersion(String who, String tag, String environment) {
        return Api.as(who).contentType("application/json").body("{\"environment\":\"" + environment + "\"}")
                .post("/api/releases/" + tag + "/promotions");
    }

    /**
     * Version {@code tag} of reached milestone {@code milestone} released to staging by CI and completed there; with
     * {@code through} qa, also promoted to qa, approved by a QA lead and completed: the lifecycle's way to the next
     * environment.
     */
    public static void completedThrough(String milestone, String tag, String through) {
        promote("ci", milestone, "staging").then().statusCode(201);
        report("ReleaseCompleted", tag, ",\"environment\":\"staging\"").then().statusCode(201);
        if (!"qa".equals(through)) return;
        promoteVersion("ci", tag, "qa").then().statusCode(201);
        decide("qa-lead", tag, "approve", "regression suite green").then().statusCode(200);
        report("ReleaseCompleted", tag, ",\"environment\":\"qa\"").then().statusCode(201);
    }

    public static Response create(String user, String body) {
        return Api.as(user).contentType("application/json").body(body).post("/api/releases");
    }

    public static Response promote(String user, String milestone, String environment) {
        return create(user, "{\"milestone_id\":\"" + milestone + "\",\"environment\":\"" + environment + "\"}");
    }

    public static Response decide(String user, String tag, String decision, String reason) {
        String body = reason == null ? "{\"decision\":\"" + decision + "\"}" : "{\"decision\":\"" + decision + "\",\"reason\":\"" + reason + "\"}";
        return Api.as(user).contentType("application/json").body(body).post("/api/releases/" + tag + "/approvals");
    }

    public static Response report(String event, String tag, String extra) {
        return Api.event("{\"event\":\"" + event + "\",\"versionTag\":\"" + tag + "\"" + extra + "}");
    }

    /**
     * The recipe documented in ReleaseManifest, run as written against the manifest served at {@code manifestPath} and
     * the published key it names.
     */
    public static void opensslVerifies(String manifestPath) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(studio.testing.Processes.run(java.nio.file.Path.of("."), "openssl", "version").exitCode() == 0,
                "openssl is not on PATH");
        var envelope = Api.as("auditor").get(manifestPath).then().statusCode(200).extract().jsonPath();
        String keyId = envelope.getString("signatures[0].keyid");
        String pem = Api.as("auditor").get("/api/signing-keys").then().extract().jsonPath()
                .getString("keys.find { it.keyid == '" + keyId + "' }.public_key_pem");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("manifest");
        java.nio.file.Files.writeString(dir.resolve("payload.b64"), envelope.getString("payload"));
        java.nio.file.Files.writeString(dir.resolve("sig.b64"), envelope.getString("signatures[0].sig"));
        java.nio.file.Files.writeString(dir.resolve("studio.pem"), pem);
        studio.testing.Processes.Result ok = studio.testing.Processes.run(dir, "sh", "-c", ManifestOpensslTest.RECIPE);
        org.junit.jupiter.api.Assertions.assertEquals(0, ok.exitCode(), ok.output());
        org.junit.jupiter.api.Assertions.assertTrue(ok.output().contains("Signature Verified Successfully"), ok.output());
    }

    public static Response release(String tag) {
        return Api.as("auditor").get("/api/releases/" + tag);
    }
}
