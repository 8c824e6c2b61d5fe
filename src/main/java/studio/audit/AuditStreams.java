package studio.audit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Caps how many audit exports and verifications run at once ({@code studio.audit.max-concurrent-streams}): each
 * streams the whole trail from the database for seconds to minutes, so a few at a time keep the rest of Studio
 * responsive. One more is refused at once with {@link AuditBusy} (429 and Retry-After), never queued.
 */
@ApplicationScoped
public class AuditStreams {

    @ConfigProperty(name = "studio.audit.max-concurrent-streams", defaultValue = "2")
    int max;

    @ConfigProperty(name = "studio.audit.busy-retry-after", defaultValue = "10s")
    Duration retryAfter;

    private Semaphore permits;

    @PostConstruct
    void init() {
        if (max < 1) throw new IllegalStateException("studio.audit.max-concurrent-streams must be at least 1, not " + max);
        permits = new Semaphore(max);
    }

    /** A permit for one export or verification; close it when the stream ends. @throws AuditBusy when all are taken */
    public Permit open() {
        if (!permits.tryAcquire()) throw new AuditBusy(max, Math.max(1, retryAfter.toSeconds()));
        return new Permit();
    }

    /** Released once, however often it is closed (a stream's own end and the response's end both close it). */
    public final class Permit implements AutoCloseable {

        private final AtomicBoolean open = new AtomicBoolean(true);

        private Permit() {}

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) permits.release();
        }
    }
}
