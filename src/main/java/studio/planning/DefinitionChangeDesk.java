package studio.planning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import studio.governance.Actor;
import studio.governance.DecisionDesk;
import studio.governance.DefinitionChangePolicy;
import studio.milestone.Milestone;
import studio.milestone.MilestoneChanges;
import studio.persistence.Rows;
import studio.web.ApiException;

/**
 * Decides a pending change to a governed milestone's definition ({@link DefinitionStore#upsertMilestone}): a product
 * owner or the milestone's governor other than its author approves it (the proposed definition goes into force and
 * the milestone is re-judged) or rejects it (nothing changes). The milestone row is locked first; a change whose base
 * is no longer the definition in force is refused, so an approval never silently undoes a later change.
 */
@ApplicationScoped
public class DefinitionChangeDesk implements DecisionDesk<DefinitionChangeDesk.Pending> {

    private static final Items<Pending> KIND = new Items<>("definition change", "definition-", approved -> true /* in force at once */);

    /** A change as stored. */
    public record Pending(long id, String milestoneId, String status, String author, String base, String definition,
                          List<String> weakenings) {}

    @Inject
    EntityManager em;
    @Inject
    MilestoneChanges changes;
    @Inject
    DefinitionStore store;

    @Override
    @Transactional
    public Pending approve(long id, String reason, Actor actor) {
        Milestone m = changes.locked(milestoneOf(id));
        Pending c = allowed("approve", m, id, reason, actor);
        if (!m.definition.equals(c.base())) {
            throw ApiException.conflict("the definition of " + m.id + " changed after change " + id + " was proposed; "
                    + "reject it and propose the change again against the definition in force");
        }
        decide(c, "approved", reason, actor);
        changes.record(actor, "MilestoneDefinitionChangeApproved", m, describe(c).put("reason", reason.strip()));
        store.apply(m, changes.rules(c.definition()).definition(), c.definition(), actor, c.author(), actor.name());
        changes.redefined(m.id, actor);
        return stored(id);
    }

    @Override
    @Transactional
    public Pending reject(long id, String reason, Actor actor) {
        Milestone m = changes.locked(milestoneOf(id));
        Pending c = allowed("reject", m, id, reason, actor);
        decide(c, "rejected", reason, actor);
        changes.record(actor, "MilestoneDefinitionChangeRejected", m, describe(c).put("reason", reason.strip()));
        return stored(id);
    }

    @Override
    public Items<Pending> items() {
        return KIND;
    }

    @Override
    public String milestoneOf(long id) {
        return changes.milestoneOfItem("definition_change", KIND.noun(), id);
    }

    public Pending stored(long id) {
        return Rows.first(em, """
                select id, milestone_id, status, author, base_definition, definition, weakenings from definition_change where id = ?""",
                r -> new Pending(r.number("id"), r.text("milestone_id"), r.text("status"), r.text("author"), r.text("base_definition"),
                        r.text("definition"), r.texts("weakenings")), id)
                .orElseThrow(() -> ApiException.notFound("unknown definition change " + id));
    }

    /** Changes with the given status (all when null), newest first, at most 200. */
    public List<Pending> list(String status, String milestoneId) {
        return Rows.list(em, """
                select id, milestone_id, status, author, base_definition, definition, weakenings from definition_change
                where (cast(? as text) is null or status = ?) and (cast(? as text) is null or milestone_id = ?)
                order by id desc limit 200""",
                r -> new Pending(r.number("id"), r.text("milestone_id"), r.text("status"), r.text("author"), r.text("base_definition"),
                        r.text("definition"), r.texts("weakenings")), status, status, milestoneId, milestoneId);
    }

    /** The change, once the policy lets {@code actor} {@code verb} it (the milestone {@code m} already locked). */
    private Pending allowed(String verb, Milestone m, long id, String reason, Actor actor) {
        Pending c = stored(id);
        changes.enforce(DefinitionChangePolicy.decide(actor, changes.governed(m), c.author(), c.status().equals("pending"), reason),
                actor, verb + " definition change " + id, m.id);
        return c;
    }

    private void decide(Pending c, String status, String reason, Actor actor) {
        int changed = Rows.update(em, """
                update definition_change set status = ?, decided_by = ?, decided_roles = ?, decided_at = ?, decision_reason = ?
                where id = ? and status = 'pending'""", status, actor.name(), actor.sortedRoles(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), reason.strip(), c.id());
        if (changed == 0) throw ApiException.conflict("definition change " + c.id() + " was already decided");
    }

    private ObjectNode describe(Pending c) {
        ObjectNode p = changes.payload().put("change_id", c.id()).put("milestone_id", c.milestoneId()).put("proposed_by", c.author());
        c.weakenings().forEach(p.putArray("weakenings")::add);
        return p;
    }
}
