package studio.signing;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/** Verification of raw Ed25519 signatures; false for anything that is not a valid signature, never an exception. */
public final class Ed25519 {

    static final String ALGORITHM = "Ed25519";

    private Ed25519() {}

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (key == null || message == null || signature == null) return false;
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // A malformed signature or a key of another algorithm is simply not a valid signature.
            return false;
        }
    }
}
