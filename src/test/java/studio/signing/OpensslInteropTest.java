package studio.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static studio.testing.Processes.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.testing.Processes.Result;

/** Checks that keys and signatures Studio produces are the ones an auditor's openssl accepts, and vice versa. */
class OpensslInteropTest {

    private static final String TYPE = "application/vnd.in-toto+json";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsOpenssl() {
        assumeTrue(run(Path.of("."), "openssl", "version").exitCode() == 0, "openssl is not on PATH");
    }

    @Test
    void opensslAcceptsThePublicKeyPem() throws Exception {
        SigningKey key = SigningKey.generate();
        Path pem = write("key.pem", key.publicPem());
        assertEquals(0, run(dir, "openssl", "pkey", "-pubin", "-in", pem.toString(), "-noout").exitCode());
    }

    @Test
    void opensslAcceptsThePrivateKeyPemAndDerivesTheSamePublicKey() throws Exception {
        SigningKey key = SigningKey.generate();
        Path pem = write("priv.pem", key.privatePem());
        Result pub = run(dir, "openssl", "pkey", "-in", pem.toString(), "-pubout");
        assertEquals(0, pub.exitCode(), pub.output());
        assertEquals(key.publicPem().trim(), pub.output().trim());
    }

    @Test
    void opensslVerifiesTheDsseSignatureOverPae() throws Exception {
        SigningKey key = SigningKey.generate();
        byte[] pae = Dsse.pae(TYPE, "{\"release\":\"mvp-v1\"}".getBytes(StandardCharsets.UTF_8));
        Path pub = write("pub.pem", key.publicPem());
        Path paeFile = write("pae.bin", pae);
        Path sig = write("sig.bin", key.sign(pae));
        Result ok = verify(pub, paeFile, sig);
        assertEquals(0, ok.exitCode(), ok.output());
        assertTrue(ok.output().contains("Signature Verified Successfully"), ok.output());
        pae[pae.length - 2] ^= 1;
        Path tampered = write("tampered.bin", pae);
        assertNotEquals(0, verify(pub, tampered, sig).exitCode(), "openssl must refuse a changed PAE");
    }

    @Test
    void keyIdMatchesSha256OfTheDerOpensslExports() throws Exception {
        SigningKey key = SigningKey.generate();
        Path pem = write("key.pem", key.publicPem());
        Path der = dir.resolve("key.der");
        assertEquals(0, run(dir, "openssl", "pkey", "-pubin", "-in", pem.toString(), "-outform", "DER", "-out", der.toString()).exitCode());
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(der)));
        assertEquals(digest.substring(0, 16), key.keyId());
    }

    @Test
    void studioReadsOpensslGeneratedKeysAndVerifiesOpensslSignatures() throws Exception {
        Path priv = dir.resolve("ossl.pem");
        assertEquals(0, run(dir, "openssl", "genpkey", "-algorithm", "ed25519", "-out", priv.toString()).exitCode());
        Result pub = run(dir, "openssl", "pkey", "-in", priv.toString(), "-pubout");
        SigningKey key = SigningKey.fromPem(Files.readString(priv), pub.output());
        byte[] pae = Dsse.pae(TYPE, "{}".getBytes(StandardCharsets.UTF_8));
        Path paeFile = write("pae.bin", pae);
        Path sig = dir.resolve("ossl.sig");
        Result signed = run(dir, "openssl", "pkeyutl", "-sign", "-inkey", priv.toString(), "-rawin", "-in", paeFile.toString(), "-out", sig.toString());
        assertEquals(0, signed.exitCode(), signed.output());
        assertTrue(Ed25519.verify(key.publicKey(), pae, Files.readAllBytes(sig)));
    }

    private Result verify(Path pub, Path data, Path sig) {
        return run(dir, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pub.toString(), "-rawin",
                "-in", data.toString(), "-sigfile", sig.toString());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
