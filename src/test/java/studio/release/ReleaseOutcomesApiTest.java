package studio.release;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.release.Releasing.*;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/** What CI reports do to a release (and its milestone), rollback and retry, and the signed manifest. */
@QuarkusTest
class ReleaseOutcomesApiTest {

    @BeforeEach
    void clean() {
        TestDb.reset();
        Releasing.anyEnvironmentFirst();
    }

    @Test
    void aFailedReleaseIsRetriedFailsAgainAndIsRolledBackByAProductOwnerOnly() {
        reached("m1", "versionTag: v2.0.0");
        promote("product-owner", "m1", "staging").then().statusCode(201);
        report("ReleaseFailed", "v2.0.0", ",\"reason\":\"Docker tag push failure\"").then().statusCode(201);
        release("v2.0.0").then().body("status", equalTo("failed")).body("reason", containsString("Docker tag push failure"));
        report("ReleaseFailed", "v2.0.0", ",\"reason\":\"again\"").then().statusCode(201);
        release("v2.0.0").then().body("status", equalTo("failed")).body("reason", containsString("Docker tag push failure"));

        Api.as("qa-lead").post("/api/releases/v2.0.0/retry").then().statusCode(403);
        Api.as("product-owner").post("/api/releases/v2.0.0/retry").then().statusCode(200).body("status", equalTo("deploying"));
        report("ReleaseFailed", "v2.0.0", ",\"reason\":\"canary errors\"").then().statusCode(201);

        Api.as("product-owner").contentType("application/json").body("{}").post("/api/releases/v2.0.0/rollback").then().statusCode(400);
        Api.as("ci").contentType("application/json").body("{\"reason\":\"x\"}").post("/api/releases/v2.0.0/rollback").then().statusCode(403);
        Api.as("platform-admin").contentType("application/json").body("{\"reason\":\"Canary error budget exhausted\"}")
                .post("/api/releases/v2.0.0/rollback").then().statusCode(200).body("status", equalTo("rolled_back"));
        Api.as("product-owner").post("/api/releases/v2.0.0/retry").then().statusCode(409);
        report("ReleaseCompleted", "v2.0.0", "").then().statusCode(409);
        Api.milestone("m1").then().body("status", equalTo("reached"));
        java.util.List<String> types = Api.as("auditor").queryParam("release", "v2.0.0").get("/api/audit").then().extract().path("events.type");
        assertEquals(java.util.List.of("ReleaseRolledBack", "ReleaseFailed", "DeploymentStarted", "ReleaseTriggered", "ReleaseTagging", "ReleaseFailed",
                "DeploymentStarted", "ReleaseTriggered", "ReleaseTagging", "ReleaseRequested"), types);
    }

    @Test
    void completionClosesTheMilestoneRepeatsChangeNothingAndUnknownReleasesAreRefused() {
        reached("m1", "versionTag: v2.0.0");
        promote("product-owner", "m1", "staging").then().statusCode(201);
        report("ReleaseCompleted", "v2.0.0", ",\"timestamp\":\"2025-05-14T17:12:00Z\"").then().statusCode(201);
        release("v2.0.0").then().body("status", equalTo("completed")).body("released_at", equalTo("2025-05-14T17:12:00Z"));
        Api.milestone("m1").then().body("status", equalTo("closed"));
        long events = TestDb.count("select count(*) from audit_event");
        Api.event("{\"event\":\"ReleaseCompleted\",\"milestoneId\":\"m1\"}").then().statusCode(201);
        release("v2.0.0").then().body("status", equalTo("completed")).body("released_at", equalTo("2025-05-14T17:12:00Z"));
        assertEquals(0, TestDb.count("select count(*) from audit_event where seq > " + events + " and type <> 'ReleaseCompleted'"));
        report("ReleaseFailed", "v2.0.0", "").then().statusCode(409).body("errors[0].message", containsString("roll it back instead"));
        long evidence = TestDb.count("select count(*) from evidence");
        report("ReleaseCompleted", "v9.9.9", "").then().statusCode(404);
        Api.event("{\"event\":\"ReleaseCompleted\",\"versionTag\":\"v2.0.0\",\"milestoneId\":\"other\"}").then().statusCode(404);
        assertEquals(evidence, TestDb.count("select count(*) from evidence"));
        Api.as("auditor").get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void theManifestVerifiesWithThePublishedKeyUsingOnlyTheJdkAndNotAfterAOneByteChange() throws Exception {
        reached("m1", "versionTag: v2.0.0");
        promote("platform-admin", "m1", "production").then().statusCode(201);
        Api.as("auditor").get("/api/releases/v2.0.0/manifest").then().statusCode(409);
        decide("product-owner", "v2.0.0", "approve", "Scope delivered").then().statusCode(200);
        decide("compliance-officer", "v2.0.0", "approve", "Evidence complete").then().statusCode(200);
        report("ReleaseCompleted", "v2.0.0", "").then().statusCode(201);

        var envelope = Api.as("auditor").get("/api/releases/v2.0.0/manifest").then().statusCode(200)
                .body("payloadType", equalTo("application/vnd.in-toto+json")).body("signatures[0].keyid", notNullValue()).extract().jsonPath();
        String keyId = envelope.getString("signatures[0].keyid");
        String pem = Api.as("auditor").get("/api/signing-keys").then().statusCode(200).extract().jsonPath()
                .getString("keys.find { it.keyid == '" + keyId + "' }.public_key_pem");
        byte[] payload = Base64.getDecoder().decode(envelope.getString("payload"));
        byte[] sig = Base64.getDecoder().decode(envelope.getString("signatures[0].sig"));
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""))));
        assertTrue(verifies(key, payload, sig));
        String statement = new String(payload, StandardCharsets.UTF_8);
        assertTrue(statement.contains("\"approver\":\"compliance-officer\""), statement);
        assertTrue(statement.contains("\"condition\":\"securityValidated\""), statement);
        payload[payload.length / 2] ^= 1;
        assertFalse(verifies(key, payload, sig));
    }

    /** DSSE: Ed25519 over "DSSEv1 len(type) type len(payload) payload". */
    static boolean verifies(PublicKey key, byte[] payload, byte[] sig) throws Exception {
        String type = "application/vnd.in-toto+json";
        byte[] head = ("DSSEv1 " + type.length() + " " + type + " " + payload.length + " ").getBytes(StandardCharsets.UTF_8);
        byte[] pae = new byte[head.length + payload.length];
        System.arraycopy(head, 0, pae, 0, head.length);
        System.arraycopy(payload, 0, pae, head.length, payload.length);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(pae);
        return verifier.verify(sig);
    }
}
