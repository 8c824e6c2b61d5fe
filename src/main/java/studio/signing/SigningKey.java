package studio.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;

/**
 * An Ed25519 key pair Studio signs with (release manifests, audit checkpoints), named by its {@link #keyId()}
 * (see {@link Pem#keyId}). Uses the JDK's own "Ed25519" provider only. The constructor refuses a key id that does
 * not name the public key and a private key that does not belong to it, so a misconfigured pair fails at start-up
 * rather than producing signatures nobody can verify.
 */
public record SigningKey(String keyId, PrivateKey privateKey, PublicKey publicKey) {

    private static final byte[] PAIR_PROBE = "studio key pair check".getBytes(StandardCharsets.US_ASCII);

    public SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        String derived = Pem.keyId(publicKey);
        if (keyId != null && !keyId.equals(derived)) {
            throw new IllegalArgumentException("key id " + keyId + " does not name this public key (its id is " + derived + ")");
        }
        keyId = derived;
        if (!pairMatches(privateKey, publicKey)) {
            throw new IllegalArgumentException("the private key does not belong to public key " + derived);
        }
    }

    public static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(Ed25519.ALGORITHM).generateKeyPair();
            return of(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate Ed25519 keys", e);
        }
    }

    public static SigningKey of(PrivateKey privateKey, PublicKey publicKey) {
        return new SigningKey(null, privateKey, publicKey);
    }

    /** Reads a key pair from its two PEM texts (PKCS#8 "PRIVATE KEY" and SubjectPublicKeyInfo "PUBLIC KEY"). */
    public static SigningKey fromPem(String privatePem, String publicPem) {
        return of(Pem.readPrivateKey(privatePem), Pem.readPublicKey(publicPem));
    }

    /** The raw 64-byte Ed25519 signature over {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            return rawSign(privateKey, message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with key " + keyId + " failed", e);
        }
    }

    public String publicPem() {
        return Pem.writePublicKey(publicKey);
    }

    public String privatePem() {
        return Pem.writePrivateKey(privateKey);
    }

    /** Never prints the private key (a record's default toString would put it in logs). */
    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]";
    }

    private static byte[] rawSign(PrivateKey key, byte[] message) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(Ed25519.ALGORITHM);
        signature.initSign(key);
        signature.update(message);
        return signature.sign();
    }

    private static boolean pairMatches(PrivateKey privateKey, PublicKey publicKey) {
        try {
            return Ed25519.verify(publicKey, PAIR_PROBE, rawSign(privateKey, PAIR_PROBE));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
