package studio.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.Scrape;

/**
 * Both checks of the audit chain (before a checkpoint is signed, and a full verification someone asked for) report
 * their verdict on /q/metrics: a tampered row turns audit_chain_intact to 0, a sound trail back to 1.
 */
@QuarkusTest
class AuditMetricsTest {

    @Inject
    AuditLog log;

    @Inject
    AuditCheckpoints checkpoints;

    @BeforeEach
    void freshTrail() {
        AuditDatabase.reset();
        new AuditTrailFixture(log).varied(8);
    }

    @Test
    void aTamperedRowIsReportedBrokenByBothChecksAndASoundTrailIntact() {
        Scrape before = Scrape.now();
        AuditDatabase.tamper("update audit_event set actor = 'mallory' where seq = 3");

        assertTrue(checkpoints.checkpointNow().isEmpty(), "no checkpoint over a broken chain");
        Api.as("auditor").get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(false));
        Scrape broken = Scrape.now();
        assertEquals(0, broken.value("audit_chain_intact", "check", "checkpoint"));
        assertEquals(0, broken.value("audit_chain_intact", "check", "full"));
        for (String check : new String[] {"checkpoint", "full"}) {
            assertEquals(1, broken.value("audit_chain_verifications_total", "check", check, "result", "broken")
                    - before.value("audit_chain_verifications_total", "check", check, "result", "broken"), check);
        }

        AuditDatabase.reset();
        new AuditTrailFixture(log).varied(8);
        assertTrue(checkpoints.checkpointNow().isPresent());
        Api.as("auditor").get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
        Scrape sound = Scrape.now();
        assertEquals(1, sound.value("audit_chain_intact", "check", "checkpoint"));
        assertEquals(1, sound.value("audit_chain_intact", "check", "full"));
    }
}
