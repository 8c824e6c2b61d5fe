package studio.milestone;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import studio.definition.AcceptanceCriterion;
import studio.definition.MilestoneDefinition;
import studio.gate.GateStatus;
import studio.governance.Actor;
import studio.governance.MilestoneState;
import studio.governance.Roles;
import studio.governance.Verdict;

/**
 * A milestone's acceptance criteria one by one, as the milestone page shows them, and who may mark one.
 * A criterion linked to a gate follows the gate; any other is met when the definition says so or a person marked it
 * met. This is the per-criterion form of {@code MilestoneProgress.isMet} (which counts them): keep the two alike.
 */
public final class AcceptanceCriteria {

    private AcceptanceCriteria() {
    }

    /** A person's mark on a criterion, from the criterion_mark table. */
    public record Mark(boolean met, String by, Instant at) {}

    /**
     * @param source   what decides it: "gate", "definition" or "person"
     * @param markable a person may mark it met or unmet (not gate-linked, not already met in the definition)
     */
    public record Row(String text, String gate, GateStatus gateStatus, boolean met, String source, Mark mark, boolean markable) {}

    public static List<Row> rows(MilestoneDefinition d, Map<String, GateStatus> gates, Map<String, Mark> marks) {
        return d.acceptanceCriteria().stream().map(c -> row(c, gates, marks.get(c.text()))).toList();
    }

    static Row row(AcceptanceCriterion c, Map<String, GateStatus> gates, Mark mark) {
        if (c.gate() != null) {
            GateStatus status = gates.get(c.gate());
            return new Row(c.text(), c.gate(), status, status != null && status.satisfied(), "gate", null, false);
        }
        if (Boolean.TRUE.equals(c.met())) return new Row(c.text(), null, null, true, "definition", null, false);
        boolean met = mark != null && mark.met();
        return new Row(c.text(), null, null, met, mark == null ? "definition" : "person", mark, true);
    }

    /** Marking needs an acting role, an open milestone, and a criterion a person decides. */
    public static Verdict mark(Actor actor, String milestoneId, MilestoneState state, MilestoneDefinition d, String criterion) {
        if (!actor.holdsAny(Roles.ACTING_HUMANS)) return Verdict.forbidden("marking acceptance criteria needs a human role other than auditor");
        if (state.terminal()) return Verdict.conflict("milestone " + milestoneId + " is " + state.label() + "; its criteria no longer change");
        Optional<AcceptanceCriterion> found = d.acceptanceCriteria().stream().filter(c -> c.text().equals(criterion)).findFirst();
        if (found.isEmpty()) return Verdict.badRequest("milestone " + milestoneId + " has no acceptance criterion '" + criterion + "'");
        if (found.get().gate() != null) return Verdict.badRequest("'" + criterion + "' follows the gate " + found.get().gate() + "; it cannot be marked by hand");
        if (Boolean.TRUE.equals(found.get().met())) return Verdict.badRequest("'" + criterion + "' is met in the definition; change the definition instead");
        return Verdict.ALLOWED;
    }
}
