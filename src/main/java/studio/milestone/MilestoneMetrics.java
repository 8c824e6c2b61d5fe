package studio.milestone;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import studio.persistence.AfterCommit;

/**
 * The spec's milestone metrics on /q/metrics (Prometheus names: milestone_gate_success_total,
 * milestone_gate_failure_total, milestone_manual_override_total, milestone_blocked_total,
 * milestone_escalation_count, milestone_duration_seconds, milestone_qa_coverage_percent{milestone}), counted when
 * the transaction that made the change commits: a rolled-back evaluation (a refusal, a dry run) counts nothing.
 */
@ApplicationScoped
public class MilestoneMetrics {

    @Inject
    MeterRegistry registry;
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

    public void coverage(String milestoneId, Double percent) {
        afterCommit.run(() -> coverage.computeIfAbsent(milestoneId, id -> {
            AtomicReference<Double> ref = new AtomicReference<>(Double.NaN);
            Gauge.builder("milestone.qa.coverage.percent", ref, r -> r.get() == null ? Double.NaN : r.get())
                    .tag("milestone", id).description("Aggregated QA coverage of the milestone's features").register(registry);
            return ref;
        }).set(percent));
    }
}
