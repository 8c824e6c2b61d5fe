package studio.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a production start refuses, and that each refusal names the setting to provide. */
class ProductionChecksTest {

    static final Set<String> DEMO_SECRET = Set.of("studio-web-secret");
    static final Set<String> DEMO_PASSWORD = Set.of("studio");
    static final String SHIPPED_KEY = ".studio/keys/signing-key.pem";

    static ProductionChecks operators() {
        return new ProductionChecks("a-secret-from-the-idp", DEMO_SECRET, "db-password", DEMO_PASSWORD, false, true,
                SHIPPED_KEY, SHIPPED_KEY, false);
    }

    @Test
    void anOperatorsOwnSettingsPass() {
        assertEquals(List.of(), operators().problems());
        assertEquals(List.of(), new ProductionChecks("s", DEMO_SECRET, null, DEMO_PASSWORD, false, false, "/etc/studio/signing.pem",
                SHIPPED_KEY, true).problems(), "a key file of the operator's that exists, a database without a password");
    }

    @Test
    void theDemoWebClientSecretIsRefusedNamingTheSetting() {
        one(new ProductionChecks("studio-web-secret", DEMO_SECRET, "db-password", DEMO_PASSWORD, false, true, null, SHIPPED_KEY, false),
                "QUARKUS_OIDC_CREDENTIALS_SECRET");
        one(new ProductionChecks(null, DEMO_SECRET, "db-password", DEMO_PASSWORD, false, true, null, SHIPPED_KEY, false),
                "quarkus.oidc.credentials.secret");
    }

    @Test
    void theDemoDatabasePasswordIsRefused() {
        one(new ProductionChecks("s", DEMO_SECRET, "studio", DEMO_PASSWORD, false, true, null, SHIPPED_KEY, false),
                "QUARKUS_DATASOURCE_PASSWORD");
    }

    @Test
    void demoDataIsRefused() {
        one(new ProductionChecks("s", DEMO_SECRET, "p", DEMO_PASSWORD, true, true, null, SHIPPED_KEY, false), "STUDIO_DEMO_ENABLED");
    }

    @Test
    void aSigningKeyStudioWouldMakeForItselfIsRefused() {
        String[] names = {"STUDIO_SIGNING_PRIVATE_KEY", "STUDIO_SIGNING_KEY_FILE"};
        one(new ProductionChecks("s", DEMO_SECRET, "p", DEMO_PASSWORD, false, false, "/etc/studio/signing.pem", SHIPPED_KEY, false), names);
        one(new ProductionChecks("s", DEMO_SECRET, "p", DEMO_PASSWORD, false, false, SHIPPED_KEY, SHIPPED_KEY, true), names);
        one(new ProductionChecks("s", DEMO_SECRET, "p", DEMO_PASSWORD, false, false, null, SHIPPED_KEY, false), names);
    }

    @Test
    void everyProblemIsListedAtOnce() {
        assertEquals(4, new ProductionChecks("studio-web-secret", DEMO_SECRET, "studio", DEMO_PASSWORD, true, false, SHIPPED_KEY,
                SHIPPED_KEY, true).problems().size());
    }

    private static void one(ProductionChecks checks, String... names) {
        List<String> problems = checks.problems();
        assertEquals(1, problems.size(), problems.toString());
        for (String name : names) assertTrue(problems.get(0).contains(name), problems.get(0));
    }
}
