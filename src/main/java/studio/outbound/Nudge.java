package studio.outbound;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a worker's pass soon, on its own daemon thread, without waiting for its timer: several nudges before the pass
 * starts make one pass. The outbox's delivery worker and the notification mailer use it after a commit that gave them
 * work.
 */
public final class Nudge {

    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService thread;
    private final Runnable pass;

    public Nudge(String threadName, Runnable pass) {
        this.pass = pass;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    public void nudge() {
        if (!pending.compareAndSet(false, true)) return;
        thread.execute(() -> {
            pending.set(false);
            pass.run();
        });
    }

    public void stop() {
        thread.shutdownNow();
    }
}
