package studio.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import studio.input.Fields;
import studio.input.KeySet;
import studio.input.Node;
import studio.input.Problems;
import studio.input.ScalarNode;

/**
 * Reads the planning parts of a milestone (docs/spec/milestone-and-deliverable-system.md, docs/spec/milestone-specification-guide.md):
 * acceptance criteria, deliverables, risks and blockers. Each item may be a text or a mapping.
 */
final class PlanReader {

    private static final KeySet CRITERION = KeySet.of("text|criterion", "met", "metBy", "gate");
    private static final KeySet DELIVERABLE = KeySet.of("name", "description", "owner", "status", "target",
            "criteria|acceptanceCriteria");
    private static final KeySet RISK = KeySet.of("risk|description", "likelihood", "impact", "mitigation");
    private static final KeySet BLOCKER = KeySet.of("issue|title", "impact", "owner", "action", "targetResolution", "priority");

    private final Problems problems;
    private final Set<String> gateNames;

    /** {@code gateNames}: the milestone's gates, which criteria may link to. */
    PlanReader(Problems problems, Set<String> gateNames) {
        this.problems = problems;
        this.gateNames = gateNames;
    }

    List<AcceptanceCriterion> criteria(Fields owner, String key) {
        List<AcceptanceCriterion> out = new ArrayList<>();
        for (Node item : owner.items(key)) {
            AcceptanceCriterion c = item instanceof ScalarNode s ? criterionText(s) : criterion(item);
            if (c != null) out.add(c);
        }
        return out;
    }

    private AcceptanceCriterion criterionText(ScalarNode item) {
        if (item.isNull() || item.text().isBlank()) {
            problems.add(item, "an acceptance criterion must say something, found " + item.describe());
            return null;
        }
        return AcceptanceCriterion.fromText(item.text());
    }

    private AcceptanceCriterion criterion(Node item) {
        Fields f = Fields.of(item, CRITERION, "an acceptance criterion", true, problems);
        String gate = f.string("gate");
        if (gate != null && !gateNames.contains(gate)) {
            problems.add(f.get("gate"), "acceptance criterion links to gate '" + gate + "', which the milestone does not have"
                    + studio.input.Spelling.didYouMean(gate, gateNames)
                    + (gateNames.isEmpty() ? "" : "; its gates: " + String.join(", ", gateNames)));
        }
        return new AcceptanceCriterion(nonBlank(f, "text", "an acceptance criterion"), f.bool("met"), f.string("metBy"), gate);
    }

    List<Deliverable> deliverables(Fields milestone) {
        List<Deliverable> out = new ArrayList<>();
        for (Node item : milestone.items("deliverables")) {
            if (item instanceof ScalarNode s) {
                String name = nonBlank(s, "a deliverable");
                if (name != null) out.add(Deliverable.named(name));
                continue;
            }
            Fields f = Fields.of(item, DELIVERABLE, "a deliverable", true, problems);
            out.add(new Deliverable(nonBlank(f, "name", "a deliverable"), f.string("description"), f.string("owner"),
                    f.string("status"), f.string("target"), criteria(f, "criteria")));
        }
        return out;
    }

    List<Risk> risks(Fields milestone) {
        List<Risk> out = new ArrayList<>();
        for (Node item : milestone.items("risks")) {
            if (item instanceof ScalarNode s) {
                String risk = nonBlank(s, "a risk");
                if (risk != null) out.add(new Risk(risk, null, null, null));
                continue;
            }
            Fields f = Fields.of(item, RISK, "a risk", true, problems);
            out.add(new Risk(nonBlank(f, "risk", "a risk"), f.string("likelihood"), f.string("impact"), f.string("mitigation")));
        }
        return out;
    }

    List<Blocker> blockers(Fields milestone) {
        List<Blocker> out = new ArrayList<>();
        for (Node item : milestone.items("blockers")) {
            if (item instanceof ScalarNode s) {
                String issue = nonBlank(s, "a blocker");
                if (issue != null) out.add(new Blocker(issue, null, null, null, null, null));
                continue;
            }
            Fields f = Fields.of(item, BLOCKER, "a blocker", true, problems);
            out.add(new Blocker(nonBlank(f, "issue", "a blocker"), f.string("impact"), f.string("owner"), f.string("action"),
                    f.string("targetResolution"), f.string("priority")));
        }
        return out;
    }

    /** The required text of a mapping item; blank is refused as in the text form. */
    private String nonBlank(Fields f, String key, String what) {
        String text = f.requiredString(key);
        if (text == null || !text.isBlank()) return text;
        problems.add(f.get(key), what + " must say something, found " + f.get(key).describe());
        return null;
    }

    private String nonBlank(ScalarNode item, String what) {
        if (!item.isNull() && !item.text().isBlank()) return item.text();
        problems.add(item, what + " must say something, found " + item.describe());
        return null;
    }
}
