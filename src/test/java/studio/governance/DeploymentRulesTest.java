package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentRulesTest {

    static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aDeploymentWaitsForItsEnvironmentsSignalsAndACanaryAlsoForItsValidation() {
        DeploymentRules rules = DeploymentRules.of(Map.of("requiredSignals", List.of("smokeTestsPassed"), "maxRetries", 2, "rollbackOnFailure", true));
        assertEquals(List.of("smokeTestsPassed"), rules.awaitedBy(null));
        assertEquals(List.of("canaryValidationPassed", "smokeTestsPassed"), rules.awaitedBy("canary"));
        assertEquals(List.of(), DeploymentRules.NONE.awaitedBy("blue-green"));
        assertEquals("; a deployment completes once smokeTestsPassed passed; a failure is retried 2 times, then rolled back", rules.describe());
        assertEquals("", DeploymentRules.NONE.describe());
    }

    @Test
    void aSignalCountsWhenItsNewestReportPassedAfterTheLatestHandOver() {
        List<String> awaited = List.of("canaryValidationPassed", "smokeTestsPassed");
        var passed = new DeploymentRules.Report(7, "smokeTestsPassed", true, T);
        var failed = new DeploymentRules.Report(8, "canaryValidationPassed", false, T);
        assertEquals(List.of("canaryValidationPassed"), DeploymentRules.waitingFor(awaited, Map.of("smokeTestsPassed", passed,
                "canaryValidationPassed", failed), 0));
        // handed to CI again after report 7: it no longer counts
        assertEquals(awaited, DeploymentRules.waitingFor(awaited, Map.of("smokeTestsPassed", passed), 7));
        assertEquals(List.of(), DeploymentRules.waitingFor(List.of("smokeTestsPassed"), Map.of("smokeTestsPassed", passed), 6));
    }

    @Test
    void droppingASignalLoosensTheEnvironmentAddingOneDoesNot() {
        DeploymentRules two = new DeploymentRules(List.of("smokeTestsPassed", "securityChecksPassed"), null, null);
        DeploymentRules one = new DeploymentRules(List.of("smokeTestsPassed"), 5, false);
        assertEquals(List.of("production no longer waits for the signal securityChecksPassed before a deployment completes"),
                two.weakeningsTo(one, "production"));
        assertEquals(List.of(), one.weakeningsTo(two, "production"));
    }
}
