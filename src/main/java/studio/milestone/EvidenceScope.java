package studio.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import studio.persistence.Rows;

/**
 * Which stored evidence belongs to a milestone: what names it, what its sprints (linked, or delivering its required
 * features) received, and what carries facts about its required features. The milestone page opens evidence only in
 * this scope, so a milestone's URL cannot be used to read another milestone's evidence by guessing ids.
 */
@ApplicationScoped
public class EvidenceScope {

    @Inject
    EntityManager em;

    public boolean belongs(String milestoneId, long evidenceId) {
        return Rows.first(em, """
                select e.id from evidence e
                where e.id = ? and (
                  e.milestone_id = ?
                  or e.feature_id in (select feature_id from milestone_feature where milestone_id = ?)
                  or e.sprint_id in (select sprint_id from sprint_milestone where milestone_id = ?
                                     union
                                     select sf.sprint_id from sprint_feature sf
                                     join milestone_feature mf on mf.feature_id = sf.feature_id where mf.milestone_id = ?)
                  or exists (select 1 from coverage_fact c join milestone_feature mf on mf.feature_id = c.feature_id
                             where c.evidence_id = e.id and mf.milestone_id = ?)
                  or exists (select 1 from trace_fact t join milestone_feature mf on mf.feature_id = t.feature_id
                             where t.evidence_id = e.id and mf.milestone_id = ?))""",
                r -> r.number("id"), evidenceId, milestoneId, milestoneId, milestoneId, milestoneId, milestoneId, milestoneId)
                .isPresent();
    }
}
