package studio.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import studio.governance.Bypass;
import studio.governance.OverrideTicket;
import studio.governance.Quorum;
import studio.governance.SignOffs;
import studio.persistence.Rows;

/**
 * Who has signed what on one milestone, as the governance policies need it: its override requests with their
 * approvals, its bypass requests with theirs, and the person whose decision stands on each manual gate. A few bounded
 * queries per milestone (requests per milestone are few).
 */
@ApplicationScoped
public class MilestoneSignOffs {

    @Inject
    EntityManager em;

    /** Every override request of the milestone, oldest first, with its approvals, as the page lists them. */
    public List<MilestonePage.OverrideRow> overrideRows(String milestoneId) {
        Map<Long, List<Quorum.Signature>> approvals = signatures("""
                select a.override_id as request_id, a.approver, a.approver_roles, a.approved_at
                from override_approval a join override_request o on o.id = a.override_id
                where o.milestone_id = ? order by a.approved_at, a.approver""", milestoneId);
        return Rows.list(em, """
                select id, gates, reason, status, requested_by, requested_at, expires_at, decided_by, decided_at, decision_reason,
                       revoked_by, revoked_at, revoke_reason
                from override_request where milestone_id = ? order by requested_at, id""",
                r -> new MilestonePage.OverrideRow(r.number("id"), r.texts("gates"), r.text("reason"), r.text("status"),
                        r.text("requested_by"), r.instant("requested_at"), r.instant("expires_at"), r.text("decided_by"),
                        r.instant("decided_at"), r.text("decision_reason"), r.text("revoked_by"), r.instant("revoked_at"),
                        r.text("revoke_reason"), approvals.getOrDefault(r.number("id"), List.of()), null),
                milestoneId);
    }

    /** Every override request of the milestone, oldest first, as the policies see them. */
    public List<OverrideTicket> overrides(String milestoneId) {
        return overrideRows(milestoneId).stream().map(MilestonePage.OverrideRow::ticket).toList();
    }

    /** Every bypass request of the milestone, oldest first, with its approvals, as the page lists them. */
    public List<MilestonePage.BypassRow> bypassRows(String milestoneId) {
        Map<Long, List<Quorum.Signature>> approvals = signatures("""
                select a.bypass_id as request_id, a.approver, a.approver_roles, a.approved_at
                from bypass_approval a join bypass_request b on b.id = a.bypass_id
                where b.milestone_id = ? order by a.approved_at, a.approver""", milestoneId);
        return Rows.list(em, """
                select id, kind, reason, status, requested_by, requested_at, decided_by, decided_at, decision_reason
                from bypass_request where milestone_id = ? order by requested_at, id""",
                r -> new MilestonePage.BypassRow(r.number("id"), r.text("kind"), r.text("reason"), r.text("status"), r.text("requested_by"),
                        r.instant("requested_at"), approvals.getOrDefault(r.number("id"), List.of()), r.text("decided_by"),
                        r.instant("decided_at"), r.text("decision_reason"), null),
                milestoneId);
    }

    /** Every bypass request of the milestone, oldest first, as the policies see them. */
    public List<Bypass> bypasses(String milestoneId) {
        return bypassRows(milestoneId).stream().map(MilestonePage.BypassRow::ticket).toList();
    }

    /** Per manual gate key, the person whose decision stands on it (the newest). */
    public Map<String, String> manualDeciders(String milestoneId) {
        Map<String, String> out = new LinkedHashMap<>();
        Rows.list(em, """
                select distinct on (gate, role) gate, role, decided_by from gate_decision where milestone_id = ?
                order by gate, role, decided_at desc, id desc""",
                r -> out.put(r.text("gate") + ":" + r.text("role"), r.text("decided_by")), milestoneId);
        return out;
    }

    public SignOffs of(String milestoneId) {
        return SignOffs.of(manualDeciders(milestoneId), overrides(milestoneId));
    }

    /** The sign-offs of many milestones at once (the approvals inbox): three statements whatever their number. */
    public Map<String, SignOffs> of(Collection<String> milestoneIds) {
        if (milestoneIds.isEmpty()) return Map.of();
        String[] ids = milestoneIds.toArray(String[]::new);
        Map<String, Map<String, String>> deciders = new HashMap<>();
        Rows.list(em, """
                select distinct on (milestone_id, gate, role) milestone_id, gate, role, decided_by from gate_decision
                where milestone_id = any(?) order by milestone_id, gate, role, decided_at desc, id desc""",
                r -> deciders.computeIfAbsent(r.text("milestone_id"), k -> new LinkedHashMap<>())
                        .put(r.text("gate") + ":" + r.text("role"), r.text("decided_by")), (Object) ids);
        Map<String, Map<Long, Set<String>>> approvers = new HashMap<>();
        Rows.list(em, """
                select o.milestone_id, o.id, a.approver from override_request o join override_approval a on a.override_id = o.id
                where o.milestone_id = any(?) and o.status in ('requested', 'approved')""",
                r -> approvers.computeIfAbsent(r.text("milestone_id"), k -> new HashMap<>())
                        .computeIfAbsent(r.number("id"), k -> new HashSet<>()).add(r.text("approver")), (Object) ids);
        Map<String, SignOffs> out = new HashMap<>();
        for (String id : milestoneIds) {
            out.put(id, new SignOffs(deciders.getOrDefault(id, Map.of()), approvers.getOrDefault(id, Map.of())));
        }
        return out;
    }

    /** The approvals of many override requests at once, oldest first each. */
    public Map<Long, List<Quorum.Signature>> overrideApprovals(Collection<Long> overrideIds) {
        if (overrideIds.isEmpty()) return Map.of();
        return signatures("""
                select override_id as request_id, approver, approver_roles, approved_at from override_approval
                where override_id = any(?) order by approved_at, approver""", (Object) overrideIds.toArray(Long[]::new));
    }

    private Map<Long, List<Quorum.Signature>> signatures(String sql, Object param) {
        Map<Long, List<Quorum.Signature>> out = new HashMap<>();
        Rows.list(em, sql, r -> out.computeIfAbsent(r.number("request_id"), k -> new ArrayList<>())
                .add(new Quorum.Signature(r.text("approver"), Set.copyOf(r.texts("approver_roles")), r.instant("approved_at"))),
                param);
        return out;
    }
}
