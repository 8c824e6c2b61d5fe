package studio.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import studio.input.InputProblem;
import studio.input.InvalidInputException;
import studio.input.Problems;
import studio.input.Spelling;

/**
 * A batch of evidence as CI sends it to {@code POST /api/evidence/batch}: newline-delimited JSON, one input per line,
 * each line what one single call would have sent. A line is
 * {@code {"kind":"event"|"trace-matrix"|"qa-report"|"executions", "sprintId":.., "idempotencyKey":..,
 * "contentType":.., "body":..}}; the body is the JSON the single call takes, or a string (a markdown QA report).
 * Every line is read before anything is stored, and every problem is reported with its line.
 */
public record EvidenceBatch(List<Line> lines) {

    /** The most lines one batch may hold: a batch is one transaction, and it should stay a short one. */
    public static final int MAX_LINES = 1000;

    static final Set<String> KINDS = Set.of("event", "trace-matrix", "qa-report", "executions");
    private static final Set<String> FIELDS = Set.of("kind", "sprintId", "idempotencyKey", "contentType", "body");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One input of the batch.
     *
     * @param number   its 1-based line in the request body
     * @param markdown a QA report body in markdown (else JSON)
     */
    public record Line(int number, String kind, String sprintId, String idempotencyKey, boolean markdown, String body) {}

    public static EvidenceBatch parse(String text) {
        Problems problems = new Problems();
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isBlank()) continue;
            if (lines.size() == MAX_LINES) {
                throw new InvalidInputException(new InputProblem("a batch holds at most " + MAX_LINES
                        + " lines; split it into several batches", i + 1, null, null));
            }
            Line line = line(raw[i], i + 1, problems);
            if (line != null) lines.add(line);
        }
        problems.throwIfAny();
        if (lines.isEmpty()) throw new InvalidInputException(InputProblem.of("the batch holds no lines (one JSON object per line)"));
        return new EvidenceBatch(List.copyOf(lines));
    }

    private static Line line(String text, int number, Problems problems) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            problems.add(new InputProblem("malformed JSON: " + e.getOriginalMessage(), number, at == null ? null : at.getColumnNr(), null));
            return null;
        }
        if (node == null || !node.isObject()) {
            problems.add(new InputProblem("each line must be a JSON object like {\"kind\":\"event\",\"body\":{...}}", number, null, null));
            return null;
        }
        int before = problems.size();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(new InputProblem("unknown field '" + name + "'" + Spelling.didYouMean(name, FIELDS)
                        + "; a line has kind, sprintId, idempotencyKey, contentType and body", number, null, "$." + name));
            }
        }
        String kind = text(node, "kind", number, problems);
        if (kind == null) {
            problems.add(new InputProblem("kind is required: one of " + String.join(", ", KINDS.stream().sorted().toList()), number, null, "$.kind"));
        } else if (!KINDS.contains(kind)) {
            problems.add(new InputProblem("unknown kind '" + kind + "'" + Spelling.didYouMean(kind, KINDS) + "; accepted: "
                    + String.join(", ", KINDS.stream().sorted().toList()), number, null, "$.kind"));
        }
        String sprintId = text(node, "sprintId", number, problems);
        if (sprintId == null && ("trace-matrix".equals(kind) || "qa-report".equals(kind))) {
            problems.add(new InputProblem("sprintId is required for a " + kind, number, null, "$.sprintId"));
        }
        String key = text(node, "idempotencyKey", number, problems);
        String contentType = text(node, "contentType", number, problems);
        JsonNode body = node.get("body");
        if (body == null || body.isNull() || (body.isTextual() && body.asText().isBlank())) {
            problems.add(new InputProblem("body is required: the JSON (or markdown text) the single call takes", number, null, "$.body"));
        } else if (!body.isTextual() && !body.isContainerNode()) {
            problems.add(new InputProblem("body must be a JSON object, an array or a string", number, null, "$.body"));
        }
        if (problems.size() > before) return null;
        boolean markdown = "qa-report".equals(kind) && (contentType != null
                ? !contentType.toLowerCase(Locale.ROOT).contains("json") : body.isTextual());
        return new Line(number, kind, sprintId, key, markdown, body.isTextual() ? body.asText() : body.toString());
    }

    private static String text(JsonNode node, String field, int number, Problems problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) {
            problems.add(new InputProblem(field + " must be a string", number, null, "$." + field));
            return null;
        }
        return v.asText().isBlank() ? null : v.asText().strip();
    }

    /** The problems of one line's body, moved to the line of the batch it came from ("$.body.sprintId"). */
    public static List<InputProblem> atLine(int number, List<InputProblem> problems) {
        return problems.stream().map(p -> new InputProblem(p.message(), number, null,
                p.path() == null ? "$.body" : "$.body" + (p.path().startsWith("$") ? p.path().substring(1) : "." + p.path())))
                .toList();
    }
}
