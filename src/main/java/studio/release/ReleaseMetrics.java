package studio.release;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import studio.release.lifecycle.ReleaseState;
import studio.release.lifecycle.ReleaseTransition;

/**
 * Release outcomes on /q/metrics, counted once the step committed (a repeated CI report moves nothing, so it counts
 * nothing; a step that rolled back never happened):
 * <ul>
 * <li>the spec's {@code release_success_total} (releases that reached Completed), {@code release_failure_total}
 * (Failed), {@code release_rollback_total} (Rolled back) and {@code release_manual_approval_total} (releases that
 * required a human gate: counted once, when the release first pauses for approval), {@code release_retry_count_total}
 * (failed releases handed to CI again, by Studio's automatic retries or a person);</li>
 * <li>{@code release_duration_seconds} (from the request to completion: {@code _count}, {@code _sum}, {@code _max});</li>
 * <li>{@code release_outcome_total{outcome}} (completed, failed, rolled_back, aborted, rejected), which the dashboard
 * and the alert rules read.</li>
 * </ul>
 */
@Startup
@ApplicationScoped
public class ReleaseMetrics {

    static final List<ReleaseState> OUTCOMES = List.of(ReleaseState.COMPLETED, ReleaseState.FAILED, ReleaseState.ROLLED_BACK,
            ReleaseState.ABORTED, ReleaseState.REJECTED);

    @Inject
    MeterRegistry registry;

    private final Map<ReleaseState, Counter> outcomes = new EnumMap<>(ReleaseState.class);
    private final Map<ReleaseState, Counter> reached = new EnumMap<>(ReleaseState.class);
    private Counter manualApprovals;
    private Counter retries;
    private Timer duration;

    @PostConstruct
    void register() {
        for (ReleaseState s : OUTCOMES) {
            outcomes.put(s, Counter.builder("release.outcome").tag("outcome", s.json())
                    .description("Releases that ended a run in this state").register(registry));
        }
        reached.put(ReleaseState.COMPLETED, Counter.builder("release.success").description("Releases that reached Completed").register(registry));
        reached.put(ReleaseState.FAILED, Counter.builder("release.failure").description("Releases that reached Failed").register(registry));
        reached.put(ReleaseState.ROLLED_BACK, Counter.builder("release.rollback").description("Releases rolled back").register(registry));
        manualApprovals = Counter.builder("release.manual.approval").description("Releases that required a human gate").register(registry);
        retries = Counter.builder("release.retry.count").description("Failed releases handed to CI again (by Studio or a person)").register(registry);
        duration = Timer.builder("release.duration").description("From the release request to its completion").register(registry);
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReleaseChanged change) {
        for (ReleaseTransition t : change.transitions()) {
            if (t.to() == t.from()) continue;
            count(outcomes.get(t.to()));
            count(reached.get(t.to()));
            // a release requires its human gate once; later pauses (stale approvals, a retry) are the same gate again
            if (t.from() == ReleaseState.PENDING && t.to() == ReleaseState.PAUSED_FOR_APPROVAL) manualApprovals.increment();
            if (t.from() == ReleaseState.FAILED && (t.to() == ReleaseState.TAGGING || t.to() == ReleaseState.PAUSED_FOR_APPROVAL)) retries.increment();
            if (t.to() == ReleaseState.COMPLETED && change.requestedAt() != null) {
                duration.record(Duration.between(change.requestedAt(), Instant.now()));
            }
        }
    }

    private static void count(Counter counter) {
        if (counter != null) counter.increment();
    }
}
