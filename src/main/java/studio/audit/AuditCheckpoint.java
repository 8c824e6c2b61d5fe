package studio.audit;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import studio.signing.Dsse;
import studio.signing.DsseEnvelope;
import studio.signing.Ed25519;
import studio.signing.Pem;
import studio.signing.SigningKey;

/**
 * A signed statement "the chain's hash after row {@code seq} was {@code headHash}". Without checkpoints, deleting
 * the newest rows or rewriting a row together with every later one leaves a chain that is consistent in itself.
 *
 * <p>The signature is a raw Ed25519 signature (base64) over the DSSE pre-authentication encoding of
 * {@link #PAYLOAD_TYPE} and {@link #payload()}: the canonical JSON {@code {"head":..,"seq":..,"signed_at":..}}
 * (keys sorted, no whitespace, signed_at as {@link AuditHasher#instant}). {@link #envelope()} gives the same
 * signature as a DSSE envelope for offline verification with standard tools.
 */
public record AuditCheckpoint(long seq, String headHash, Instant signedAt, String keyId, String signature) {

    public static final String PAYLOAD_TYPE = "application/vnd.studio.audit-checkpoint+json";

    public static AuditCheckpoint sign(long seq, String headHash, Instant signedAt, SigningKey key) {
        Instant at = signedAt.truncatedTo(ChronoUnit.MICROS);
        AuditCheckpoint unsigned = new AuditCheckpoint(seq, headHash, at, key.keyId(), null);
        byte[] sig = key.sign(unsigned.signedBytes());
        return new AuditCheckpoint(seq, headHash, at, key.keyId(), Base64.getEncoder().encodeToString(sig));
    }

    /** The canonical JSON statement that is signed. */
    public byte[] payload() {
        StringBuilder json = new StringBuilder("{\"head\":");
        CanonicalJson.writeString(headHash, json);
        json.append(",\"seq\":").append(seq).append(",\"signed_at\":");
        CanonicalJson.writeString(signedAt == null ? null : AuditHasher.instant(signedAt), json);
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The exact bytes the signature covers: DSSE PAE of {@link #PAYLOAD_TYPE} and {@link #payload()}. */
    public byte[] signedBytes() {
        return Dsse.pae(PAYLOAD_TYPE, payload());
    }

    /** True when {@code key} is the key named by {@link #keyId()} and the signature verifies with it. */
    public boolean signedBy(PublicKey key) {
        if (key == null || signature == null || keyId == null || !keyId.equals(Pem.keyId(key))) return false;
        try {
            return Ed25519.verify(key, signedBytes(), Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    public DsseEnvelope envelope() {
        String payload = Base64.getEncoder().encodeToString(payload());
        return new DsseEnvelope(PAYLOAD_TYPE, payload, List.of(new DsseEnvelope.Signature(keyId, signature)));
    }
}
