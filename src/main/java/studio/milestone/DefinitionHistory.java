package studio.milestone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import studio.format.LineDiff;
import studio.persistence.Rows;

/**
 * A milestone's definition over time: every version it had (read from the audit trail, where each MilestoneDefined
 * and MilestoneRedefined event carries the definition in force after it) with the lines each changed, and the
 * changes that loosen it, waiting for a second person or already decided (definition_change). Two queries.
 */
@ApplicationScoped
public class DefinitionHistory {

    static final int VERSIONS = 20;
    static final int CHANGES = 10;

    /** One version of the definition: who put it in force, when, through which event, and the lines it changed. */
    public record Version(long seq, Instant at, String actor, String type, String approvedBy, List<LineDiff.Line> diff) {

        public boolean first() {
            return "MilestoneDefined".equals(type);
        }
    }

    /** A change that loosens the milestone: pending, approved, rejected or superseded by a newer proposal. */
    public record Change(long id, String status, List<String> weakenings, String author, Instant proposedAt, String decidedBy,
                         Instant decidedAt, String decisionReason, List<LineDiff.Line> diff, String definition) {

        public boolean pending() {
            return "pending".equals(status);
        }
    }

    /** @param mayDecide whether the person reading may approve or reject the pending change */
    public record View(List<Version> versions, List<Change> changes, boolean mayDecide) {

        public static final View NONE = new View(List.of(), List.of(), false);

        public Change pending() {
            return changes.stream().filter(Change::pending).findFirst().orElse(null);
        }

        public View deciding(boolean may) {
            return new View(versions, changes, may);
        }
    }

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    public View of(String milestoneId) {
        return new View(versions(milestoneId), changes(milestoneId), false);
    }

    /** The newest versions first, each with its difference from the one before. */
    public List<Version> versions(String milestoneId) {
        record Event(long seq, Instant at, String actor, String type, JsonNode payload) {}
        List<Event> events = Rows.list(em, """
                select e.seq, e.occurred_at, e.actor, e.type, e.payload from audit_event e
                where e.subject_type = 'milestone' and e.subject_id = ? and e.type in ('MilestoneDefined', 'MilestoneRedefined')
                order by e.seq desc limit ?""",
                r -> new Event(r.number("seq"), r.instant("occurred_at"), r.text("actor"), r.text("type"), parse(r.text("payload"))),
                milestoneId, VERSIONS);
        List<Version> out = new ArrayList<>(events.size());
        for (Event e : events) {
            String after = e.payload.path("definition").asText("");
            String before = e.payload.hasNonNull("previous_definition") ? e.payload.get("previous_definition").asText() : "";
            String approvedBy = e.payload.hasNonNull("approved_by") ? e.payload.get("approved_by").asText() : null;
            out.add(new Version(e.seq, e.at, e.actor, e.type, approvedBy, LineDiff.changes(before, after)));
        }
        return out;
    }

    public List<Change> changes(String milestoneId) {
        return Rows.list(em, """
                select id, status, weakenings, author, proposed_at, decided_by, decided_at, decision_reason, base_definition, definition
                from definition_change where milestone_id = ? order by id desc limit ?""",
                r -> new Change(r.number("id"), r.text("status"), r.texts("weakenings"), r.text("author"), r.instant("proposed_at"),
                        r.text("decided_by"), r.instant("decided_at"), r.text("decision_reason"),
                        LineDiff.changes(r.text("base_definition"), r.text("definition")), r.text("definition")),
                milestoneId, CHANGES);
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }
}
