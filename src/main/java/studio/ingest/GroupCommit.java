package studio.ingest;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import studio.ingest.EvidenceIntake.Parsed;

/**
 * Group commit for CI's evidence: inputs that arrive while another group is being taken wait, and the next group takes
 * them all in ONE transaction (one audit head update, one write of the idempotency answers, one commit for many
 * requests), so the cost of a commit is shared instead of paid per request.
 * <p>
 * Each request is answered only after the transaction holding its input committed. An input is parsed before it
 * waits (a malformed one is refused at once and never joins a group). If any input of a group is refused, or the group
 * meets a concurrent change, the whole group rolls back and each of its inputs is taken again alone, in its own
 * transaction, exactly as without grouping: one input's refusal is never another's, and what is stored is what single
 * transactions would have stored.
 * <p>
 * One group is taken at a time per instance (its inputs in arrival order), so two groups of this instance never lock
 * the same rows in opposite orders. The thread that takes a group is a waiting request's own thread (no thread pool of
 * its own): the first request to find nobody taking leads; when its group committed it hands the lead to the oldest
 * waiting request and returns.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    /** At most this many inputs in one transaction (a batch counts as one); 1 takes every input alone. */
    @ConfigProperty(name = "studio.ingest.group-commit.max-inputs", defaultValue = "64")
    int most;

    @Inject
    Idempotency idempotency;
    @Inject
    MeterRegistry registry;

    private Counter groupCommits;
    private Counter groupedInputs;
    private Counter takenAgainAlone;

    @PostConstruct
    void register() {
        groupCommits = Counter.builder("studio.ingest.group.commits")
                .description("Transactions that committed a group of two or more CI inputs").register(registry);
        groupedInputs = Counter.builder("studio.ingest.grouped.inputs")
                .description("CI inputs committed in a group (divided by the group commits: the average group)").register(registry);
        takenAgainAlone = Counter.builder("studio.ingest.group.rollbacks")
                .description("Groups rolled back because one input was refused or met a concurrent change (each input then taken alone)").register(registry);
    }

    private final Object lock = new Object();
    private final ArrayDeque<Waiting<?>> queue = new ArrayDeque<>();
    /** Whether a request thread is taking a group now (guarded by {@link #lock}). */
    private boolean taking;


    /**
     * Takes the input in a group transaction and answers what it answered, or throws what it threw (a refusal of this
     * input only). {@code alone} is how the input is taken by itself: in its own transaction, with the caller's retry
     * of a concurrent change.
     */
    public <T> T take(Parsed<T> input, Alone alone) {
        Waiting<T> me = new Waiting<>(input, alone, Context.current());
        boolean lead;
        synchronized (lock) {
            queue.add(me);
            lead = !taking;
            if (lead) taking = true;
        }
        while (true) {
            if (lead) lead();
            lead = me.awaitTurn();
            if (!lead) return me.outcome();
        }
    }

    /** How an input is taken by itself: {@code run} the transaction of it (with any retry the caller wants). */
    @FunctionalInterface
    public interface Alone {
        <T> T run(java.util.function.Supplier<T> transaction);
    }

    /** Takes the oldest waiting inputs as one group, then hands the lead on (or gives it up when nobody waits). */
    private void lead() {
        List<Waiting<?>> group = new ArrayList<>();
        synchronized (lock) {
            while (!queue.isEmpty() && group.size() < Math.max(1, most)) group.add(queue.poll());
        }
        try {
            if (group.size() == 1) group.get(0).alone();
            else together(group);
        } catch (RuntimeException | Error e) {
            // not a refusal (those are answered): nothing may be left waiting for an answer that will never come
            for (Waiting<?> w : group) w.refusedIfWaiting(new IllegalStateException("the input could not be taken", e));
            throw e;
        } finally {
            synchronized (lock) {
                Waiting<?> next = queue.peek();
                if (next == null) taking = false;
                else next.lead();
            }
        }
    }

    private void together(List<Waiting<?>> group) {
        List<Object> answers;
        try {
            answers = QuarkusTransaction.requiringNew().call(() -> idempotency.completingTogether(() -> {
                idempotency.claimAhead(group.stream().flatMap(w -> w.input.claims().stream()).toList());
                List<Object> taken = new ArrayList<>(group.size());
                for (Waiting<?> w : group) taken.add(w.inItsContext());
                return taken;
            }));
        } catch (RuntimeException e) {
            LOG.debugf("a group of %d inputs rolled back (%s); taking each alone", group.size(), e.toString());
            takenAgainAlone.increment();
            for (Waiting<?> w : group) w.alone();
            return;
        }
        groupCommits.increment();
        groupedInputs.increment(group.size());
        for (int i = 0; i < group.size(); i++) group.get(i).answered(answers.get(i));
    }

    /** How many inputs wait for a group now. */
    public int waiting() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /** Groups committed so far and the inputs they held (the metrics' own counts). */
    public long[] committed() {
        return new long[] {(long) groupCommits.count(), (long) groupedInputs.count()};
    }

    /** A request waiting for its input to be taken, or for its turn to lead. */
    private static final class Waiting<T> {

        private final Parsed<T> input;
        private final Alone alone;
        private final Context context;
        private boolean done;
        private boolean turn;
        private T answer;
        private RuntimeException refusal;

        Waiting(Parsed<T> input, Alone alone, Context context) {
            this.input = input;
            this.alone = alone;
            this.context = context;
        }

        /** Takes the input with the request's own trace context current, so its spans are the request's. */
        T inItsContext() {
            try (Scope ignored = context.makeCurrent()) {
                return input.take();
            }
        }

        void alone() {
            try {
                answered(alone.run(this::inItsContext));
            } catch (RuntimeException e) {
                refused(e);
            }
        }

        @SuppressWarnings("unchecked")
        synchronized void answered(Object value) {
            answer = (T) value;
            done = true;
            notifyAll();
        }

        synchronized void refused(RuntimeException e) {
            refusal = e;
            done = true;
            notifyAll();
        }

        synchronized void refusedIfWaiting(RuntimeException e) {
            if (!done) refused(e);
        }

        synchronized void lead() {
            turn = true;
            notifyAll();
        }

        /** Waits until the input was taken (false) or this request is to lead the next group (true). */
        synchronized boolean awaitTurn() {
            boolean interrupted = false;
            while (!done && !turn) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the input is in a group already: its answer must still be waited for
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            boolean lead = turn && !done;
            turn = false;
            return lead;
        }

        synchronized T outcome() {
            if (refusal != null) throw refusal;
            return answer;
        }
    }
}
