package studio.signing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.audit.TestIdentities.asTestIdentity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.audit.TestIdentities;
import studio.governance.Roles;

/** GET /api/signing-keys: every public key Studio signs or signed with, as PEM an outsider can verify with. */
@QuarkusTest
@TestSecurity(user = "ci-bot", roles = Roles.CI)
class SigningKeysApiTest {

    @Inject
    SigningKeys signingKeys;

    @Inject
    EntityManager em;

    @Test
    void theCurrentKeyIsPublishedAsPemUnderItsKeyId() {
        Map<String, String> key = keys().stream()
                .filter(k -> k.get("keyid").equals(signingKeys.current().keyId())).findFirst().orElseThrow();
        byte[] message = "a release manifest".getBytes(StandardCharsets.UTF_8);
        assertAll(
                () -> assertEquals("Ed25519", key.get("algorithm")),
                () -> assertEquals(key.get("keyid"), Pem.keyId(Pem.readPublicKey(key.get("public_key_pem")))),
                () -> assertTrue(Ed25519.verify(Pem.readPublicKey(key.get("public_key_pem")), message,
                        signingKeys.current().sign(message))));
    }

    @Test
    void aKeyUsedBeforeARotationStaysPublished() {
        SigningKey retired = SigningKey.generate();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "insert into signing_key (key_id, public_pem, created_at) values (?1, ?2, ?3)")
                .setParameter(1, retired.keyId()).setParameter(2, retired.publicPem())
                .setParameter(3, Instant.now()).executeUpdate());
        List<Map<String, String>> keys = keys();
        Map<String, String> published = keys.stream().filter(k -> k.get("keyid").equals(retired.keyId())).findFirst().orElseThrow();
        assertEquals(retired.publicPem(), published.get("public_key_pem"));
        assertTrue(keys.stream().anyMatch(k -> k.get("keyid").equals(signingKeys.current().keyId())));
        assertEquals(keys.size(), keys.stream().map(k -> k.get("keyid")).distinct().count(), "each key once");
    }

    private static List<Map<String, String>> keys() {
        JsonPath body = asTestIdentity().when().get("/api/signing-keys")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
        return body.getList("keys");
    }
}
