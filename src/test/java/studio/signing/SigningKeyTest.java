package studio.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.signing.SigningTestKeys.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    @Test
    void signsRfc8032Test1EmptyMessageExactly() {
        SigningKey key = SigningKey.fromPem(privatePem(TEST1_SECRET), publicPem(TEST1_PUBLIC));
        assertArrayEquals(hex(TEST1_SIG_EMPTY), key.sign(new byte[0]));
    }

    @Test
    void signsRfc8032Test2OneByteMessageExactly() {
        SigningKey key = SigningKey.fromPem(privatePem(TEST2_SECRET), publicPem(TEST2_PUBLIC));
        assertArrayEquals(hex(TEST2_SIG_72), key.sign(hex("72")));
    }

    @Test
    void verifiesRfc8032SignatureAndRejectsItForAnotherMessage() {
        var publicKey = Pem.readPublicKey(publicPem(TEST2_PUBLIC));
        assertTrue(Ed25519.verify(publicKey, hex("72"), hex(TEST2_SIG_72)));
        assertFalse(Ed25519.verify(publicKey, hex("73"), hex(TEST2_SIG_72)));
    }

    @Test
    void rawVerifyIsFalseForMalformedInputsNotAnException() {
        SigningKey key = SigningKey.generate();
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        assertFalse(Ed25519.verify(key.publicKey(), message, new byte[3]));
        assertFalse(Ed25519.verify(key.publicKey(), message, new byte[64]));
        assertFalse(Ed25519.verify(key.publicKey(), message, null));
        assertFalse(Ed25519.verify(null, message, key.sign(message)));
    }

    @Test
    void generatedKeySignaturesVerifyOnlyWithItsOwnPublicKey() {
        SigningKey a = SigningKey.generate();
        SigningKey b = SigningKey.generate();
        byte[] message = "release mvp-v1".getBytes(StandardCharsets.UTF_8);
        byte[] sig = a.sign(message);
        assertEquals(64, sig.length);
        assertTrue(Ed25519.verify(a.publicKey(), message, sig));
        assertFalse(Ed25519.verify(b.publicKey(), message, sig));
    }

    @Test
    void keyIdIsFirst16HexOfSha256OverPublicKeyDer() throws Exception {
        var publicKey = Pem.readPublicKey(publicPem(TEST1_PUBLIC));
        byte[] der = hex("302a300506032b6570032100" + TEST1_PUBLIC);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)).substring(0, 16);
        assertEquals(expected, Pem.keyId(publicKey));
        assertTrue(expected.matches("[0-9a-f]{16}"));
    }

    @Test
    void differentKeysHaveDifferentIds() {
        assertNotEquals(SigningKey.generate().keyId(), SigningKey.generate().keyId());
    }

    @Test
    void pemRoundTripKeepsBothKeys() {
        SigningKey key = SigningKey.generate();
        SigningKey back = SigningKey.fromPem(key.privatePem(), key.publicPem());
        assertEquals(key.keyId(), back.keyId());
        assertArrayEquals(key.publicKey().getEncoded(), back.publicKey().getEncoded());
        assertArrayEquals(key.privateKey().getEncoded(), back.privateKey().getEncoded());
        byte[] message = {1, 2, 3};
        assertTrue(Ed25519.verify(key.publicKey(), message, back.sign(message)));
    }

    @Test
    void pemHasStandardLabelsAndLineLength() {
        SigningKey key = SigningKey.generate();
        String pub = key.publicPem();
        String priv = key.privatePem();
        assertTrue(pub.startsWith("-----BEGIN PUBLIC KEY-----\n"), pub);
        assertTrue(pub.endsWith("-----END PUBLIC KEY-----\n"), pub);
        assertTrue(priv.startsWith("-----BEGIN PRIVATE KEY-----\n"), priv);
        assertTrue(priv.endsWith("-----END PRIVATE KEY-----\n"), priv);
        assertTrue(pub.lines().allMatch(l -> l.length() <= 64));
    }

    @Test
    void pemReaderToleratesSurroundingTextAndCrLf() {
        String pem = "key for ci\r\n" + publicPem(TEST1_PUBLIC).replace("\n", "\r\n") + "trailer";
        assertEquals(Pem.keyId(Pem.readPublicKey(publicPem(TEST1_PUBLIC))), Pem.keyId(Pem.readPublicKey(pem)));
    }

    @Test
    void pemReaderRefusesWrongLabelBadBase64AndGarbage() {
        String privatePem = privatePem(TEST1_SECRET);
        assertThrows(IllegalArgumentException.class, () -> Pem.readPublicKey(privatePem));
        assertThrows(IllegalArgumentException.class, () -> Pem.readPrivateKey(publicPem(TEST1_PUBLIC)));
        assertThrows(IllegalArgumentException.class,
                () -> Pem.readPublicKey("-----BEGIN PUBLIC KEY-----\n@@@\n-----END PUBLIC KEY-----\n"));
        assertThrows(IllegalArgumentException.class,
                () -> Pem.readPublicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"));
        assertThrows(IllegalArgumentException.class, () -> Pem.readPublicKey("not a pem"));
        assertThrows(IllegalArgumentException.class, () -> Pem.readPublicKey(null));
    }

    @Test
    void refusesMismatchedPairAndWrongKeyId() {
        SigningKey a = SigningKey.generate();
        SigningKey b = SigningKey.generate();
        IllegalArgumentException pair = assertThrows(IllegalArgumentException.class, () -> SigningKey.of(a.privateKey(), b.publicKey()));
        assertTrue(pair.getMessage().contains("does not belong"), pair.getMessage());
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
                () -> new SigningKey("0000000000000000", a.privateKey(), a.publicKey()));
        assertTrue(id.getMessage().contains(a.keyId()), id.getMessage());
        assertEquals(a.keyId(), new SigningKey(a.keyId(), a.privateKey(), a.publicKey()).keyId());
    }

    @Test
    void toStringNeverShowsThePrivateKey() {
        SigningKey key = SigningKey.generate();
        assertEquals("SigningKey[" + key.keyId() + "]", key.toString());
    }
}
