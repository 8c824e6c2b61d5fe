package studio.override;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import studio.format.Names;
import studio.gate.GateReport;
import studio.gate.MilestoneEvidence.OverrideStatus;
import studio.governance.Actor;
import studio.governance.DecisionDesk;
import studio.governance.GovernedMilestone;
import studio.governance.MilestoneStimulus;
import studio.governance.OverridePolicy;
import studio.governance.OverrideRequestForm;
import studio.governance.OverrideTicket;
import studio.governance.Quorum;
import studio.milestone.Milestone;
import studio.milestone.MilestoneChanges;
import studio.persistence.Rows;
import studio.web.ApiException;

/**
 * Override requests and their decisions. Decisions are compare-and-set on the request's status, so of any number of
 * concurrent approvers exactly one decision is recorded; the others get 409 naming who decided.
 */
@ApplicationScoped
public class OverrideDesk implements DecisionDesk<OverrideRequest> {

    private static final Items<OverrideRequest> KIND = new Items<>("override", "", o -> "approved".equals(o.status));

    @Inject
    EntityManager em;
    @Inject
    MilestoneChanges changes;

    @Transactional
    public OverrideRequest request(String milestoneId, List<String> gates, String reason, Instant expiresAt, Actor actor) {
        Milestone m = changes.find(milestoneId);
        GateReport report = changes.preview(m);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var form = new OverrideRequestForm(gates, reason, expiresAt);
        GovernedMilestone governed = changes.governed(m);
        changes.enforce(OverridePolicy.request(actor, governed, report, form, now),
                actor, "request override", milestoneId);
        OverrideRequest o = new OverrideRequest();
        o.milestoneId = milestoneId;
        o.gates = OverridePolicy.canonical(governed, gates).toArray(String[]::new);
        o.reason = reason.strip();
        o.expiresAt = expiresAt;
        o.status = "requested";
        o.requestedBy = actor.name();
        o.requestedRoles = actor.sortedRoles();
        o.requestedAt = now;
        o.persist();
        em.flush();
        changes.record(actor, "MilestoneOverrideRequested", m, describe(o).put("reason", o.reason));
        changes.react(milestoneId, new MilestoneStimulus.OverrideRequested(o.id, actor.name()), actor);
        return o;
    }

    /**
     * One approval. The request is locked while it is judged, so concurrent approvers are counted one after another:
     * when this approval completes the quorum the override is approved (and the milestone re-judged); otherwise it is
     * recorded and the request keeps waiting for who is still needed.
     */
    @Override
    @Transactional
    public OverrideRequest approve(long id, String reason, Actor actor) {
        OverrideRequest o = locked(id);
        Milestone m = changes.find(o.milestoneId);
        GovernedMilestone governed = changes.governed(m);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OverrideTicket ticket = ticket(o);
        changes.enforce(OverridePolicy.approve(actor, governed, ticket, changes.signOffs(o.milestoneId), reason, now), actor,
                "approve override " + id, o.milestoneId);
        Quorum.Signature signature = OverridePolicy.signature(actor, now);
        Rows.update(em, "insert into override_approval (override_id, approver, approver_roles, reason, approved_at) values (?, ?, ?, ?, ?)",
                id, actor.name(), actor.sortedRoles(), reason.strip(), now);
        if (!OverridePolicy.approvedWith(governed, ticket, signature)) {
            String needed = OverridePolicy.stillNeeded(OverridePolicy.quorum(governed, ticket), withApproval(ticket, signature));
            changes.record(actor, "MilestoneOverrideApprovalRecorded", m,
                    describe(o).put("reason", reason).put("approver", actor.name()).put("still_needed", needed));
            return o;
        }
        record(o, "approved", reason, actor, now);
        ObjectNode payload = describe(o).put("reason", reason).put("requested_by", o.requestedBy);
        ticket.approvals().forEach(a -> payload.withArray("approved_by").add(a.person()));
        payload.withArray("approved_by").add(actor.name());
        changes.record(actor, "MilestoneOverrideApproved", m, payload);
        changes.react(o.milestoneId, new MilestoneStimulus.OverrideDecided(o.id, true, actor.name()), actor);
        return o;
    }

