package studio.signing;

import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A DSSE envelope as served by the release manifest endpoint: {@code payloadType}, base64 {@code payload},
 * {@code signatures:[{keyid, sig}]} with base64 raw Ed25519 signatures over {@link Dsse#pae}. Component names are
 * the JSON field names, so Jackson reads and writes it as is.
 */
public record DsseEnvelope(String payloadType, String payload, List<Signature> signatures) {

    public record Signature(String keyid, String sig) {}

    public DsseEnvelope {
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
    }

    public static DsseEnvelope sign(String payloadType, byte[] payload, SigningKey key) {
        byte[] sig = key.sign(Dsse.pae(payloadType, payload));
        Base64.Encoder b64 = Base64.getEncoder();
        return new DsseEnvelope(payloadType, b64.encodeToString(payload), List.of(new Signature(key.keyId(), b64.encodeToString(sig))));
    }

    /** This envelope with one more signature by {@code key} (for manifests that need several signers). */
    public DsseEnvelope countersign(SigningKey key) {
        byte[] sig = key.sign(Dsse.pae(payloadType, payloadBytes()));
        List<Signature> all = new java.util.ArrayList<>(signatures);
        all.add(new Signature(key.keyId(), Base64.getEncoder().encodeToString(sig)));
        return new DsseEnvelope(payloadType, payload, all);
    }

    /** The decoded payload; throws IllegalArgumentException when {@code payload} is not base64. */
    public byte[] payloadBytes() {
        return Base64.getDecoder().decode(payload);
    }

    /**
     * True when a signature carrying this key's id (or no key id) verifies with {@code key} over the PAE of the
     * payload type and decoded payload. False for any changed byte, malformed base64 or missing field.
     */
    public boolean verify(PublicKey key) {
        if (key == null) return false;
        String keyId = Pem.keyId(key);
        return verifyEach(s -> appliesTo(s, keyId) ? key : null);
    }

    /**
     * True when at least one signature verifies with the key filed under its key id in {@code keysById}; a key
     * filed under an id that is not its own never counts.
     */
    public boolean verify(Map<String, PublicKey> keysById) {
        return verifyEach(s -> {
            PublicKey key = s == null || s.keyid() == null ? null : keysById.get(s.keyid());
            return key != null && Pem.keyId(key).equals(s.keyid()) ? key : null;
        });
    }

    private boolean verifyEach(Function<Signature, PublicKey> keyFor) {
        byte[] pae = pae();
        if (pae == null) return false;
        return signatures.stream().anyMatch(s -> {
            PublicKey key = keyFor.apply(s);
            return key != null && verifies(key, pae, s.sig());
        });
    }

    /** Null when the envelope is incomplete or its payload is not base64. */
    private byte[] pae() {
        if (payloadType == null || payload == null) return null;
        try {
            return Dsse.pae(payloadType, payloadBytes());
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static boolean appliesTo(Signature s, String keyId) {
        return s != null && (s.keyid() == null || s.keyid().isEmpty() || s.keyid().equals(keyId));
    }

    private static boolean verifies(PublicKey key, byte[] pae, String sigBase64) {
        if (sigBase64 == null) return false;
        try {
            return Ed25519.verify(key, pae, Base64.getDecoder().decode(sigBase64));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
