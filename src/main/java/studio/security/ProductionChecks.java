package studio.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a production Studio must not run with: the demo realm's web-client secret (it also encrypts the session
 * cookie, so anyone with the repository could forge sessions), the demo database password, demo data, or a signing key
 * Studio generated for itself (nobody outside holds or pinned it). Each problem names the setting to provide.
 *
 * @param webClientSecret        quarkus.oidc.credentials.secret
 * @param demoWebClientSecrets   the values the repository ships for it
 * @param databasePassword       quarkus.datasource.password (null when none is set)
 * @param demoDatabasePasswords  the values the repository ships for it
 * @param demoEnabled            studio.demo.enabled
 * @param signingKeyConfigured   studio.signing.private-key and studio.signing.public-key are both set
 * @param keyFile                studio.signing.key-file as configured
 * @param shippedKeyFile         the key file path the repository ships (where ./studio run keeps its generated key)
 * @param keyFileExists          whether {@code keyFile} exists before Studio would generate one
 */
public record ProductionChecks(String webClientSecret, Set<String> demoWebClientSecrets, String databasePassword,
                               Set<String> demoDatabasePasswords, boolean demoEnabled, boolean signingKeyConfigured,
                               String keyFile, String shippedKeyFile, boolean keyFileExists) {

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (webClientSecret == null || webClientSecret.isBlank() || demoWebClientSecrets.contains(webClientSecret)) {
            problems.add("quarkus.oidc.credentials.secret (QUARKUS_OIDC_CREDENTIALS_SECRET) is the demo realm's web-client secret, "
                    + "which also encrypts session cookies: set the secret your identity provider issued for Studio's web client");
        }
        if (databasePassword != null && demoDatabasePasswords.contains(databasePassword)) {
            problems.add("quarkus.datasource.password (QUARKUS_DATASOURCE_PASSWORD) is the demo database password: "
                    + "set the password of Studio's own database user");
        }
        if (demoEnabled) {
            problems.add("studio.demo.enabled (STUDIO_DEMO_ENABLED) is true: a production Studio never loads demo data; set it to false");
        }
        if (!signingKeyConfigured && (keyFile == null || keyFile.equals(shippedKeyFile) || !keyFileExists)) {
            problems.add("no signing key of your own: set STUDIO_SIGNING_PRIVATE_KEY and STUDIO_SIGNING_PUBLIC_KEY "
                    + "(studio.signing.private-key / public-key, PEM Ed25519), or STUDIO_SIGNING_KEY_FILE (studio.signing.key-file) "
                    + "to an existing key file you created; Studio does not sign audit checkpoints and releases in production "
                    + "with a key it generated for itself");
        }
        return problems;
    }
}
