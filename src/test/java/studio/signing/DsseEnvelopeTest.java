package studio.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DsseEnvelopeTest {

    private static final String TYPE = "application/vnd.in-toto+json";
    private static final byte[] STATEMENT = "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"mvp-v1\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    private final SigningKey key = SigningKey.generate();

    @Test
    void paeMatchesTheDssePublishedExample() {
        byte[] pae = Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));
        assertEquals("DSSEv1 29 http://example.com/HelloWorld 11 hello world", new String(pae, StandardCharsets.UTF_8));
    }

    @Test
    void paeCountsBytesNotCharacters() {
        byte[] pae = Dsse.pae("t/\u00e9", "\u00e9\u00e9".getBytes(StandardCharsets.UTF_8));
        assertEquals("DSSEv1 4 t/\u00e9 4 \u00e9\u00e9", new String(pae, StandardCharsets.UTF_8));
    }

    @Test
    void paeOfEmptyTypeAndBody() {
        assertEquals("DSSEv1 0  0 ", new String(Dsse.pae("", new byte[0]), StandardCharsets.US_ASCII));
    }

    @Test
    void signedEnvelopeCarriesTypeBase64PayloadAndKeyId() {
        DsseEnvelope envelope = DsseEnvelope.sign(TYPE, STATEMENT, key);
        assertEquals(TYPE, envelope.payloadType());
        assertArrayEquals(STATEMENT, Base64.getDecoder().decode(envelope.payload()));
        assertEquals(1, envelope.signatures().size());
        assertEquals(key.keyId(), envelope.signatures().get(0).keyid());
        byte[] sig = Base64.getDecoder().decode(envelope.signatures().get(0).sig());
        assertTrue(Ed25519.verify(key.publicKey(), Dsse.pae(TYPE, STATEMENT), sig), "signature is over the PAE");
        assertTrue(envelope.verify(key.publicKey()));
    }

    @Test
    void everyChangedPayloadByteFailsVerification() {
        DsseEnvelope envelope = DsseEnvelope.sign(TYPE, STATEMENT, key);
        for (int i = 0; i < STATEMENT.length; i++) {
            byte[] changed = STATEMENT.clone();
            changed[i] ^= 0x01;
            DsseEnvelope tampered = new DsseEnvelope(TYPE, Base64.getEncoder().encodeToString(changed), envelope.signatures());
            assertFalse(tampered.verify(key.publicKey()), "payload byte " + i);
        }
    }

    @Test
    void everyChangedSignatureByteFailsVerification() {
        DsseEnvelope envelope = DsseEnvelope.sign(TYPE, STATEMENT, key);
        byte[] sig = Base64.getDecoder().decode(envelope.signatures().get(0).sig());
        for (int i = 0; i < sig.length; i++) {
            byte[] changed = sig.clone();
            changed[i] ^= 0x40;
            var s = new DsseEnvelope.Signature(key.keyId(), Base64.getEncoder().encodeToString(changed));
            assertFalse(new DsseEnvelope(TYPE, envelope.payload(), List.of(s)).verify(key.publicKey()), "signature byte " + i);
        }
    }

    @Test
    void changedOrEmptyPayloadTypeFailsVerification() {
        DsseEnvelope envelope = DsseEnvelope.sign(TYPE, STATEMENT, key);
        for (String type : List.of("application/vnd.in-toto+jsoN", "application/json", "", TYPE + " ")) {
            assertFalse(new DsseEnvelope(type, envelope.payload(), envelope.signatures()).verify(key.publicKey()), type);
        }
        assertFalse(new DsseEnvelope(null, envelope.payload(), envelope.signatures()).verify(key.publicKey()));
    }

    @Test
    void anotherKeyOrAMissingSignatureFailsVerification() {
        DsseEnvelope envelope = DsseEnvelope.sign(TYPE, STATEMENT, key);
        assertFalse(envelope.verify(SigningKey.generate().publicKey()));
        assertFalse(new DsseEnvelope(TYPE, envelope.payload(), List.of()).verify(key.publicKey()));
        assertFalse(new DsseEnvelope(TYPE, envelope.payload(), null).verify(key.publicKey()));
    }

    @Test
    void malformedBase64IsAFailedVerificationNotAnException() {
        DsseEnvelope envelope = DsseEnvelope.sign(TYPE, STATEMENT, key);
        assertFalse(new DsseEnvelope(TYPE, "%%%", envelope.signatures()).verify(key.publicKey()));
        var badSig = new DsseEnvelope.Signature(key.keyId(), "%%%");
        assertFalse(new DsseEnvelope(TYPE, envelope.payload(), List.of(badSig)).verify(key.publicKey()));
        var noSig = new DsseEnvelope.Signature(key.keyId(), null);
        assertFalse(new DsseEnvelope(TYPE, envelope.payload(), List.of(noSig)).verify(key.publicKey()));
    }

    @Test
    void aSignatureLabelledWithAnotherKeyIdDoesNotCountForThisKey() {
        DsseEnvelope envelope = DsseEnvelope.sign(TYPE, STATEMENT, key);
        var relabelled = new DsseEnvelope.Signature("ffffffffffffffff", envelope.signatures().get(0).sig());
        assertFalse(new DsseEnvelope(TYPE, envelope.payload(), List.of(relabelled)).verify(key.publicKey()));
        var unlabelled = new DsseEnvelope.Signature("", envelope.signatures().get(0).sig());
        assertTrue(new DsseEnvelope(TYPE, envelope.payload(), List.of(unlabelled)).verify(key.publicKey()));
    }

    @Test
    void countersignedEnvelopeVerifiesWithEitherKeyAndByKeyIdLookup() {
        SigningKey second = SigningKey.generate();
        DsseEnvelope envelope = DsseEnvelope.sign(TYPE, STATEMENT, key).countersign(second);
        assertEquals(2, envelope.signatures().size());
        assertTrue(envelope.verify(key.publicKey()));
        assertTrue(envelope.verify(second.publicKey()));
        assertTrue(envelope.verify(Map.of(second.keyId(), second.publicKey())));
        assertFalse(envelope.verify(Map.of(second.keyId(), key.publicKey())), "a key filed under the wrong id does not verify");
        assertFalse(envelope.verify(Map.of()));
    }

    @Test
    void jsonShapeUsesDsseFieldNamesAndRoundTrips() throws Exception {
        ObjectMapper json = new ObjectMapper();
        DsseEnvelope envelope = DsseEnvelope.sign(TYPE, STATEMENT, key);
        String text = json.writeValueAsString(envelope);
        var tree = json.readTree(text);
        assertEquals(TYPE, tree.get("payloadType").asText());
        assertEquals(envelope.payload(), tree.get("payload").asText());
        assertEquals(key.keyId(), tree.get("signatures").get(0).get("keyid").asText());
        assertTrue(tree.get("signatures").get(0).has("sig"));
        assertTrue(json.readValue(text, DsseEnvelope.class).verify(key.publicKey()));
    }
}
