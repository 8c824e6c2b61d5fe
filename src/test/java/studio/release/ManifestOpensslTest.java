package studio.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static studio.testing.Processes.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.release.document.ReleaseManifest;
import studio.signing.DsseEnvelope;
import studio.signing.SigningKey;
import studio.testing.Processes.Result;

/**
 * An auditor verifies a release manifest with nothing but the public key, coreutils and openssl: the recipe in
 * {@link ReleaseManifest}'s documentation, run as written.
 */
class ManifestOpensslTest {

    /** The recipe in ReleaseManifest's documentation; run in a directory holding payload.b64, sig.b64 and studio.pem. */
    static final String RECIPE = """
            set -e
            base64 -d payload.b64 > payload.json; base64 -d sig.b64 > sig.bin
            t=application/vnd.in-toto+json
            printf 'DSSEv1 %d %s %d ' ${#t} "$t" $(( $(wc -c < payload.json) )) > pae.bin; cat payload.json >> pae.bin
            openssl pkeyutl -verify -pubin -inkey studio.pem -rawin -in pae.bin -sigfile sig.bin
            """;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsTools() {
        assumeTrue(run(Path.of("."), "sh", "-c", "openssl version && base64 --version && wc --version").exitCode() == 0,
                "openssl, base64 and wc are not all on PATH");
    }

    @Test
    void opensslVerifiesTheManifestByTheDocumentedRecipe() throws IOException {
        SigningKey key = SigningKey.generate();
        DsseEnvelope envelope = ReleaseManifest.of(ReleaseFixture.completed()).sign(key);
        write(envelope, key);
        Result ok = run(dir, "sh", "-c", RECIPE);
        assertEquals(0, ok.exitCode(), ok.output());
        assertTrue(ok.output().contains("Signature Verified Successfully"), ok.output());
    }

    @Test
    void opensslRefusesAManifestWithOneChangedByte() throws IOException {
        SigningKey key = SigningKey.generate();
        DsseEnvelope envelope = ReleaseManifest.of(ReleaseFixture.completed()).sign(key);
        String json = new String(envelope.payloadBytes(), StandardCharsets.UTF_8);
        String edited = json.replace("\"qa_coverage\":91.3", "\"qa_coverage\":99.3");
        assertNotEquals(json, edited);
        write(new DsseEnvelope(envelope.payloadType(), Base64.getEncoder().encodeToString(edited.getBytes(StandardCharsets.UTF_8)),
                envelope.signatures()), key);
        Result refused = run(dir, "sh", "-c", RECIPE);
        assertNotEquals(0, refused.exitCode(), refused.output());
    }

    @Test
    void opensslRefusesAManifestSignedByAnotherKey() throws IOException {
        DsseEnvelope envelope = ReleaseManifest.of(ReleaseFixture.completed()).sign(SigningKey.generate());
        write(envelope, SigningKey.generate());
        assertNotEquals(0, run(dir, "sh", "-c", RECIPE).exitCode());
    }

    private void write(DsseEnvelope envelope, SigningKey verifyingKey) throws IOException {
        Files.writeString(dir.resolve("payload.b64"), envelope.payload());
        Files.writeString(dir.resolve("sig.b64"), envelope.signatures().get(0).sig());
        Files.writeString(dir.resolve("studio.pem"), verifyingKey.publicPem());
    }
}
