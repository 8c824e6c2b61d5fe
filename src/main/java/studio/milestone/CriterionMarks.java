package studio.milestone;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.audit.Refusals;
import studio.governance.Actor;

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
        em.createNativeQuery("""
                insert into criterion_mark (milestone_id, criterion, met, marked_by, marked_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (milestone_id, criterion) do update set met = excluded.met, marked_by = excluded.marked_by,
                       marked_at = excluded.marked_at""")
                .setParameter(1, m.id).setParameter(2, criterion).setParameter(3, met).setParameter(4, actor.name())
                .setParameter(5, Instant.now().truncatedTo(ChronoUnit.MICROS)).executeUpdate();
        audit.record(actor, AuditEntry.of("AcceptanceCriterionMarked", Subject.milestone(m.id), m.traceId,
                json.createObjectNode().put("criterion", criterion).put("met", met)));
    }

    @SuppressWarnings("unchecked")
    public Map<String, AcceptanceCriteria.Mark> marks(String milestoneId) {
        List<Object[]> rows = em.createNativeQuery("select criterion, met, marked_by, marked_at from criterion_mark where milestone_id = ?1")
                .setParameter(1, milestoneId).getResultList();
        Map<String, AcceptanceCriteria.Mark> out = new HashMap<>();
        rows.forEach(r -> out.put((String) r[0], new AcceptanceCriteria.Mark((Boolean) r[1], (String) r[2], (Instant) r[3])));
        return out;
    }
}
