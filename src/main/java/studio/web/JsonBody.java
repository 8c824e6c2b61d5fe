package studio.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small JSON request body read leniently on spelling (snake_case or camelCase, as docs/API.md allows) and strictly on
 * types: a wrong type is a 400 naming the field.
 */
public final class JsonBody {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode root;
    private final String text;

    private JsonBody(JsonNode root, String text) {
        this.root = root;
        this.text = text;
    }

    public static JsonBody parse(String body) {
        if (body == null || body.isBlank()) return new JsonBody(JSON.createObjectNode(), "{}");
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) throw ApiException.badRequest("the request body must be a JSON object");
            return new JsonBody(node, body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ApiException(400, List.of(new studio.input.InputProblem("malformed JSON: " + e.getOriginalMessage(),
                    loc == null ? null : loc.getLineNr(), loc == null ? null : loc.getColumnNr(), null)));
        }
    }

    /**
     * Refuses, with a 400 naming each one with its line and column, every top-level field not among {@code known}: a
     * field the endpoint would not act on is refused rather than silently dropped ({@code what} names the endpoint and
     * what it takes, for the message).
     */
    public void refuseOthers(String what, String... known) {
        java.util.Set<String> allowed = java.util.Set.of(known);
        List<studio.input.InputProblem> problems = new ArrayList<>();
        try (var parser = JSON.getFactory().createParser(text)) {
            int depth = 0;
            for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isStructStart()) depth++;
                else if (token.isStructEnd()) depth--;
                else if (token == com.fasterxml.jackson.core.JsonToken.FIELD_NAME && depth == 1 && !allowed.contains(parser.currentName())) {
                    var at = parser.currentTokenLocation();
                    problems.add(new studio.input.InputProblem("unknown field '" + parser.currentName() + "': " + what, at.getLineNr(),
                            at.getColumnNr(), "$." + parser.currentName()));
                }
            }
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getMessage());
        }
        if (!problems.isEmpty()) throw new ApiException(400, problems);
    }

    /** Whether the body has the field (null counts: it says so on purpose). */
    public boolean has(String name) {
        return root.has(name);
    }

    /** The first of the given spellings that is present, as text; null when absent. */
    public String text(String... names) {
        JsonNode n = field(names);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw ApiException.badRequest("'" + names[0] + "' must be a string");
        return n.asText();
    }

    public List<String> strings(String... names) {
        JsonNode n = field(names);
        if (n == null || n.isNull()) return List.of();
        if (n.isTextual()) return List.of(n.asText());
        if (!n.isArray()) throw ApiException.badRequest("'" + names[0] + "' must be a list of strings");
        List<String> out = new ArrayList<>();
        for (JsonNode item : n) {
            if (!item.isTextual()) throw ApiException.badRequest("'" + names[0] + "' must be a list of strings");
            out.add(item.asText());
        }
        return out;
    }

    public Instant instant(String... names) {
        String text = text(names);
        if (text == null || text.isBlank()) return null;
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest("'" + names[0] + "' must be an ISO-8601 date-time like 2025-05-14T18:35:00Z");
            }
        }
    }

    /** The first of the given spellings that is present, as a whole number; null when absent. */
    public Long number(String... names) {
        JsonNode n = field(names);
        if (n == null || n.isNull()) return null;
        if (!n.canConvertToExactIntegral()) throw ApiException.badRequest("'" + names[0] + "' must be a whole number");
        return n.asLong();
    }

    private JsonNode field(String... names) {
        for (String name : names) {
            if (root.has(name)) return root.get(name);
        }
        return null;
    }
}
