package studio.input;

import java.util.List;

/**
 * An input was rejected. Carries every problem found in the document (at most {@link Problems#MAX}), not just the
 * first, so that an author can fix them in one round.
 */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<InputProblem> problems;

    public InvalidInputException(List<InputProblem> problems) {
        super(summary(problems));
        if (problems.isEmpty()) throw new IllegalArgumentException("an invalid input has at least one problem");
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(InputProblem problem) {
        this(List.of(problem));
    }

    public List<InputProblem> problems() {
        return problems;
    }

    private static String summary(List<InputProblem> problems) {
        if (problems.isEmpty()) return "invalid input";
        String first = problems.get(0).describe();
        int more = problems.size() - 1;
        return more == 0 ? first : first + " (and " + more + " more problem" + (more == 1 ? "" : "s") + ")";
    }
}
