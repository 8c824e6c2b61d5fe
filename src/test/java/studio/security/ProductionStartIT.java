package studio.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.testing.PackagedStudio;
import studio.testing.ScratchDatabases;

/**
 * The packaged application under the prod profile with the repository's demo settings (the demo realm's web-client
 * secret, the demo database password, demo data, no signing key of the operator's) refuses to start, names every
 * setting to provide, and does nothing first: no demo data, no self-made key, no open port.
 */
class ProductionStartIT {

    @Test
    void aProductionStartWithDemoSettingsFailsNamingWhatToSet() throws Exception {
        String url = ScratchDatabases.fresh("studio_it_production");
        try (PackagedStudio app = PackagedStudio.start(url, Map.of("QUARKUS_PROFILE", "prod", "STUDIO_DEMO_ENABLED", "true",
                "QUARKUS_OIDC_CREDENTIALS_SECRET", "studio-web-secret"))) {
            assertTrue(app.exitsWithin(Duration.ofSeconds(180)), "Studio started in production with demo settings:\n" + app.log());
            String log = app.log();
            assertTrue(log.contains("Studio will not start in production with demo settings"), log);
            for (String setting : List.of("QUARKUS_OIDC_CREDENTIALS_SECRET", "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_FLYWAY_PASSWORD", "STUDIO_DEMO_ENABLED",
                    "STUDIO_SIGNING_PRIVATE_KEY", "STUDIO_SIGNING_KEY_FILE", "STUDIO_DIRECTORY_CLIENT_SECRET", "STUDIO_NOTIFICATIONS_LINK_KEY")) {
                assertTrue(log.contains(setting), setting + " is not named:\n" + log);
            }
            assertFalse(log.contains("generated a new signing key"), log);
            assertFalse(log.contains("Listening on"), log);
        }
        assertTrue(ScratchDatabases.count(url, "select count(*) from information_schema.tables where table_name = 'milestone'") == 0
                || ScratchDatabases.count(url, "select count(*) from milestone") == 0, "demo data was loaded");
    }
}
