package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeploymentScheduleTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aDeploymentIsScheduledForAMomentToComeWithinThirtyDaysThatNoFreezeCovers() {
        assertEquals(Optional.empty(), DeploymentSchedule.refusal(NOW.plusSeconds(3600), NOW, Optional.empty()));
        assertTrue(DeploymentSchedule.refusal(NOW, NOW, Optional.empty()).orElseThrow().contains("has passed"));
        assertTrue(DeploymentSchedule.refusal(NOW.plus(Duration.ofDays(31)), NOW, Optional.empty()).orElseThrow().contains("30 days ahead"));
        assertEquals(Optional.of(NOW.plusSeconds(60) + " is inside the freeze window 'year-end'; schedule it for a moment the freeze allows"),
                DeploymentSchedule.refusal(NOW.plusSeconds(60), NOW, Optional.of("'year-end'")));
    }

    @Test
    void atItsMomentItProceedsOnlyApprovedAndUnfrozen() {
        Instant at = NOW.plusSeconds(60);
        assertEquals(new DeploymentSchedule.Tick.Wait(), DeploymentSchedule.atTick(at, NOW, true, Optional.empty()));
        assertEquals(new DeploymentSchedule.Tick.Proceed(), DeploymentSchedule.atTick(at, at, true, Optional.empty()));
        assertTrue(DeploymentSchedule.atTick(at, at, false, Optional.empty()) instanceof DeploymentSchedule.Tick.Missed m
                && m.reason().startsWith("its approvals did not all hold"));
        assertTrue(DeploymentSchedule.atTick(at, at.plusSeconds(5), true, Optional.of("'incident-42'")) instanceof DeploymentSchedule.Tick.Missed m
                && m.reason().contains("a freeze held"));
    }
}
