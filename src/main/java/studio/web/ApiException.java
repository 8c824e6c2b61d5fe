package studio.web;

import java.util.List;
import studio.input.InputProblem;

/**
 * A request Studio refuses, with the HTTP status docs/API.md gives it (400 bad input, 403 role may not act, 404 unknown
 * id, 409 state conflict) and what was wrong. Thrown inside a transaction, it rolls everything back.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final List<InputProblem> problems;

    public ApiException(int status, String message) {
        this(status, List.of(InputProblem.of(message)));
    }

    public ApiException(int status, List<InputProblem> problems) {
        super(problems.get(0).message());
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public int status() {
        return status;
    }

    public List<InputProblem> problems() {
        return problems;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }
}
