package studio.signing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import studio.persistence.Rows;

/**
 * Studio's Ed25519 signing key (audit checkpoints, release manifests). A real deployment passes the private and
 * public PEM in {@code studio.signing.private-key} / {@code studio.signing.public-key} (the same pair on every
 * instance); a local run generates a pair once into {@code studio.signing.key-file} (git-ignored). Every public
 * key ever used is kept in {@code signing_key} so old signatures stay verifiable after a rotation.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    @ConfigProperty(name = "studio.signing.key-file")
    Path keyFile;

    @ConfigProperty(name = "studio.signing.private-key")
    Optional<String> privatePem;

    @ConfigProperty(name = "studio.signing.public-key")
    Optional<String> publicPem;

    @Inject
    EntityManager em;

    private volatile SigningKey current;

    void onStart(@Observes StartupEvent event) {
        current = privatePem.isPresent() && publicPem.isPresent()
                ? SigningKey.fromPem(privatePem.get(), publicPem.get())
                : fromFile();
        QuarkusTransaction.requiringNew().run(this::register);
        LOG.infof("signing with Ed25519 key %s", current.keyId());
    }

    /** The key new signatures are made with. */
    public SigningKey current() {
        return current;
    }

    /** Every public key Studio has signed with, by key id, oldest first. */
    public Map<String, PublicKey> published() {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        Rows.list(em, "select key_id, public_pem from signing_key order by created_at, key_id", r -> r)
                .forEach(r -> keys.put(r.text("key_id"), Pem.readPublicKey(r.text("public_pem"))));
        keys.putIfAbsent(current.keyId(), current.publicKey());
        return keys;
    }

    /** The published keys as PEM text, by key id (for GET /api/signing-keys). */
    public Map<String, String> publishedPem() {
        Map<String, String> pem = new LinkedHashMap<>();
        published().forEach((id, key) -> pem.put(id, Pem.writePublicKey(key)));
        return pem;
    }

    private void register() {
        Rows.update(em, """
                insert into signing_key (key_id, public_pem, created_at) values (?, ?, ?)
                on conflict (key_id) do nothing""", current.keyId(), current.publicPem(), Instant.now());
    }

    private SigningKey fromFile() {
        try {
            if (Files.exists(keyFile)) {
                String text = Files.readString(keyFile);
                int split = text.indexOf("-----BEGIN PUBLIC KEY-----");
                if (split < 0) throw new IllegalStateException(keyFile + " holds no PUBLIC KEY block");
                return SigningKey.fromPem(text.substring(0, split), text.substring(split));
            }
            SigningKey generated = SigningKey.generate();
            Path dir = keyFile.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Files.writeString(keyFile, generated.privatePem() + generated.publicPem());
            trySetOwnerOnly(keyFile);
            LOG.infof("generated a new signing key %s into %s", generated.keyId(), keyFile);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing key file " + keyFile, e);
        }
    }

    private static void trySetOwnerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debugf("could not restrict permissions of %s: %s", file, e.getMessage());
        }
    }
}
