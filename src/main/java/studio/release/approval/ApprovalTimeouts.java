package studio.release.approval;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.governance.Actor;
import studio.governance.DeploymentSchedule;
import studio.governance.FreezeWindow;
import studio.persistence.OwnTransactions;
import studio.persistence.Rows;
import studio.release.FreezeWindows;
import studio.release.Release;
import studio.release.ReleaseJson;
import studio.release.ReleaseRecords;
import studio.release.ReleaseSteps;
import studio.release.lifecycle.ReleaseStimulus;

/**
 * The release timer: a release that waited for approvals longer than its policy's approvalTimeout is aborted
 * (ReleaseAborted); a scheduled deployment, approved ahead of time, is handed to CI when its moment comes if every
 * approval still holds and no freeze holds, else its schedule is missed ({@link DeploymentSchedule}). Safe with several instances on one database: each due release is claimed with SKIP LOCKED.
 */
@ApplicationScoped
public class ApprovalTimeouts {

    private static final Logger LOG = Logger.getLogger(ApprovalTimeouts.class);

    @Inject
    EntityManager em;
    @Inject
    ReleaseSteps steps;
    @Inject
    ReleaseRecords records;
    @Inject
    FreezeWindows freezes;
    @Inject
    AuditLog audit;

    @Scheduled(every = "${studio.timers.every:15s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void tick() {
        OwnTransactions.each(this::due, this::tickOne, LOG, "approval timer of release %d failed");
    }

    List<Long> due() {
        return Rows.list(em, """
                select id from release where state = 'paused_for_approval' and (
                       approval_timeout_seconds > 0 and state_since + approval_timeout_seconds * interval '1 second' < now()
                    or scheduled_for <= now())
                order by state_since, id limit 500""", r -> r.number("id"));
    }

    /** Claims one release (skipping it when another instance holds it) and lets the lifecycle decide. */
    void tickOne(long id) {
        boolean claimed = Rows.first(em, "select id from release where id = ? for update skip locked", r -> r.number("id"), id).isPresent();
        if (!claimed) return;
        Release r = Release.findById(id);
        em.refresh(r);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (r.scheduledFor != null && scheduled(r, now)) return;
        var tick = new ReleaseStimulus.TimerTick(r.stateSince, Instant.now().truncatedTo(ChronoUnit.MICROS),
                r.approvalTimeoutSeconds == null ? null : Duration.ofSeconds(r.approvalTimeoutSeconds));
        steps.react(r, tick, Actor.SYSTEM, tick.now());
    }

    /**
     * A scheduled deployment: before its moment, approved, it waits (no approval timeout); at its moment it proceeds
     * when every approval holds and no freeze holds, else its schedule is missed (cleared, audited with why).
     *
     * @return whether the tick is done with it
     */
    private boolean scheduled(Release r, Instant now) {
        boolean approved = records.approvalsHold(r, now);
        Optional<String> frozen = freezes.blocking(r.environment, r.milestoneId, now).map(FreezeWindow::describe);
        DeploymentSchedule.Tick tick = DeploymentSchedule.atTick(r.scheduledFor, now, approved, frozen);
        if (tick instanceof DeploymentSchedule.Tick.Wait) return approved;
        String at = r.scheduledFor.toString();
        String by = r.scheduledBy;
        r.scheduledFor = null;
        r.scheduledBy = null;
        if (tick instanceof DeploymentSchedule.Tick.Missed missed) {
            audit.record(Actor.SYSTEM, AuditEntry.of("ScheduledDeploymentMissed", Subject.release(r.versionTag), r.traceId,
                    ReleaseJson.JSON.createObjectNode().put("version_tag", r.versionTag).put("environment", r.environment).put("scheduled_for", at)
                            .put("scheduled_by", by).put("reason", missed.reason())).alsoAbout(List.of(Subject.milestone(r.milestoneId))));
            return false;
        }
        steps.react(r, new ReleaseStimulus.ApprovalsComplete("Studio (scheduled for " + at + " by " + by + ")"), Actor.SYSTEM, now);
        return true;
    }
}
