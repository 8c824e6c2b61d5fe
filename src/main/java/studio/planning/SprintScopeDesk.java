package studio.planning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.audit.Refusals;
import studio.governance.Actor;
import studio.governance.DecisionDesk;
import studio.governance.ScopeApprovalPolicy;
import studio.milestone.MilestoneEvaluator;
import studio.milestone.SprintScopeFacts.LinkedMode;
import studio.persistence.Rows;
import studio.sprint.PlanSnapshots;
import studio.sprint.Sprint;
import studio.sprint.SprintScopes;
import studio.sprint.SprintScopes.Stored;
import studio.web.ApiException;

/**
 * Decides a sprint's scope ({@link SprintScopes}) by {@link ScopeApprovalPolicy}: a product owner or a linked
 * milestone's governor other than whoever imported it approves or rejects it with a reason. The sprint's row is locked
 * first and the decision is taken only while the scope is still pending, stale or held, so two people deciding at once record
 * one decision and the other is told it was already decided. The linked milestones are re-judged (their
 * sprintScopesApproved gate may move). A held change (a re-import of a sprint whose approved scope is in force) is
 * put in force when approved and declined when rejected, the approved scope staying. Comments on the plan are taken here
 * too.
 */
@ApplicationScoped
public class SprintScopeDesk implements DecisionDesk<Stored> {

    private static final Items<Stored> KIND = new Items<>("sprint scope", "scope-", approved -> true /* one approval settles it */);

    @Inject
    EntityManager em;
    @Inject
    SprintScopes scopes;
    @Inject
    Refusals refusals;
    @Inject
    AuditLog audit;
    @Inject
    MilestoneEvaluator evaluator;
    @Inject
    ObjectMapper json;
    @Inject
    DefinitionStore store;
    @Inject
    PlanSnapshots plans;

    @Override
    public Items<Stored> items() {
        return KIND;
    }

    @Override
    @Transactional
    public Stored approve(long id, String reason, Actor actor) {
        return decide(id, "approved", "SprintScopeApproved", reason, actor);
    }

    @Override
    @Transactional
    public Stored reject(long id, String reason, Actor actor) {
        return decide(id, "rejected", "SprintScopeRejected", reason, actor);
    }

    /** The milestone that makes the scope need approval (the first assisted or manual-only one linked), else "". */
    @Override
    public String milestoneOf(long id) {
        return scopes.linked(sprintOf(id)).stream().filter(l -> l.mode().requiresScopeApproval()).map(LinkedMode::milestoneId)
                .findFirst().orElse("");
    }

    /** The sprint the scope belongs to; an unknown scope is refused (404). */
    public String sprintOf(long id) {
        return stored(id).sprintId();
    }

    public Stored stored(long id) {
        return scopes.find(id).orElseThrow(() -> ApiException.notFound("unknown sprint scope " + id));
    }

    /** A comment on the sprint's plan (its current scope when it has one), by anyone who may act. */
    @Transactional
    public SprintScopes.Comment comment(String sprintId, String text, Actor actor) {
        Sprint sprint = Sprint.findById(sprintId, LockModeType.PESSIMISTIC_WRITE);
        if (sprint == null) throw ApiException.notFound("Studio knows no sprint " + sprintId);
        refusals.enforce(ScopeApprovalPolicy.comment(actor, text), actor, "comment on the plan of " + sprintId, Subject.sprint(sprintId));
        Long scopeId = scopes.current(sprintId).map(Stored::id).orElse(null);
        Instant at = now();
        long id = Rows.first(em, """
                insert into sprint_scope_comment (sprint_id, scope_id, author, author_roles, body, created_at) values (?, ?, ?, ?, ?, ?)
                returning id""", r -> r.number("id"), sprintId, scopeId, actor.name(), actor.sortedRoles(), text.strip(), at).orElseThrow();
        ObjectNode p = json.createObjectNode().put("comment_id", id).put("comment", text.strip());
        if (scopeId != null) p.put("scope_id", scopeId);
        audit.record(actor, AuditEntry.of("SprintScopeCommented", Subject.sprint(sprintId), null, p).alsoAbout(scopes.milestones(sprintId)));
        return new SprintScopes.Comment(id, actor.name(), java.util.List.of(actor.sortedRoles()), text.strip(), at);
    }

    private Stored decide(long id, String status, String event, String reason, Actor actor) {
        String sprintId = sprintOf(id);
        Sprint.findById(sprintId, LockModeType.PESSIMISTIC_WRITE);
        Stored scope = stored(id);
        if (scope.status().equals("superseded")) {
            throw ApiException.conflict("scope " + id + " of " + sprintId + " was replaced by a later import; decide the current one");
        }
        refusals.enforce(ScopeApprovalPolicy.decide(actor, scopes.judged(scope), reason), actor,
                (status.equals("approved") ? "approve" : "reject") + " the scope of " + sprintId, Subject.sprint(sprintId));
        boolean held = scope.status().equals("proposed");
        Stored inForce = held ? scopes.current(sprintId).orElseThrow() : null;
        // a held change approved replaces the scope in force (one in force per sprint); rejected, it is declined and the
        // approved scope stays
        if (held && status.equals("approved")) Rows.update(em, "update sprint_scope set status = 'superseded' where id = ?", inForce.id());
        String recorded = held && status.equals("rejected") ? "declined" : status;
        int changed = Rows.update(em, """
                update sprint_scope set status = ?, decided_by = ?, decided_roles = ?, decided_at = ?, decision_reason = ?
                where id = ? and status in ('pending', 'stale', 'proposed')""", recorded, actor.name(), actor.sortedRoles(), now(), reason.strip(), id);
        if (changed == 0) throw ApiException.conflict("the scope of " + sprintId + " was already decided");
        ObjectNode p = json.createObjectNode().put("scope_id", id).put("scope_hash", scope.hash()).put("imported_by", scope.author())
                .put("reason", reason.strip());
        if (scope.status().equals("stale")) p.put("replaces_stale_decision_on", scope.staleOf());
        Set<String> rejudge = new TreeSet<>();
        if (held) {
            p.put("held_change", true).put("in_force_scope_id", inForce.id()).put("change", scopes.change(inForce, scope).summary());
            if (status.equals("approved")) rejudge.addAll(store.applyApprovedScope(scope, actor));
        }
        audit.record(actor, AuditEntry.of(event, Subject.sprint(sprintId), null, p).alsoAbout(scopes.milestones(sprintId)));
        scopes.linked(sprintId).forEach(l -> rejudge.add(l.milestoneId()));
        rejudge.forEach(m -> evaluator.redefined(m, actor));
        if (held && status.equals("approved")) rejudge.forEach(m -> plans.afterImport(m, actor)); // the plan changed: snapshot it
        return stored(id);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