    @Override
    @Transactional
    public OverrideRequest reject(long id, String reason, Actor actor) {
        OverrideRequest o = locked(id);
        Milestone m = changes.find(o.milestoneId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        changes.enforce(OverridePolicy.reject(actor, changes.governed(m), ticket(o), reason), actor, "reject override " + id, o.milestoneId);
        record(o, "rejected", reason, actor, now);
        changes.record(actor, "MilestoneOverrideRejected", m, describe(o).put("reason", reason).put("requested_by", o.requestedBy));
        changes.react(o.milestoneId, new MilestoneStimulus.OverrideDecided(o.id, false, actor.name()), actor);
        return o;
    }

    @Transactional
    public OverrideRequest revoke(long id, String reason, Actor actor) {
        OverrideRequest o = find(id);
        Milestone m = changes.find(o.milestoneId);
        changes.enforce(OverridePolicy.revoke(actor, changes.governed(m), ticket(o), reason), actor, "revoke override " + id, o.milestoneId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int changed = em.createNativeQuery("""
                update override_request set status = 'revoked', revoked_by = ?2, revoked_at = ?3, revoke_reason = ?4,
                       version = version + 1 where id = ?1 and status = 'approved'""")
                .setParameter(1, id).setParameter(2, actor.name()).setParameter(3, now).setParameter(4, reason).executeUpdate();
        if (changed == 0) throw ApiException.conflict("override " + id + " is no longer approved");
        em.refresh(o);
        changes.record(actor, "MilestoneOverrideRevoked", m, describe(o).put("reason", reason));
        if (!m.lifecycleState().terminal()) {
            changes.react(o.milestoneId, new MilestoneStimulus.EvidenceArrived("override revoked"), actor);
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    public List<OverrideRequest> list(String status, String milestoneId) {
        StringBuilder jpql = new StringBuilder("from OverrideRequest o where 1 = 1");
        if (status != null) jpql.append(" and o.status = :status");
        if (milestoneId != null) jpql.append(" and o.milestoneId = :milestone");
        var q = em.createQuery(jpql.append(" order by o.requestedAt, o.id").toString(), OverrideRequest.class);
        if (status != null) q.setParameter("status", status);
        if (milestoneId != null) q.setParameter("milestone", milestoneId);
        return q.setMaxResults(500).getResultList();
    }

    /** The request, locked until the transaction ends: decisions on one request are taken one at a time. */
    private OverrideRequest locked(long id) {
        OverrideRequest o = em.find(OverrideRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (o == null) throw ApiException.notFound("unknown override " + id);
        return o;
    }

    @Override
    public Items<OverrideRequest> items() {
        return KIND;
    }

    @Override
    public String milestoneOf(long id) {
        return find(id).milestoneId;
    }

    public OverrideRequest find(long id) {
        OverrideRequest o = em.find(OverrideRequest.class, id);
        if (o == null) throw ApiException.notFound("unknown override " + id);
        return o;
    }

    /** Compare-and-set: only a request still awaiting a decision can be decided. */
    private void record(OverrideRequest o, String status, String reason, Actor actor, Instant now) {
        int changed = em.createNativeQuery("""
                update override_request set status = ?2, decided_by = ?3, decided_roles = ?4, decided_at = ?5,
                       decision_reason = ?6, version = version + 1 where id = ?1 and status = 'requested'""")
                .setParameter(1, o.id).setParameter(2, status).setParameter(3, actor.name())
                .setParameter(4, actor.sortedRoles()).setParameter(5, now)
                .setParameter(6, reason).executeUpdate();
        if (changed == 0) {
            em.refresh(o);
            throw ApiException.conflict("override " + o.id + " was already " + o.status + " by " + o.decidedBy + " at " + o.decidedAt);
        }
        em.refresh(o);
    }

    private ObjectNode describe(OverrideRequest o) {
        ObjectNode p = changes.payload().put("override_id", o.id).put("milestone_id", o.milestoneId).put("status", o.status);
        for (String g : o.gates) p.withArray("overridden_gates").add(g);
        if (o.expiresAt != null) p.put("expires_at", o.expiresAt.toString());
        return p;
    }

    /** The request as the policies see it, with its approvals so far. */
    private OverrideTicket ticket(OverrideRequest o) {
        List<Quorum.Signature> approvals = Rows.list(em, """
                select approver, approver_roles, approved_at from override_approval where override_id = ? order by approved_at, approver""",
                r -> new Quorum.Signature(r.text("approver"), Set.copyOf(r.texts("approver_roles")), r.instant("approved_at")), o.id);
        return new OverrideTicket(o.id, Names.parse(OverrideStatus.class, o.status), o.requestedBy, o.decidedBy, o.decidedAt, o.expiresAt,
                List.of(o.gates), approvals);
    }

    private static OverrideTicket withApproval(OverrideTicket t, Quorum.Signature s) {
        List<Quorum.Signature> all = new java.util.ArrayList<>(t.approvals());
        all.add(s);
        return new OverrideTicket(t.id(), t.status(), t.requestedBy(), t.decidedBy(), t.decidedAt(), t.expiresAt(), t.gates(), all);
    }
}
