package studio.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Audit chain verification on /q/metrics, per check: {@code checkpoint} (the rows since the newest signed checkpoint,
 * recomputed before each new checkpoint is signed, every minute while the trail grows) and {@code full} (the whole
 * trail, when someone asks Studio to verify it). audit_chain_verifications_total{check,result="intact|broken"} counts
 * them; audit_chain_intact{check} is the last verdict (1 intact, 0 broken, NaN not verified since start). They are
 * kept apart because a checkpoint check that passes says nothing about a break an earlier full verification found.
 */
@Startup
@ApplicationScoped
public class AuditMetrics {

    public enum Check { CHECKPOINT, FULL }

    @Inject
    MeterRegistry registry;

    private final Map<Check, AtomicReference<Double>> last = Map.of(Check.CHECKPOINT, new AtomicReference<>(Double.NaN),
            Check.FULL, new AtomicReference<>(Double.NaN));

    @PostConstruct
    void register() {
        for (Check check : Check.values()) {
            Gauge.builder("audit.chain.intact", last.get(check), AtomicReference::get).tag("check", name(check))
                    .description("The last verification's verdict: 1 intact, 0 broken").register(registry);
            counter(check, true);
            counter(check, false);
        }
    }

    void verified(Check check, boolean intact) {
        counter(check, intact).increment();
        last.get(check).set(intact ? 1.0 : 0.0);
    }

    private Counter counter(Check check, boolean intact) {
        return Counter.builder("audit.chain.verifications").tag("check", name(check)).tag("result", intact ? "intact" : "broken")
                .description("Audit hash chain verifications, by their verdict").register(registry);
    }

    private static String name(Check check) {
        return check.name().toLowerCase(java.util.Locale.ROOT);
    }
}
