package studio.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Runs an {@link AuditTrailVerifier} on its own thread while the caller reads the next rows, so decoding rows from
 * the database and hashing them overlap (together they are the whole cost of verifying; each is about half).
 * Rows travel in batches through a small bounded queue: memory stays constant however long the trail is.
 *
 * <p>Usage: {@link #accept} every row in seq order until it returns false, then {@link #finish()}; always
 * {@link #close()} (try-with-resources), which stops the verifying thread if reading failed half way.
 */
final class OverlappedVerification implements AutoCloseable {

    static final int BATCH = 1_000;
    private static final List<AuditEvent> END = List.of();

    private final BlockingQueue<List<AuditEvent>> batches = new ArrayBlockingQueue<>(4);
    private final AuditTrailVerifier verifier;
    private final FutureTask<ChainVerification> checking;
    private volatile boolean broken;
    private List<AuditEvent> batch = new ArrayList<>(BATCH);

    OverlappedVerification(AuditTrailVerifier verifier) {
        this.verifier = verifier;
        this.checking = new FutureTask<>(this::check);
        Thread thread = new Thread(checking, "audit-verification");
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands one row on. @return false once the chain is known to be broken: reading further is pointless */
    boolean accept(AuditEvent event) {
        batch.add(event);
        if (batch.size() == BATCH) handOver();
        return !broken;
    }

    /** Waits for the verifier to reach the last row handed over, and returns its verdict. */
    ChainVerification finish() {
        handOver();
        send(END);
        try {
            return checking.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying the audit trail", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("verifying the audit trail failed", e.getCause());
        }
    }

    @Override
    public void close() {
        checking.cancel(true);
    }

    private void handOver() {
        if (batch.isEmpty()) return;
        send(batch);
        batch = new ArrayList<>(BATCH);
    }

    /** Blocks while the verifier is behind, but never on a verifier that has stopped. */
    private void send(List<AuditEvent> rows) {
        try {
            while (!batches.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                if (checking.isDone()) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying the audit trail", e);
        }
    }

    /** On the verifying thread: every row in order; once broken, the rest are only drained until the end arrives. */
    private ChainVerification check() throws InterruptedException {
        for (List<AuditEvent> rows = batches.take(); rows != END; rows = batches.take()) {
            for (int i = 0; i < rows.size() && !broken; i++) {
                broken = !verifier.accept(rows.get(i));
            }
        }
        return verifier.finish();
    }
}
