package studio.evidence;

import java.util.ArrayList;
import java.util.List;
import studio.input.Fields;
import studio.input.Format;
import studio.input.KeySet;
import studio.input.Node;
import studio.input.Problems;
import studio.input.SequenceNode;
import studio.input.TreeReader;

/**
 * Reads execution-metadata.json: one record or an array of them. traceId, sprintId, agentId and status are required
 * (the trace anchors every execution carries); featureId, skillId, durationMs and artifact (or output) are optional.
 */
public final class ExecutionMetadataParser {

    private static final KeySet KEYS = KeySet.of("traceId", "sprintId", "featureId", "agentId", "skillId", "status",
            "durationMs", "artifact|output");

    private ExecutionMetadataParser() {}

    public static List<ExecutionRecord> parse(String json) {
        Node root = TreeReader.read(json, Format.JSON);
        Problems problems = new Problems();
        List<Node> items = root instanceof SequenceNode seq ? seq.items() : List.of(root);
        if (items.isEmpty()) problems.add(root, "the array holds no execution records");
        List<ExecutionRecord> records = new ArrayList<>();
        for (Node item : items) records.add(record(Fields.of(item, KEYS, "an execution record", false, problems)));
        problems.throwIfAny();
        return records;
    }

    private static ExecutionRecord record(Fields f) {
        return new ExecutionRecord(f.requiredString("traceId"), f.requiredId("sprintId"), f.id("featureId"),
                f.requiredString("agentId"), f.string("skillId"), f.requiredString("status"),
                f.integer("durationMs", 0, Long.MAX_VALUE), f.string("artifact"));
    }
}
