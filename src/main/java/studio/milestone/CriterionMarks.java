package studio.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import studio.governance.Actor;
import studio.persistence.Rows;

/** People's marks on acceptance criteria that no gate decides (table criterion_mark), each one audited. */
@ApplicationScoped
public class CriterionMarks {

    @Inject
    EntityManager em;
    @Inject
    MilestoneChanges changes;

    @Transactional
    public void mark(String milestoneId, String criterion, boolean met, Actor actor) {
        Milestone m = changes.find(milestoneId);
        changes.enforce(AcceptanceCriteria.mark(actor, m.id, m.lifecycleState(), changes.rules(m).definition(), criterion),
                actor, "mark criterion", m.id);
        Rows.update(em, """
                insert into criterion_mark (milestone_id, criterion, met, marked_by, marked_at) values (?, ?, ?, ?, ?)
                on conflict (milestone_id, criterion) do update set met = excluded.met, marked_by = excluded.marked_by,
                       marked_at = excluded.marked_at""",
                m.id, criterion, met, actor.name(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        changes.record(actor, "AcceptanceCriterionMarked", m, changes.payload().put("criterion", criterion).put("met", met));
    }

    public Map<String, AcceptanceCriteria.Mark> marks(String milestoneId) {
        Map<String, AcceptanceCriteria.Mark> out = new HashMap<>();
        Rows.list(em, "select criterion, met, marked_by, marked_at from criterion_mark where milestone_id = ?", r -> r, milestoneId)
                .forEach(r -> out.put(r.text("criterion"), new AcceptanceCriteria.Mark(r.flag("met"), r.text("marked_by"),
                        r.instant("marked_at"))));
        return out;
    }
}
