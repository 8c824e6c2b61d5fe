package studio.signing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * c2sp.org/signed-note, checked against the reference implementation's own example (golang.org/x/mod/sumdb/note): the
 * PeterNeumann key and note. Ed25519 signatures are deterministic, so signing that text with that key must give the
 * published note byte for byte; then any verifier built on Go's note package accepts Studio's checkpoints.
 */
class SignedNoteTest {

    static final String VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    /** The signer key "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz": 0x01, then the seed. */
    static final String SEED_B64 = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    static final String NOTE = TEXT + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    static final SigningKey PETER = peter();

    @Test
    void theReferenceKeyHasTheReferenceKeyIdAndVerifierKey() {
        assertEquals(0xc74f20a3, SignedNote.keyId("PeterNeumann", PETER.publicKey()));
        assertEquals(VKEY, SignedNote.verifierKey("PeterNeumann", PETER.publicKey()));
    }

    @Test
    void signingTheReferenceTextGivesTheReferenceNoteByteForByte() {
        assertEquals(NOTE, SignedNote.sign(TEXT, "PeterNeumann", PETER).format());
    }

    @Test
    void theReferenceNoteParsesAndVerifies() {
        SignedNote note = SignedNote.parse(NOTE);
        assertAll(
                () -> assertEquals(TEXT, note.text()),
                () -> assertEquals(1, note.signatures().size()),
                () -> assertEquals("PeterNeumann", note.signatures().get(0).keyName()),
                () -> assertTrue(note.signedBy(PETER.publicKey())),
                () -> assertEquals(NOTE, note.format()));
    }

    @Test
    void anyChangeToTheTextOrSignatureFailsAndAnotherKeyIsNotTheSigner() {
        assertFalse(SignedNote.parse(NOTE.replace("cryptography", "cryptographY")).signedBy(PETER.publicKey()));
        assertFalse(SignedNote.parse(NOTE.replace("x08go", "x08gp")).signedBy(PETER.publicKey()));
        assertFalse(SignedNote.parse(NOTE).signedBy(SigningKey.generate().publicKey()));
        assertNull(SignedNote.parse(NOTE).lineOf(SigningKey.generate().publicKey()));
    }

    @Test
    void signaturesOfUnknownKeysAreIgnored() {
        SigningKey other = SigningKey.generate();
        String both = NOTE + SignedNote.sign(TEXT, "someone.example/else", other).format().substring(TEXT.length() + 1);
        SignedNote note = SignedNote.parse(both);
        assertEquals(2, note.signatures().size());
        assertTrue(note.signedBy(PETER.publicKey()));
        assertTrue(note.signedBy(other.publicKey()));
    }

    @Test
    void aKeyNameIsPartOfTheKeyId() {
        String renamed = NOTE.replace("\u2014 PeterNeumann", "\u2014 PaulNeumann");
        assertFalse(SignedNote.parse(renamed).signedBy(PETER.publicKey()), "same key and signature, another name: not this key's line");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "no signatures\n",
            "text\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
            "text\n\n- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            "text\n\n\u2014 PeterNeumann not*base64\n",
            "text\n\n\u2014 PeterNeumann AAAA\n",
            "text\n\n\u2014 x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            "te\txt\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"})
    void malformedNotesAreRefusedWithAReason(String note) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SignedNote.parse(note));
        assertFalse(refused.getMessage().isBlank());
    }

    @Test
    void keyNamesWithSpacesOrPlusAreRefused() {
        for (String name : List.of("", "a b", "a+b", "tab\there")) {
            assertThrows(IllegalArgumentException.class, () -> SignedNote.sign(TEXT, name, PETER), name);
        }
        assertThrows(IllegalArgumentException.class, () -> SignedNote.sign("no final newline", "n", PETER));
    }

    /** The reference signer key as a Java key pair: PKCS#8 around the seed, the public key from the verifier key. */
    private static SigningKey peter() {
        byte[] seed = Arrays.copyOfRange(Base64.getDecoder().decode(SEED_B64), 1, 33);
        byte[] pub = Arrays.copyOfRange(Base64.getDecoder().decode(VKEY.substring(VKEY.lastIndexOf('+') + 1)), 1, 33);
        return SigningKey.fromPem(SigningTestKeys.privatePem(HexFormat.of().formatHex(seed)),
                SigningTestKeys.publicPem(HexFormat.of().formatHex(pub)));
    }
}
