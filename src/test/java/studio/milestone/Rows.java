package studio.milestone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;

/**
 * Board rows for the tests: a milestone row as BoardRows reads it, with a report written as JSON. BoardTable writes
 * them to the test database when a test reads the board through its query.
 */
final class Rows {

    static final Instant NOW = Instant.parse("2025-06-10T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Rows() {
    }

    static BoardRow row(String id, String state, Instant stateSince, long seq, Instant updatedAt) {
        return new BoardRow(id, "Name of " + id, "About " + id, "Phase", "product-owner", "product-owner", List.of("label"),
                "v1", state, stateSince, updatedAt, seq, List.of(), null);
    }

    static BoardRow row(String id, String state, Instant stateSince) {
        return row(id, state, stateSince, 1, stateSince);
    }

    static BoardRow described(String id, String name, String description, String phase, String owner, List<String> labels) {
        return new BoardRow(id, name, description, phase, owner, "product-owner", labels, null, "planned", NOW, NOW, 1, List.of(), null);
    }

    static BoardRow reported(String id, List<String> required, String reportJson) {
        return new BoardRow(id, null, null, null, null, "qa-lead", List.of(), null, "blocked", NOW, NOW, 1, required, json(reportJson));
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
