package studio.override;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.audit.Refusals;
import studio.format.Names;
import studio.gate.GateReport;
import studio.gate.MilestoneEvidence.OverrideStatus;
import studio.governance.Actor;
import studio.governance.MilestoneStimulus;
import studio.governance.OverridePolicy;
import studio.governance.OverrideRequestForm;
import studio.governance.OverrideTicket;
import studio.governance.Verdict;
import studio.milestone.Milestone;
import studio.milestone.MilestoneEvaluator;
import studio.milestone.MilestoneRulebook;
import studio.milestone.MilestoneViews;
import studio.web.ApiException;

/**
 * Override requests and their decisions. Decisions are compare-and-set on the request's status, so of any number of
 * concurrent approvers exactly one decision is recorded; the others get 409 naming who decided.
 */
@ApplicationScoped
public class OverrideDesk {

    @Inject
    EntityManager em;
    @Inject
    MilestoneViews views;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    MilestoneEvaluator evaluator;
    @Inject
    AuditLog audit;
    @Inject
    Refusals refusals;
    @Inject
    ObjectMapper json;

    @Transactional
    public OverrideRequest request(String milestoneId, List<String> gates, String reason, Instant expiresAt, Actor actor) {
        Milestone m = views.find(milestoneId);
        GateReport report = evaluator.preview(m);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var form = new OverrideRequestForm(gates, reason, expiresAt);
        refusals.enforce(OverridePolicy.request(actor, rulebook.governed(m), report, form, now),
                actor, "request override", Subject.milestone(milestoneId));
        OverrideRequest o = new OverrideRequest();
        o.milestoneId = milestoneId;
        o.gates = gates.toArray(String[]::new);
        o.reason = reason.strip();
        o.expiresAt = expiresAt;
        o.status = "requested";
        o.requestedBy = actor.name();
        o.requestedRoles = actor.roles().stream().sorted().toArray(String[]::new);
        o.requestedAt = now;
        o.persist();
        em.flush();
        audit.record(actor, AuditEntry.of("MilestoneOverrideRequested", Subject.milestone(milestoneId), m.traceId,
                describe(o).put("reason", o.reason)));
        evaluator.react(milestoneId, new MilestoneStimulus.OverrideRequested(o.id, actor.name()), actor, null);
        return o;
    }

    @Transactional
    public OverrideRequest approve(long id, String reason, Actor actor) {
        return decide(id, true, reason, actor);
    }

    @Transactional
    public OverrideRequest reject(long id, String reason, Actor actor) {
        return decide(id, false, reason, actor);
    }

    private OverrideRequest decide(long id, boolean approve, String reason, Actor actor) {
        OverrideRequest o = find(id);
        Milestone m = views.find(o.milestoneId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Verdict verdict = approve ? OverridePolicy.approve(actor, rulebook.governed(m), ticket(o), reason, now)
                : OverridePolicy.reject(actor, rulebook.governed(m), ticket(o), reason);
        refusals.enforce(verdict, actor, (approve ? "approve" : "reject") + " override " + id, Subject.milestone(o.milestoneId));
        record(o, approve ? "approved" : "rejected", reason, actor, now);
        audit.record(actor, AuditEntry.of(approve ? "MilestoneOverrideApproved" : "MilestoneOverrideRejected",
                Subject.milestone(o.milestoneId), m.traceId, describe(o).put("reason", reason).put("requested_by", o.requestedBy)));
        evaluator.react(o.milestoneId, new MilestoneStimulus.OverrideDecided(o.id, approve, actor.name()), actor, null);
        return o;
    }

    @Transactional
    public OverrideRequest revoke(long id, String reason, Actor actor) {
        OverrideRequest o = find(id);
        Milestone m = views.find(o.milestoneId);
        refusals.enforce(OverridePolicy.revoke(actor, rulebook.governed(m), ticket(o), reason), actor, "revoke override " + id,
                Subject.milestone(o.milestoneId));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int changed = em.createNativeQuery("""
                update override_request set status = 'revoked', revoked_by = ?2, revoked_at = ?3, revoke_reason = ?4,
                       version = version + 1 where id = ?1 and status = 'approved'""")
                .setParameter(1, id).setParameter(2, actor.name()).setParameter(3, now).setParameter(4, reason).executeUpdate();
        if (changed == 0) throw ApiException.conflict("override " + id + " is no longer approved");
        em.refresh(o);
        audit.record(actor, AuditEntry.of("MilestoneOverrideRevoked", Subject.milestone(o.milestoneId), m.traceId,
                describe(o).put("reason", reason)));
        if (!m.lifecycleState().terminal()) {
            evaluator.react(o.milestoneId, new MilestoneStimulus.EvidenceArrived("override revoked"), actor, null);
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
                .setParameter(4, actor.roles().stream().sorted().toArray(String[]::new)).setParameter(5, now)
                .setParameter(6, reason).executeUpdate();
        if (changed == 0) {
            em.refresh(o);
            throw ApiException.conflict("override " + o.id + " was already " + o.status + " by " + o.decidedBy + " at " + o.decidedAt);
        }
        em.refresh(o);
    }

    private ObjectNode describe(OverrideRequest o) {
        ObjectNode p = json.createObjectNode().put("override_id", o.id).put("milestone_id", o.milestoneId).put("status", o.status);
        for (String g : o.gates) p.withArray("overridden_gates").add(g);
        if (o.expiresAt != null) p.put("expires_at", o.expiresAt.toString());
        return p;
    }

    private static OverrideTicket ticket(OverrideRequest o) {
        return new OverrideTicket(o.id, Names.parse(OverrideStatus.class, o.status), o.requestedBy, o.decidedBy,
                o.decidedAt, o.expiresAt);
    }
}
