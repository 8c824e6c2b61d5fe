package studio.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import studio.input.InputProblem;

/** The API's error body: {@code {"errors":[{"message":..,"line":..,"column":..,"path":..}]}} (docs/API.md). */
public final class ApiErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiErrors() {
    }

    public static String json(String message) {
        return json(List.of(InputProblem.of(message)));
    }

    public static String json(List<InputProblem> problems) {
        return body(problems).toString();
    }

    /**
     * An RFC 9457 problem ({@code application/problem+json}): {@code type} (about:blank: the status says it all),
     * {@code title}, {@code status}, {@code detail}, and the {@code errors} array clients already read.
     */
    public static ObjectNode problem(int status, String title, String detail) {
        ObjectNode problem = JSON.createObjectNode().put("type", "about:blank").put("title", title).put("status", status).put("detail", detail);
        problem.setAll(body(List.of(InputProblem.of(detail))));
        return problem;
    }

    public static ObjectNode body(List<InputProblem> problems) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode errors = root.putArray("errors");
        for (InputProblem p : problems) {
            ObjectNode e = errors.addObject().put("message", p.message());
            if (p.line() != null) e.put("line", p.line());
            if (p.column() != null) e.put("column", p.column());
            if (p.path() != null) e.put("path", p.path());
        }
        return root;
    }
}
