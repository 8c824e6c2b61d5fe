package studio.audit;

import java.util.List;
import studio.input.InputProblem;

/** Query parameters the audit trail cannot answer; each problem names its parameter in {@code path}. */
public class InvalidAuditQuery extends IllegalArgumentException {

    private final transient List<InputProblem> problems;

    public InvalidAuditQuery(List<InputProblem> problems) {
        super(problems.isEmpty() ? "invalid audit query" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
