package studio.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The API's error body: {@code {"errors":[{"message":..,"line":..,"column":..,"path":..}]}} (API.md). */
public final class ApiErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One problem; line, column and path are null when they do not apply. */
    public record Problem(String message, Integer line, Integer column, String path) {
        public static Problem of(String message) {
            return new Problem(message, null, null, null);
        }
    }

    private ApiErrors() {
    }

    public static String json(String message) {
        return json(List.of(Problem.of(message)));
    }

    public static String json(List<Problem> problems) {
        return body(problems).toString();
    }

    public static ObjectNode body(List<Problem> problems) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode errors = root.putArray("errors");
        for (Problem p : problems) {
            ObjectNode e = errors.addObject().put("message", p.message());
            if (p.line() != null) e.put("line", p.line());
            if (p.column() != null) e.put("column", p.column());
            if (p.path() != null) e.put("path", p.path());
        }
        return root;
    }
}
