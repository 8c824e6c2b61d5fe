package studio.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * PEM for Ed25519 keys in the encodings openssl uses: public keys as SubjectPublicKeyInfo ("PUBLIC KEY"),
 * private keys as PKCS#8 ("PRIVATE KEY"), base64 wrapped at 64 columns.
 */
public final class Pem {

    private static final String PUBLIC = "PUBLIC KEY";
    private static final String PRIVATE = "PRIVATE KEY";

    private Pem() {}

    public static String writePublicKey(PublicKey key) {
        return write(PUBLIC, key.getEncoded());
    }

    public static String writePrivateKey(PrivateKey key) {
        return write(PRIVATE, key.getEncoded());
    }

    /** @throws IllegalArgumentException when the text is not an Ed25519 "PUBLIC KEY" PEM */
    public static PublicKey readPublicKey(String pem) {
        try {
            return keyFactory().generatePublic(new X509EncodedKeySpec(read(PUBLIC, pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException when the text is not an Ed25519 PKCS#8 "PRIVATE KEY" PEM */
    public static PrivateKey readPrivateKey(String pem) {
        try {
            return keyFactory().generatePrivate(new PKCS8EncodedKeySpec(read(PRIVATE, pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + e.getMessage(), e);
        }
    }

    /** First 16 lowercase hex characters of SHA-256 over the public key's SubjectPublicKeyInfo DER. */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String write(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] read(String label, String pem) {
        if (pem == null) throw new IllegalArgumentException("no PEM text");
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) throw new IllegalArgumentException("expected a PEM block labelled '" + label + "'");
        String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + label + " PEM block is not valid base64", e);
        }
    }

    private static KeyFactory keyFactory() throws NoSuchAlgorithmException {
        return KeyFactory.getInstance(Ed25519.ALGORITHM);
    }
}
