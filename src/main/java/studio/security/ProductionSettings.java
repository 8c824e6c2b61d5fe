package studio.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start under the {@code prod} profile with demo settings ({@link ProductionChecks}), before anything else
 * Studio does at start (loading demo data, generating a signing key) and before the HTTP port opens. The demo stack
 * (`./studio run`, docker compose, the benchmark and the packaged-app tests) runs under the {@code demo} profile.
 */
@ApplicationScoped
public class ProductionSettings {

    static final String SHIPPED = "application.properties";
    /** The ordinal of application.properties inside the application (config/application.properties outside is 260). */
    static final int CLASSPATH_ORDINAL = 250;

    void check(@Observes @Priority(1) StartupEvent event) {
        if (!ConfigUtils.getProfiles().contains("prod")) return;
        Config config = ConfigProvider.getConfig();
        var problems = new java.util.ArrayList<>(checks(config).problems());
        String owner = value(config, "quarkus.flyway.password").orElse(null);
        if (owner != null && demo(config, "quarkus.flyway.password", "studio").contains(owner)) {
            problems.add("quarkus.flyway.password (QUARKUS_FLYWAY_PASSWORD) is the demo password of the schema owner, who can rewrite "
                    + "the audit tables: set the password of the database user that owns Studio's schema");
        }
        if (value(config, "studio.directory.client-id").isPresent()
                && demo(config, "studio.directory.client-secret", "studio-directory-secret").contains(value(config, "studio.directory.client-secret").orElse(""))) {
            problems.add("studio.directory.client-secret (STUDIO_DIRECTORY_CLIENT_SECRET) is the demo realm's directory-client secret: set the "
                    + "secret of the service account Studio reads your directory with, or unset studio.directory.client-id (STUDIO_DIRECTORY_CLIENT_ID)");
        }
        if (value(config, "studio.notifications.link-key").orElse("studio-demo-link-key-change-me").equals("studio-demo-link-key-change-me")) {
            problems.add("studio.notifications.link-key (STUDIO_NOTIFICATIONS_LINK_KEY) is not set: set a random secret, it signs the "
                    + "unsubscribe links in emails");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Studio will not start in production with demo settings:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    static ProductionChecks checks(Config config) {
        String keyFile = value(config, "studio.signing.key-file").orElse(null);
        return new ProductionChecks(value(config, "quarkus.oidc.credentials.secret").orElse(null),
                demo(config, "quarkus.oidc.credentials.secret", "studio-web-secret"),
                value(config, "quarkus.datasource.password").orElse(null),
                demo(config, "quarkus.datasource.password", "studio"),
                config.getOptionalValue("studio.demo.enabled", Boolean.class).orElse(false),
                value(config, "studio.signing.private-key").isPresent() && value(config, "studio.signing.public-key").isPresent(),
                keyFile, shipped(config, "studio.signing.key-file").orElse(null), keyFile != null && Files.isRegularFile(Path.of(keyFile)));
    }

    private static Optional<String> value(Config config, String key) {
        return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
    }

    /** The demo value of {@code key}: the well-known one and whatever the repository's application.properties ships. */
    private static Set<String> demo(Config config, String key, String known) {
        Set<String> values = new HashSet<>(Set.of(known));
        shipped(config, key).ifPresent(values::add);
        return values;
    }

    private static Optional<String> shipped(Config config, String key) {
        return StreamSupport.stream(config.getConfigSources().spliterator(), false)
                .filter(s -> s.getOrdinal() == CLASSPATH_ORDINAL && s.getName() != null && s.getName().contains(SHIPPED))
                .map(s -> s.getValue(key)).filter(v -> v != null && !v.contains("${")).findFirst();
    }
}
