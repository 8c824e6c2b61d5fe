package studio.milestone;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import studio.governance.MilestoneState;
import studio.persistence.AfterCommit;
import studio.persistence.DatabaseFigures;

/**
 * The spec's milestone metrics on /q/metrics (Prometheus names: milestone_gate_success_total,
 * milestone_gate_failure_total, milestone_manual_override_total, milestone_blocked_total,
 * milestone_escalation_count, milestone_sprint_timeouts_total{kind}, milestone_duration_seconds, milestone_qa_coverage_percent{milestone}), counted when
 * the transaction that made the change commits (a rolled-back evaluation, a refusal or a dry run, counts nothing),
 * and what the
 * milestones are now, read from the database at each scrape so every instance reports the same and a restart loses
 * nothing: milestone_in_state{state} and milestone_in_state_oldest_seconds{state} (how long the milestone longest in
 * that state has been in it; "blocked for more than N minutes" alerts on it).
 */
@Startup // registered at start, so every name is on /q/metrics before the first milestone moves
@ApplicationScoped
public class MilestoneMetrics {

    private static final String IN_STATE = """
            select state, count(*) from milestone group by state
            union all
            select state || '.oldest', extract(epoch from now() - min(state_since)) from milestone group by state""";

    @Inject
    MeterRegistry registry;
    @Inject
    DataSource db;
    @Inject
    AfterCommit afterCommit;

    private final AtomicLong escalations = new AtomicLong();
    private final Map<String, AtomicReference<Double>> coverage = new ConcurrentHashMap<>();
    private Counter success;
    private Counter failure;
    private Counter overrides;
    private Counter blocked;
    private Timer duration;

    @jakarta.annotation.PostConstruct
    void register() {
        success = Counter.builder("milestone.gate.success").description("Milestones that passed all gates").register(registry);
        failure = Counter.builder("milestone.gate.failure").description("Milestones blocked by a failing gate").register(registry);
        overrides = Counter.builder("milestone.manual.override").description("Milestones closed through a human override").register(registry);
        blocked = Counter.builder("milestone.blocked").description("Cumulative blocked milestone count").register(registry);
        duration = Timer.builder("milestone.duration").description("Time from MilestonePlanned to MilestoneReached").register(registry);
        Gauge.builder("milestone.escalation.count", escalations, AtomicLong::get)
                .description("Manual escalations required").register(registry);
        for (String kind : java.util.List.of("orphaned", "long-running")) sprintTimeouts(kind);
        new DatabaseFigures(db, IN_STATE).registerCountAndOldest(registry, "milestone.in.state", "state",
                java.util.Arrays.stream(MilestoneState.values()).map(MilestoneState::json).toList(),
                "Milestones in this lifecycle state now", "How long the milestone longest in this state has been in it (0 when none is)");
    }

    public void reached(boolean byOverride, Duration sincePlanned) {
        afterCommit.run(() -> {
            success.increment();
            if (byOverride) overrides.increment();
            if (sincePlanned != null) duration.record(sincePlanned);
        });
    }

    public void blocked() {
        afterCommit.run(() -> {
            failure.increment();
            blocked.increment();
        });
    }

    public void escalated() {
        afterCommit.run(escalations::incrementAndGet);
    }

    /** A contributing sprint of a Pending milestone found overdue (milestone_sprint_timeouts_total{kind}). */
    public void sprintTimedOut(String kind) {
        afterCommit.run(sprintTimeouts(kind)::increment);
    }

    private Counter sprintTimeouts(String kind) {
        return Counter.builder("milestone.sprint.timeouts").tag("kind", kind)
                .description("Contributing sprints of a Pending milestone that did not close within its time budget").register(registry);
    }

    public void coverage(String milestoneId, Double percent) {
        afterCommit.run(() -> coverage.computeIfAbsent(milestoneId, id -> {
            AtomicReference<Double> ref = new AtomicReference<>(Double.NaN);
            Gauge.builder("milestone.qa.coverage.percent", ref, r -> r.get() == null ? Double.NaN : r.get())
                    .tag("milestone", id).description("Aggregated QA coverage of the milestone's features").register(registry);
            return ref;
        }).set(percent));
    }
}
