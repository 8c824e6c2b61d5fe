package studio.release.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import studio.governance.ReleaseApproval;

/**
 * release-metadata.json (docs/spec/release-coordinator.md "Example: release-metadata.json"), the answer of
 * {@code GET /api/releases/{version_tag}}: the spec's milestone_id, version_tag, trace_id, released_at, features,
 * sprint_ids, qa_coverage, git_tag, docker_images, then environment, status and approvals (approval-context.json's
 * approved_by, reason, timestamp, with role and content_hash).
 */
public final class ReleaseMetadata {

    private ReleaseMetadata() {}

    public static ObjectNode tree(ReleaseFacts f) {
        ObjectNode m = ManifestStatement.JSON.createObjectNode();
        m.put("milestone_id", f.milestoneId());
        m.put("version_tag", f.versionTag());
        m.put("trace_id", f.traceId());
        m.put("released_at", ManifestStatement.time(f.releasedAt()));
        ArrayNode features = m.putArray("features");
        f.features().forEach(x -> features.add(x.name()));
        ArrayNode sprints = m.putArray("sprint_ids");
        f.sprintIds().forEach(sprints::add);
        m.put("qa_coverage", f.qaCoverage());
        m.put("git_tag", f.gitTag());
        ArrayNode images = m.putArray("docker_images");
        f.dockerImages().forEach(images::add);
        m.put("environment", f.environment().json());
        f.settings().writeTo(m);
        m.put("status", f.state() == null ? null : f.state().json());
        ArrayNode approvals = m.putArray("approvals");
        f.approvals().stream().sorted(Comparator.comparing(ReleaseApproval::at)).forEach(a -> approvals.addObject()
                .put("approved_by", a.approver()).put("role", a.role()).put("reason", a.reason())
                .put("timestamp", ManifestStatement.time(a.at())).put("content_hash", a.contentHash()));
        return m;
    }

    /** The document as served and stored: indented, fields in the order above, a final newline. */
    public static String render(ReleaseFacts f) {
        try {
            return ManifestStatement.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(f)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
