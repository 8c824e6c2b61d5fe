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
 * Release outcomes on /q/metrics, counted once the step committed: release_outcome_total{outcome} (completed, failed,
 * rolled_back, aborted, rejected) and release_duration_seconds (from the request to completion).
 */
@Startup
@ApplicationScoped
public class ReleaseMetrics {

    static final List<ReleaseState> OUTCOMES = List.of(ReleaseState.COMPLETED, ReleaseState.FAILED, ReleaseState.ROLLED_BACK,
            ReleaseState.ABORTED, ReleaseState.REJECTED);

    @Inject
    MeterRegistry registry;

    private final Map<ReleaseState, Counter> outcomes = new EnumMap<>(ReleaseState.class);
    private Timer duration;

    @PostConstruct
    void register() {
        for (ReleaseState s : OUTCOMES) {
            outcomes.put(s, Counter.builder("release.outcome").tag("outcome", s.json())
                    .description("Releases that ended a run in this state").register(registry));
        }
        duration = Timer.builder("release.duration").description("From the release request to its completion").register(registry);
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReleaseChanged change) {
        for (ReleaseTransition t : change.transitions()) {
            Counter outcome = t.to() != t.from() ? outcomes.get(t.to()) : null;
            if (outcome != null) outcome.increment();
            if (t.to() == ReleaseState.COMPLETED && t.from() != ReleaseState.COMPLETED && change.requestedAt() != null) {
                duration.record(Duration.between(change.requestedAt(), Instant.now()));
            }
        }
    }
}
