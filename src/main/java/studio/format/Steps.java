package studio.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The steps a state machine takes for one stimulus, in order, and the state they lead to. Each step follows an edge
 * of the machine; a step without an edge is the machine's own inconsistency, not a refusal.
 *
 * A machine names its own kind ({@code class Path extends Steps<...>}) and may follow a step with another.
 *
 * @param <S> the states
 * @param <T> the triggers, the edges' labels
 * @param <R> the record of one step
 */
public class Steps<S, T, R> {

    /** How the machine records one step. */
    @FunctionalInterface
    public interface Step<S, T, R> {
        R of(S from, S to, T trigger, String reason);
    }

    private final BiFunction<S, T, Optional<S>> edges;
    private final Step<S, T, R> step;
    private final List<R> taken = new ArrayList<>();
    private S state;

    public Steps(S start, BiFunction<S, T, Optional<S>> edges, Step<S, T, R> step) {
        this.state = start;
        this.edges = edges;
        this.step = step;
    }

    public S state() {
        return state;
    }

    /** Follows {@code trigger}'s edge from the current state and records the step. */
    public void take(T trigger, String reason) {
        S to = edges.apply(state, trigger).orElseThrow(
                () -> new IllegalStateException("no " + trigger + " edge from " + state + ": the lifecycle is inconsistent"));
        taken.add(step.of(state, to, trigger, reason));
        state = to;
    }

    public List<R> taken() {
        return List.copyOf(taken);
    }

    /** A person's act in words for the history: {@code what} and {@code actor}, then {@code ": reason"} when one was given. */
    public static String said(String what, String actor, String reason) {
        return what + actor + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }
}
