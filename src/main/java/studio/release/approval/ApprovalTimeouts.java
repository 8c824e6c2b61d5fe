package studio.release.approval;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;
import studio.governance.Actor;
import studio.persistence.OwnTransactions;
import studio.persistence.Rows;
import studio.release.Release;
import studio.release.ReleaseSteps;
import studio.release.lifecycle.ReleaseStimulus;

/**
 * The release timer: a release that waited for approvals longer than its policy's approvalTimeout is aborted
 * (ReleaseAborted). Safe with several instances on one database: each due release is claimed with SKIP LOCKED.
 */
@ApplicationScoped
public class ApprovalTimeouts {

    private static final Logger LOG = Logger.getLogger(ApprovalTimeouts.class);

    @Inject
    EntityManager em;
    @Inject
    ReleaseSteps steps;

    @Scheduled(every = "${studio.timers.every:15s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void tick() {
        OwnTransactions.each(this::due, this::tickOne, LOG, "approval timer of release %d failed");
    }

    List<Long> due() {
        return Rows.list(em, """
                select id from release where state = 'paused_for_approval' and approval_timeout_seconds > 0
                   and state_since + approval_timeout_seconds * interval '1 second' < now()
                order by state_since, id limit 500""", r -> r.number("id"));
    }

    /** Claims one release (skipping it when another instance holds it) and lets the lifecycle decide. */
    void tickOne(long id) {
        boolean claimed = Rows.first(em, "select id from release where id = ? for update skip locked", r -> r.number("id"), id).isPresent();
        if (!claimed) return;
        Release r = Release.findById(id);
        em.refresh(r);
        var tick = new ReleaseStimulus.TimerTick(r.stateSince, Instant.now().truncatedTo(ChronoUnit.MICROS),
                r.approvalTimeoutSeconds == null ? null : Duration.ofSeconds(r.approvalTimeoutSeconds));
        steps.react(r, tick, Actor.SYSTEM, tick.now());
    }
}
