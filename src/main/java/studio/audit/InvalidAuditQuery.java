package studio.audit;

import java.util.List;
import studio.web.ApiErrors.Problem;

/** Query parameters the audit trail cannot answer; each problem names its parameter in {@code path}. */
public class InvalidAuditQuery extends IllegalArgumentException {

    private final transient List<Problem> problems;

    public InvalidAuditQuery(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid audit query" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
