package studio.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import studio.signing.Dsse;
import studio.signing.SigningKey;

class AuditCheckpointTest {

    private static final SigningKey KEY = SigningKey.generate();
    private static final String HEAD = "ab".repeat(32);

    @Test
    void payloadIsCanonicalJsonOfHeadSeqAndSignedAt() {
        AuditCheckpoint cp = AuditCheckpoint.sign(42, HEAD, Instant.parse("2025-05-15T10:00:00.123456789Z"), KEY);
        assertEquals("{\"head\":\"" + HEAD + "\",\"seq\":42,\"signed_at\":\"2025-05-15T10:00:00.123456Z\"}",
                new String(cp.payload(), StandardCharsets.UTF_8));
        assertEquals(Instant.parse("2025-05-15T10:00:00.123456Z"), cp.signedAt(), "kept at the precision the database stores");
    }

    @Test
    void signatureCoversThePaeOfTheCheckpointType() {
        AuditCheckpoint cp = AuditCheckpoint.sign(1, HEAD, Instant.EPOCH, KEY);
        assertEquals(new String(Dsse.pae(AuditCheckpoint.PAYLOAD_TYPE, cp.payload()), StandardCharsets.UTF_8),
                new String(cp.signedBytes(), StandardCharsets.UTF_8));
        assertTrue(cp.signedBy(KEY.publicKey()));
        assertEquals(KEY.keyId(), cp.keyId());
    }

    @Test
    void anyChangedFieldInvalidatesTheSignature() {
        AuditCheckpoint cp = AuditCheckpoint.sign(7, HEAD, Instant.EPOCH, KEY);
        assertFalse(new AuditCheckpoint(8, HEAD, Instant.EPOCH, cp.keyId(), cp.signature()).signedBy(KEY.publicKey()));
        assertFalse(new AuditCheckpoint(7, "cd".repeat(32), Instant.EPOCH, cp.keyId(), cp.signature()).signedBy(KEY.publicKey()));
        assertFalse(new AuditCheckpoint(7, HEAD, Instant.EPOCH.plusNanos(1000), cp.keyId(), cp.signature()).signedBy(KEY.publicKey()));
        assertFalse(new AuditCheckpoint(7, HEAD, Instant.EPOCH, "0123456789abcdef", cp.signature()).signedBy(KEY.publicKey()));
        assertFalse(new AuditCheckpoint(7, HEAD, Instant.EPOCH, cp.keyId(), null).signedBy(KEY.publicKey()));
        assertFalse(new AuditCheckpoint(7, HEAD, Instant.EPOCH, cp.keyId(), "***").signedBy(KEY.publicKey()));
        assertFalse(cp.signedBy(SigningKey.generate().publicKey()));
    }

    @Test
    void envelopeVerifiesWithStandardDsseVerification() {
        AuditCheckpoint cp = AuditCheckpoint.sign(3, HEAD, Instant.EPOCH, KEY);
        var envelope = cp.envelope();
        assertEquals(AuditCheckpoint.PAYLOAD_TYPE, envelope.payloadType());
        assertTrue(envelope.verify(KEY.publicKey()));
        assertEquals(new String(cp.payload(), StandardCharsets.UTF_8), new String(envelope.payloadBytes(), StandardCharsets.UTF_8));
    }
}
