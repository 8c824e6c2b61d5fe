package studio.milestone;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import studio.governance.Actor;
import studio.governance.MilestoneState;
import studio.governance.MilestoneStimulus;
import studio.governance.SprintTimeouts;
import studio.persistence.OwnTransactions;
import studio.persistence.Rows;

/**
 * The milestone timer: a Pending milestone whose contributing sprints have not closed within its gateTimeoutSeconds
 * is Escalated (the sprints named orphaned or long-running), a Verifying milestone whose gates stay pending longer
 * is Blocked, a Blocked one is retried after its cool-down (retryOnFailure with maxRetries, then Terminated when the
 * retries are used up) or else Escalated; milestones whose approved override has expired are re-judged. A paused
 * milestone is never due: its clock stands still (the pause moves state_since on by the paused time when lifted).
 * Safe with several instances on one database: each due milestone is claimed with SKIP LOCKED and handled once.
 */
@ApplicationScoped
public class GateTimeouts {

    private static final Logger LOG = Logger.getLogger(GateTimeouts.class);

    @Inject
    EntityManager em;
    @Inject
    MilestoneEvaluator evaluator;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    EvidenceFacts facts;

    @Scheduled(every = "${studio.timers.every:15s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void tick() {
        OwnTransactions.each(this::due, this::tickOne, LOG, "timer tick of milestone %s failed");
    }

    /** Milestones past their gate timeout or retry cool-down, or holding an override that expired after their last evaluation. */
    List<String> due() {
        return Rows.list(em, """
                select m.id from milestone m
                where m.paused_at is null and (
                      (m.state in ('pending', 'verifying', 'blocked') and m.gate_timeout_seconds > 0
                       and m.state_since + m.gate_timeout_seconds * interval '1 second' < now())
                   or (m.state = 'blocked' and m.timer_retries > 0
                       and m.state_since + m.retry_cooldown_seconds * interval '1 second' < now())
                   or (m.state in ('verifying', 'escalated', 'pending', 'blocked') and exists (
                       select 1 from override_request o where o.milestone_id = m.id and o.status = 'approved'
                          and o.expires_at <= now() and (m.evaluated_at is null or m.evaluated_at < o.expires_at))))
                order by m.id limit 500""", r -> r.text("id"));
    }

    /** Claims one milestone (skipping it when another instance holds it) and lets the lifecycle decide. */
    void tickOne(String id) {
        if (Rows.first(em, "select id from milestone where id = ? for update skip locked", r -> r.text("id"), id).isEmpty()) return;
        Milestone m = Milestone.findById(id);
        if (m.pausedAt != null) return;
        Instant now = Instant.now();
        var tick = new MilestoneStimulus.TimerTick(m.stateSince, now, m.gateTimeoutSeconds, m.retryCount, overdue(m, now));
        evaluator.react(id, tick, Actor.SYSTEM, null);
    }

    /** For a Pending milestone: its contributing sprints past the budget (its gateTimeoutSeconds), counted from when it began waiting. */
    private List<SprintTimeouts.OverdueSprint> overdue(Milestone m, Instant now) {
        if (m.lifecycleState() != MilestoneState.PENDING || m.gateTimeoutSeconds <= 0) return List.of();
        return SprintTimeouts.overdue(facts.sprintClocks(rulebook.rules(m)), m.stateSince, now, m.gateTimeoutSeconds);
    }
}
