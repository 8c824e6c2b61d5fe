package studio.milestone;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.audit.Refusals;
import studio.governance.Actor;
import studio.persistence.Rows;

/** People's marks on acceptance criteria that no gate decides (table criterion_mark), each one audited. */
@ApplicationScoped
public class CriterionMarks {

    @Inject
    EntityManager em;
    @Inject
    MilestoneViews views;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    AuditLog audit;
    @Inject
    Refusals refusals;
    @Inject
    ObjectMapper json;

    @Transactional
    public void mark(String milestoneId, String criterion, boolean met, Actor actor) {
        Milestone m = views.find(milestoneId);
        refusals.enforce(AcceptanceCriteria.mark(actor, m.id, m.lifecycleState(), rulebook.rules(m).definition(), criterion),
                actor, "mark criterion", Subject.milestone(m.id));
        Rows.update(em, """
                insert into criterion_mark (milestone_id, criterion, met, marked_by, marked_at) values (?, ?, ?, ?, ?)
                on conflict (milestone_id, criterion) do update set met = excluded.met, marked_by = excluded.marked_by,
                       marked_at = excluded.marked_at""",
                m.id, criterion, met, actor.name(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        audit.record(actor, AuditEntry.of("AcceptanceCriterionMarked", Subject.milestone(m.id), m.traceId,
                json.createObjectNode().put("criterion", criterion).put("met", met)));
    }

    public Map<String, AcceptanceCriteria.Mark> marks(String milestoneId) {
        Map<String, AcceptanceCriteria.Mark> out = new HashMap<>();
        Rows.list(em, "select criterion, met, marked_by, marked_at from criterion_mark where milestone_id = ?", r -> r, milestoneId)
                .forEach(r -> out.put(r.text("criterion"), new AcceptanceCriteria.Mark(r.flag("met"), r.text("marked_by"),
                        r.instant("marked_at"))));
        return out;
    }
}
