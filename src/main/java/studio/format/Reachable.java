package studio.format;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/** The states a state machine can still come to from one state, following its edges ({@code next}). */
public final class Reachable {

    private Reachable() {
    }

    /** {@code from} itself and every state some path of edges leads to. */
    public static <S> Set<S> from(S from, Function<S, Collection<S>> next) {
        Set<S> seen = new HashSet<>(Set.of(from));
        Deque<S> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            for (S s : next.apply(todo.pop())) if (seen.add(s)) todo.push(s);
        }
        return seen;
    }
}
