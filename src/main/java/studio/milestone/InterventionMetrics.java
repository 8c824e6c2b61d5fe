package studio.milestone;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import studio.audit.AuditAppended;
import studio.audit.AuditRecord;
import studio.gate.GateCondition;
import studio.gate.GateReport;
import studio.gate.GateStatus;
import studio.governance.Actor;
import studio.governance.MilestoneState;
import studio.governance.Roles;
import studio.persistence.AfterCommit;

/**
 * The spec's intervention and recovery metrics (docs/spec/milestone-lifecycle-coordinator.md "Observability" and
 * "Error Handling"), counted once the change commits:
 * <ul>
 * <li>{@code milestone_override_count}: overrides approved (MilestoneOverrideApproved);</li>
 * <li>{@code milestone_manual_promotion}: releases of a milestone requested by a person (the Promote form or a
 * person's token), not by autoPromotion or CI;</li>
 * <li>{@code milestone_retry_count{milestone}}: retries, each MilestoneResumed (Blocked back to Verifying);</li>
 * <li>{@code milestone_timeout_seconds{state}}: time a milestone spent Blocked or Escalated, recorded when it leaves
 * that state;</li>
 * <li>{@code milestone_trace_matrix_validated_total}: milestones whose trace matrix gate turned passed.</li>
 * </ul>
 * The first three are read from the audit entries as they are appended: every desk that approves an override, every
 * resume and every release request is audited, so none can be missed.
 */
@Startup
@ApplicationScoped
public class InterventionMetrics implements AuditAppended {

    static final List<MilestoneState> HELD = List.of(MilestoneState.BLOCKED, MilestoneState.ESCALATED);

    @Inject
    MeterRegistry registry;
    @Inject
    AfterCommit afterCommit;

    private final AtomicLong overrides = new AtomicLong();
    private final AtomicLong manualPromotions = new AtomicLong();
    private final Map<String, AtomicLong> retries = new ConcurrentHashMap<>();
    private final Map<MilestoneState, Timer> held = new EnumMap<>(MilestoneState.class);
    private Counter traceValidated;

    @PostConstruct
    void register() {
        // Gauges over counts keep the spec's names (a counter would be served as ..._total).
        Gauge.builder("milestone.override.count", overrides, AtomicLong::get)
                .description("Overrides approved").register(registry);
        Gauge.builder("milestone.manual.promotion", manualPromotions, AtomicLong::get)
                .description("Milestone promotions (releases) requested by a person rather than autoPromotion or CI").register(registry);
        traceValidated = Counter.builder("milestone.trace.matrix.validated")
                .description("Milestones whose trace matrix gate turned passed (complete trace linkage)").register(registry);
        for (MilestoneState s : HELD) {
            held.put(s, Timer.builder("milestone.timeout").tag("state", s.json())
                    .description("Time spent in Blocked or Escalated, recorded when the milestone leaves it").register(registry));
        }
    }

    @Override
    public void appended(AuditRecord r, SharedSessionContractImplementor session) {
        switch (r.type()) {
            case "MilestoneOverrideApproved" -> afterCommit.run(overrides::incrementAndGet);
            case "MilestoneResumed" -> afterCommit.run(() -> retries(r.subjectId()).incrementAndGet());
            case "ReleaseRequested" -> {
                if (byPerson(r)) afterCommit.run(manualPromotions::incrementAndGet);
            }
            default -> { }
        }
    }

    /** A transition out of Blocked or Escalated: how long the milestone was held there. */
    public void left(MilestoneState from, MilestoneState to, Instant since, Instant now) {
        Timer timer = held.get(from);
        if (timer == null || to == from || since == null) return;
        Duration spent = Duration.between(since, now);
        afterCommit.run(() -> timer.record(spent));
    }

    /** After a judgement: counts the milestone once when a trace matrix gate that had not passed passes now. */
    public void judged(String storedBefore, GateReport now, List<GateCondition> gates) {
        Set<String> traceGates = gates.stream().filter(g -> g instanceof GateCondition.TraceMatrixComplete)
                .map(GateCondition::name).collect(Collectors.toSet());
        if (traceGates.isEmpty()) return;
        boolean passedNow = now.gates().stream().anyMatch(g -> traceGates.contains(g.condition()) && g.status() == GateStatus.PASSED);
        if (!passedNow) return;
        Map<String, GateStatus> before = MilestoneViews.gateStatuses(MilestoneReadout.parse(storedBefore));
        boolean passedBefore = traceGates.stream().anyMatch(g -> before.get(g) == GateStatus.PASSED);
        if (!passedBefore) afterCommit.run(traceValidated::increment);
    }

    private AtomicLong retries(String milestoneId) {
        return retries.computeIfAbsent(milestoneId, id -> {
            AtomicLong count = new AtomicLong();
            Gauge.builder("milestone.retry.count", count, AtomicLong::get).tag("milestone", id)
                    .description("Retries of the milestone: each return from Blocked to Verifying").register(registry);
            return count;
        });
    }

    private static boolean byPerson(AuditRecord r) {
        return !Actor.SYSTEM.name().equals(r.actor()) && !r.actorRoles().contains(Roles.CI);
    }
}
