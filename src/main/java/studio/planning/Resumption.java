package studio.planning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import studio.definition.DefinitionSet;
import studio.definition.DefinitionWriter;
import studio.definition.SprintDefinition;
import studio.sprint.PlanDiff;
import studio.sprint.PlanSnapshots.Snapshot;

/**
 * One PlanningResumed of a milestone, against the plan before it, and the documents the sprint spec says a
 * resumption produces: updated-sprint-plan.yaml, resumption-report.md and deferred-to-resumed-mapping.json.
 *
 * @param before the plan snapshot before this one (an import or an earlier resumption), null for the first
 */
public record Resumption(Snapshot snapshot, Snapshot before, PlanDiff diff) {

    public static final List<String> FILES = List.of("updated-sprint-plan.yaml", "resumption-report.md", "deferred-to-resumed-mapping.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    public List<String> files() {
        return FILES;
    }

    public static Resumption of(Snapshot snapshot, Snapshot before) {
        return new Resumption(snapshot, before, PlanDiff.between(before == null ? PlanDiff.Plan.empty() : before.plan(), snapshot.plan()));
    }

    /** The plan after the resumption as a sprints document (it imports as it reads); deferred features in a comment. */
    public String updatedSprintPlan() {
        List<SprintDefinition> sprints = new ArrayList<>();
        snapshot.plan().sprints().forEach((id, features) -> sprints.add(new SprintDefinition(id, null, null, List.of(snapshot.milestoneId()),
                List.copyOf(new TreeSet<>(features)), List.of(), null, null, null, null, List.of(), null, null, List.of())));
        String head = "# updated-sprint-plan.yaml: the plan of milestone " + snapshot.milestoneId() + " after PlanningResumed (evidence "
                + snapshot.evidenceId() + ", " + snapshot.takenAt() + ")\n"
                + (snapshot.plan().deferredFeatures().isEmpty() ? "" : "# deferred: " + String.join(", ", new TreeSet<>(snapshot.plan().deferredFeatures())) + "\n");
        return head + DefinitionWriter.toYaml(new DefinitionSet(List.of(), sprints, List.of()));
    }

    /** Each feature deferred before the resumption: the sprints it is planned in now, or null while it stays deferred. */
    public String deferredToResumedMapping() {
        ObjectNode root = JSON.createObjectNode().put("milestone_id", snapshot.milestoneId()).put("planning_resumed_evidence", snapshot.evidenceId())
                .put("resumed_at", snapshot.takenAt().toString());
        ObjectNode mapping = root.putObject("mapping");
        Set<String> deferredBefore = before == null ? Set.of() : new TreeSet<>(before.plan().deferredFeatures());
        for (String feature : deferredBefore) {
            List<String> now = snapshot.plan().sprints().entrySet().stream().filter(e -> e.getValue().contains(feature)).map(e -> e.getKey()).sorted().toList();
            if (snapshot.plan().deferredFeatures().contains(feature) || now.isEmpty()) mapping.putNull(feature);
            else now.forEach(mapping.withArray(feature)::add);
        }
        return root.toPrettyString() + "\n";
    }

    public String report() {
        StringBuilder md = new StringBuilder();
        md.append("# Resumption report: ").append(snapshot.milestoneId()).append("\n\n");
        md.append("- PlanningResumed: evidence ").append(snapshot.evidenceId()).append(", ").append(snapshot.takenAt()).append(", reported by ")
                .append(snapshot.actor()).append("\n");
        md.append("- Reason: ").append(snapshot.reason() == null ? "(none given)" : snapshot.reason().replaceAll("\\s+", " ")).append("\n");
        md.append("- Compared with: ").append(before == null ? "nothing (the first plan Studio recorded for this milestone)"
                : (before.resumption() ? "the previous resumption" : "the plan after the import") + " of " + before.takenAt()).append("\n\n");
        md.append("## Scope changes\n\n");
        if (diff.empty()) md.append("None: the plan is as it was.\n");
        section(md, "Added", diff.added());
        section(md, "Removed", diff.removed());
        section(md, "Deferred", diff.deferred());
        section(md, "Resumed (deferred before, planned again)", diff.resumed().entrySet().stream().map(e -> e.getKey() + " in " + e.getValue()).toList());
        section(md, "Moved between sprints", diff.moved().stream().map(m -> m.feature() + ": " + String.join(", ", m.from()) + " -> " + String.join(", ", m.to())).toList());
        md.append("\n## Plan now\n\n| Sprint | Features |\n|---|---|\n");
        snapshot.plan().sprints().forEach((s, f) -> md.append("| ").append(s).append(" | ").append(String.join(", ", new TreeSet<>(f))).append(" |\n"));
        if (!snapshot.plan().deferredFeatures().isEmpty()) {
            md.append("\nStill deferred: ").append(String.join(", ", new TreeSet<>(snapshot.plan().deferredFeatures()))).append("\n");
        }
        return md.toString();
    }

    private static void section(StringBuilder md, String title, List<String> items) {
        if (items.isEmpty()) return;
        md.append("### ").append(title).append("\n\n");
        items.forEach(i -> md.append("- ").append(i).append("\n"));
        md.append("\n");
    }
}
