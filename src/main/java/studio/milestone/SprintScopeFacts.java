package studio.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.format.Names;
import studio.gate.EvidenceRef;
import studio.gate.MilestoneEvidence.ScopeFact;
import studio.gate.MilestoneEvidence.ScopeStatus;
import studio.gate.PlanningMode;
import studio.governance.ScopeApprovalPolicy;
import studio.persistence.Rows;

/**
 * Where sprints' scopes stand, as the sprintScopesApproved gate, the sprint page and the scope desk read them: whether
 * each needs approval ({@link ScopeApprovalPolicy#needsApproval} over its approvalRequired and the planning modes of
 * the milestones it is linked to), its current scope's status, and its first start before approval. Two queries for
 * any number of sprints.
 */
@ApplicationScoped
public class SprintScopeFacts {

    @Inject
    EntityManager em;
    @Inject
    MilestoneRulebook rulebook;

    /** A milestone a sprint is linked to, with what scope approval reads of it. */
    public record LinkedMode(String milestoneId, PlanningMode mode, String governedBy) {}

    /** The facts of {@code sprintIds} that exist, in the order given. */
    public Map<String, ScopeFact> of(Collection<String> sprintIds) {
        Map<String, List<LinkedMode>> links = links(sprintIds);
        Map<String, ScopeFact> out = new LinkedHashMap<>();
        Rows.list(em, """
                select s.id, c.id as scope_id, c.status, c.approval_required, f.scope_status as started_status, f.started_at, f.evidence_id
                from sprint s
                left join sprint_scope c on c.sprint_id = s.id and c.status not in ('superseded', 'proposed', 'declined')
                left join lateral (select scope_status, started_at, evidence_id from sprint_scope_flag g where g.sprint_id = s.id
                                   order by started_at, id limit 1) f on true
                where s.id = any(?) order by s.id""", r -> {
            String id = r.text("id");
            ScopeStatus status = r.text("status") == null ? ScopeStatus.NONE : Names.parse(ScopeStatus.class, r.text("status"));
            boolean needed = ScopeApprovalPolicy.needsApproval(r.flag("approval_required"),
                    links.getOrDefault(id, List.of()).stream().map(LinkedMode::mode).toList());
            Long flagged = r.number("evidence_id");
            ScopeStatus startedAs = r.text("started_status") == null ? null : Names.parse(ScopeStatus.class, r.text("started_status"));
            out.put(id, new ScopeFact(id, needed, status, startedAs, r.instant("started_at"), flagged == null ? null : new EvidenceRef("event", flagged)));
            return id;
        }, (Object) sprintIds.toArray(String[]::new));
        return out;
    }

    /** The milestones each sprint is linked to (by its definition or by evidence), with their effective planning mode. */
    public Map<String, List<LinkedMode>> links(Collection<String> sprintIds) {
        Map<String, List<LinkedMode>> out = new HashMap<>();
        Rows.list(em, """
                select sm.sprint_id, m.id, m.definition from sprint_milestone sm join milestone m on m.id = sm.milestone_id
                where sm.sprint_id = any(?) group by sm.sprint_id, m.id, m.definition order by sm.sprint_id, m.id""", r -> {
            var d = rulebook.rules(r.text("definition")).definition();
            out.computeIfAbsent(r.text("sprint_id"), k -> new ArrayList<>())
                    .add(new LinkedMode(r.text("id"), d.effectivePlanningMode(rulebook.defaults()), d.effectiveGovernedBy()));
            return 0;
        }, (Object) sprintIds.toArray(String[]::new));
        return out;
    }

    /** Sprints linked to {@code milestoneId}, the ones its sprintScopesApproved gate looks at. */
    public List<String> linkedTo(String milestoneId) {
        return Rows.list(em, "select distinct sprint_id from sprint_milestone where milestone_id = ? order by sprint_id",
                r -> r.text("sprint_id"), milestoneId);
    }

    /** Sprints linked to {@code milestoneId} that started before their scope was approved, with the status it had then. */
    public List<StartedUnapproved> startedUnapproved(String milestoneId) {
        return Rows.list(em, """
                select distinct on (f.sprint_id) f.sprint_id, f.scope_status, f.started_at from sprint_scope_flag f
                where f.sprint_id in (select sprint_id from sprint_milestone where milestone_id = ?)
                order by f.sprint_id, f.started_at""",
                r -> new StartedUnapproved(r.text("sprint_id"), r.text("scope_status"), r.instant("started_at")), milestoneId);
    }

    /** A sprint that started before its scope was approved: the status its scope had then, and when. */
    public record StartedUnapproved(String sprintId, String scopeStatus, Instant startedAt) {}
}
