package studio.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import studio.input.InputProblem;

/**
 * The API's error body (docs/API.md "Errors"): an RFC 9457 problem, {@code application/problem+json}, with
 * {@code type} (about:blank: the status says what kind of error), {@code title} (the status's phrase), {@code status},
 * {@code detail} (what was wrong, as a person reads it) and the {@code errors} array clients read for line, column
 * and path: {@code [{"message":..,"line":..,"column":..,"path":..}]}.
 */
public final class ApiErrors {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final MediaType PROBLEM = MediaType.valueOf(PROBLEM_JSON);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiErrors() {
    }

    /** A response with {@code status} and the problem saying {@code message}; add headers before building. */
    public static Response.ResponseBuilder response(int status, String message) {
        return response(status, List.of(InputProblem.of(message)));
    }

    public static Response.ResponseBuilder response(int status, List<InputProblem> problems) {
        return Response.status(status).type(PROBLEM).entity(problem(status, problems).toString());
    }

    public static String json(int status, String message) {
        return problem(status, List.of(InputProblem.of(message))).toString();
    }

    public static ObjectNode problem(int status, List<InputProblem> problems) {
        ObjectNode root = JSON.createObjectNode().put("type", "about:blank").put("title", title(status)).put("status", status)
                .put("detail", problems.stream().map(InputProblem::describe).collect(Collectors.joining("; ")));
        ArrayNode errors = root.putArray("errors");
        for (InputProblem p : problems) {
            ObjectNode e = errors.addObject().put("message", p.message());
            if (p.line() != null) e.put("line", p.line());
            if (p.column() != null) e.put("column", p.column());
            if (p.path() != null) e.put("path", p.path());
        }
        return root;
    }

    /** The status's reason phrase ("Bad Request", "Conflict"), as RFC 9457 asks of about:blank problems. */
    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) return known.getReasonPhrase();
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
    }
}
