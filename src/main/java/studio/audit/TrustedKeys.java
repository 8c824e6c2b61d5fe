package studio.audit;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import studio.signing.Pem;
import studio.signing.SigningKeys;

/**
 * The public keys audit verification trusts: pinned in configuration ({@code studio.audit.trusted-keys}: PEM texts or
 * paths of PEM files, a rotated-out key among them so older checkpoints stay verifiable), or by default the key this
 * instance is configured to sign with. Never the keys in the signing_key table: a key found in the database it
 * vouches for proves nothing, since whoever can write the table can add their own.
 */
@ApplicationScoped
public class TrustedKeys {

    private static final Logger LOG = Logger.getLogger(TrustedKeys.class);

    @ConfigProperty(name = "studio.audit.trusted-keys")
    Optional<List<String>> configured;

    @Inject
    SigningKeys signing;

    private volatile Map<String, PublicKey> trusted;

    void onStart(@Observes StartupEvent event) {
        Map<String, PublicKey> keys = byId();
        if (!keys.containsKey(signing.current().keyId())) {
            LOG.warnf("studio.audit.trusted-keys does not hold the key Studio signs checkpoints with (%s): the checkpoints it "
                    + "signs from now on will not verify. Add its public key (GET /api/signing-keys).", signing.current().keyId());
        }
        LOG.infof("audit verification trusts the keys %s", keys.keySet());
    }

    /** The trusted keys by key id ({@link Pem#keyId}). */
    public Map<String, PublicKey> byId() {
        Map<String, PublicKey> known = trusted;
        if (known == null) trusted = known = load();
        return known;
    }

    private Map<String, PublicKey> load() {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        if (configured.isEmpty() || configured.get().stream().allMatch(String::isBlank)) {
            keys.put(signing.current().keyId(), signing.current().publicKey());
            return Map.copyOf(keys);
        }
        for (String entry : configured.get()) {
            if (entry.isBlank()) continue;
            PublicKey key = read(entry.strip());
            keys.put(Pem.keyId(key), key);
        }
        return Map.copyOf(keys);
    }

    /** A PEM text, or the path of a file holding a "PUBLIC KEY" block (a key file with its private key too will do). */
    static PublicKey read(String entry) {
        boolean file = !entry.contains("-----BEGIN");
        String pem = entry;
        if (file) {
            try {
                pem = Files.readString(Path.of(entry));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("studio.audit.trusted-keys: cannot read the key file " + entry + ": " + e.getMessage(), e);
            }
        }
        try {
            return Pem.readPublicKey(pem);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("studio.audit.trusted-keys: " + (file ? entry : "an entry")
                    + " is not an Ed25519 public key in PEM: " + e.getMessage(), e);
        }
    }
}
