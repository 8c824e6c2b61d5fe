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
