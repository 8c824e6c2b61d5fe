package studio.milestone;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import studio.governance.Actor;
import studio.governance.MilestoneStimulus;
import studio.persistence.OwnTransactions;
import studio.persistence.Rows;

/**
 * The milestone timer: a Verifying milestone whose gates stay pending longer than its gateTimeoutSeconds is
 * Blocked, a Blocked one is Escalated; milestones whose approved override has expired are re-judged. Safe with
 * several instances on one database: each due milestone is claimed with SKIP LOCKED and handled once.
 */
@ApplicationScoped
public class GateTimeouts {

    private static final Logger LOG = Logger.getLogger(GateTimeouts.class);

    @Inject
    EntityManager em;
    @Inject
    MilestoneEvaluator evaluator;

    @Scheduled(every = "${studio.timers.every:15s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void tick() {
        OwnTransactions.each(this::due, this::tickOne, LOG, "timer tick of milestone %s failed");
    }

    /** Milestones past their gate timeout, or holding an override that expired after their last evaluation. */
    List<String> due() {
        return Rows.list(em, """
                select m.id from milestone m
                where (m.state in ('verifying', 'blocked') and m.gate_timeout_seconds > 0
                       and m.state_since + m.gate_timeout_seconds * interval '1 second' < now())
                   or (m.state in ('verifying', 'escalated', 'pending', 'blocked') and exists (
                       select 1 from override_request o where o.milestone_id = m.id and o.status = 'approved'
                          and o.expires_at <= now() and (m.evaluated_at is null or m.evaluated_at < o.expires_at)))
                order by m.id limit 500""", r -> r.text("id"));
    }

    /** Claims one milestone (skipping it when another instance holds it) and lets the lifecycle decide. */
    void tickOne(String id) {
        if (Rows.first(em, "select id from milestone where id = ? for update skip locked", r -> r.text("id"), id).isEmpty()) return;
        Milestone m = Milestone.findById(id);
        var tick = new MilestoneStimulus.TimerTick(m.stateSince, Instant.now(), m.gateTimeoutSeconds);
        evaluator.react(id, tick, Actor.SYSTEM, null);
    }
}
