package studio.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Studio with a step-up window of a few seconds, so that a real Keycloak session or token turns stale within a test,
 * and with HSTS on, as the prod profile has it.
 */
public class ShortStepUpWindow implements QuarkusTestProfile {

    static final int SECONDS = 8;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("studio.security.step-up.max-age", SECONDS + "s", "studio.security.hsts", "true");
    }
}
