package studio.input;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one document, keeping the first {@value #MAX}. */
public final class Problems {

    public static final int MAX = 50;

    private final List<InputProblem> list = new ArrayList<>();

    public void add(InputProblem problem) {
        if (list.size() < MAX) list.add(problem);
    }

    public void add(Node at, String message) {
        add(at.problem(message));
    }

    public int size() {
        return list.size();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** No further problem would be kept: callers may stop looking. */
    public boolean isFull() {
        return list.size() >= MAX;
    }

    /** The problems in document order (by line, then column); problems without a line come last. */
    public List<InputProblem> list() {
        List<InputProblem> sorted = new ArrayList<>(list);
        sorted.sort(DOCUMENT_ORDER);
        return List.copyOf(sorted);
    }

    private static final Comparator<InputProblem> DOCUMENT_ORDER = Comparator
            .comparing(InputProblem::line, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(InputProblem::column, Comparator.nullsLast(Comparator.naturalOrder()));

    /** Rejects the document when anything was found. */
    public void throwIfAny() {
        if (!list.isEmpty()) throw new InvalidInputException(list());
    }
}
