package studio.planning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.backlog.Feature;
import studio.definition.DefinitionParser;
import studio.definition.DefinitionSet;
import studio.definition.DefinitionWriter;
import studio.definition.FeatureDefinition;
import studio.definition.KnownIds;
import studio.definition.MilestoneDefinition;
import studio.definition.SprintDefinition;
import studio.definition.Weakenings;
import studio.governance.Actor;
import studio.governance.MilestoneState;
import studio.input.Format;
import studio.milestone.ChangeCursor;
import studio.milestone.Milestone;
import studio.milestone.MilestoneRulebook;
import studio.persistence.Rows;
import studio.sprint.Sprint;
import studio.sprint.SprintScopes;
import studio.sprint.SprintTracker;
import studio.web.ApiException;

/**
 * Stores definitions: each milestone, sprint and feature keeps its own entry as canonical YAML (what export
 * writes back), plus the columns pages filter and sort on.
 */
@ApplicationScoped
public class DefinitionStore {

    public enum Change { CREATED, UPDATED, UNCHANGED, PENDING }

    /** A loosening change to a governed milestone, stored to wait for a second person instead of applied. */
    public record Proposal(String milestoneId, long changeId, List<String> weakenings) {}

    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    SprintTracker sprints;
    @Inject
    ObjectMapper json;
    @Inject
    SprintScopes scopes;

    @SuppressWarnings("unchecked")
    public KnownIds knownIds() {
        Set<String> milestones = new HashSet<>(em.createNativeQuery("select id from milestone").getResultList());
        Set<String> features = new HashSet<>(em.createNativeQuery("select id from feature").getResultList());
        return new KnownIds(milestones, features);
    }

    /**
     * Creates or redefines a milestone. A change that loosens a milestone already past Planned ({@link Weakenings})
     * is not applied: it becomes a pending change (superseding an older pending one) that a second person decides,
     * whoever proposed it (CI, product owner, platform admin).
     */
    public Change upsertMilestone(MilestoneDefinition d, Actor actor, List<Proposal> proposals) {
        String text = MilestoneRulebook.storedForm(d);
        Milestone m = em.find(Milestone.class, d.id(), LockModeType.PESSIMISTIC_WRITE);
        boolean created = m == null;
        if (!created && text.equals(m.definition)) return Change.UNCHANGED;
        if (!created && m.lifecycleState() != MilestoneState.PLANNED) {
            List<String> weakenings = Weakenings.of(rulebook.rules(m).definition(), d, rulebook.defaults());
            if (!weakenings.isEmpty()) {
                proposals.add(propose(m, text, weakenings, actor));
                return Change.PENDING;
            }
        }
        apply(m, d, text, actor, null, null);
        return created ? Change.CREATED : Change.UPDATED;
    }

    /**
     * Puts a definition in force (m null: a new milestone), audited as MilestoneDefined or MilestoneRedefined with the
     * previous definition, and with who proposed and who approved it when it was a governed change.
     */
    public void apply(Milestone m, MilestoneDefinition d, String text, Actor actor, String proposedBy, String approvedBy) {
        Instant now = now();
        boolean created = m == null;
        String before = created ? null : m.definition;
        if (created) {
            m = new Milestone();
            m.id = d.id();
            m.state = MilestoneState.PLANNED.json();
            m.stateSince = now;
            m.createdAt = now;
        }
        columns(m, d, text, now);
        if (created) em.persist(m);
        replaceLinks("milestone_feature", "milestone_id", d.id(), d.requiredFeatures());
        ObjectNode payload = definitionPayload(text, before);
        if (approvedBy != null) payload.put("proposed_by", proposedBy).put("approved_by", approvedBy);
        audit.record(actor, AuditEntry.of(created ? "MilestoneDefined" : "MilestoneRedefined", Subject.milestone(d.id()), null, payload));
    }

    private Proposal propose(Milestone m, String text, List<String> weakenings, Actor actor) {
        Rows.update(em, "update definition_change set status = 'superseded' where milestone_id = ? and status = 'pending'", m.id);
        long id = Rows.first(em, """
                insert into definition_change (milestone_id, base_definition, definition, weakenings, author, author_roles, proposed_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""", r -> r.number("id"), m.id, m.definition, text,
                weakenings.toArray(String[]::new), actor.name(), actor.sortedRoles(), now()).orElseThrow();
        ObjectNode p = json.createObjectNode().put("change_id", id).put("definition", text);
        weakenings.forEach(p.putArray("weakenings")::add);
        audit.record(actor, AuditEntry.of("MilestoneDefinitionChangeProposed", Subject.milestone(m.id), m.traceId, p));
        m.changeSeq = ChangeCursor.next(em);
        return new Proposal(m.id, id, weakenings);
    }

    private void columns(Milestone m, MilestoneDefinition d, String text, Instant now) {
        m.definition = text;
        m.name = d.name();
        m.description = d.description();
        m.phase = d.phase();
        m.owner = d.effectiveOwner();
        m.governedBy = d.effectiveGovernedBy();
        m.labels = labels(d).toArray(String[]::new);
        m.observabilityTags = d.observabilityTags().toArray(String[]::new);
        m.targetDate = d.targetDate();
        m.versionTag = d.versionTag();
        m.gateTimeoutSeconds = d.effectiveGateTimeoutSeconds(rulebook.defaults());
        m.timerRetries = d.effectiveTimerRetries(rulebook.defaults());
        m.retryCooldownSeconds = d.effectiveRetryCooldownSeconds(rulebook.defaults());
        m.updatedAt = now;
        m.changeSeq = ChangeCursor.next(em);
    }

    private static List<String> labels(MilestoneDefinition d) {
        List<String> all = new ArrayList<>(d.labels());
        if (d.traceability() != null) d.traceability().labels().stream().filter(l -> !all.contains(l)).forEach(all::add);
        return all;
    }

    /**
     * Creates or redefines a sprint. A change to a sprint whose approved scope is in force, when its scope needs approval
     * ({@link SprintScopes#holds}), is not applied: it is held for a decision (added to {@code held}, PENDING) and the
     * sprint keeps its approved definition; importing the definition in force again withdraws a held change.
     */
    public Change upsertSprint(SprintDefinition d, Actor actor, List<SprintScopes.Held> held) {
        String text = DefinitionWriter.toYaml(new DefinitionSet(List.of(), List.of(d), List.of()));
        Sprint s = em.find(Sprint.class, d.id(), LockModeType.PESSIMISTIC_WRITE);
        boolean created = s == null;
        if (!created && text.equals(s.definition)) {
            scopes.withdraw(d.id(), actor);
            return Change.UNCHANGED;
        }
        if (!created) refuseDroppingGates(s, d);
        if (!created && scopes.holds(d.id(), Boolean.TRUE.equals(d.approvalRequired()))) {
            held.add(scopes.propose(d.id(), text, Boolean.TRUE.equals(d.approvalRequired()), actor));
            s.changeSeq = ChangeCursor.next(em); // its page and the board show the change waiting
            return Change.PENDING;
        }
        if (created) {
            s = newSprint(d.id(), now());
            em.persist(s);
            em.flush(); // its scope row refers to it
        }
        scopes.imported(d.id(), text, Boolean.TRUE.equals(d.approvalRequired()), actor);
        applySprint(s, d, text, actor, created, null);
        return created ? Change.CREATED : Change.UPDATED;
    }

    /**
     * Puts a held scope change in force once {@code approver} approved it: the sprint takes the definition, its features
     * and links, audited as SprintRedefined with who proposed and who approved it. Answers the milestones it was linked to
     * before, which the caller re-judges with those it is linked to now.
     */
    public List<String> applyApprovedScope(SprintScopes.Stored proposal, Actor approver) {
        Sprint s = em.find(Sprint.class, proposal.sprintId(), LockModeType.PESSIMISTIC_WRITE);
        List<String> before = scopes.linked(proposal.sprintId()).stream().map(l -> l.milestoneId()).toList();
        SprintDefinition d = DefinitionParser.parse(proposal.definition(), Format.YAML).sprints().get(0);
        ensureFeatures(d.features());
        ObjectNode approval = json.createObjectNode().put("proposed_by", proposal.author()).put("approved_by", approver.name())
                .put("scope_id", proposal.id());
        applySprint(s, d, proposal.definition(), approver, false, approval);
        return before;
    }

    private void applySprint(Sprint s, SprintDefinition d, String text, Actor actor, boolean created, ObjectNode approval) {
        String before = created ? null : s.definition;
        s.definition = text;
        s.name = d.name();
        s.goal = d.goal();
        s.labels = d.labels().toArray(String[]::new);
        s.updatedAt = now();
        s.changeSeq = ChangeCursor.next(em);
        replaceSourced("sprint_milestone", "milestone_id", d.id(), d.milestones());
        replaceSourced("sprint_feature", "feature_id", d.id(), d.features());
        ObjectNode payload = definitionPayload(text, before);
        if (approval != null) payload.setAll(approval);
        audit.record(actor, AuditEntry.of(created ? "SprintDefined" : "SprintRedefined", Subject.sprint(d.id()), null, payload)
                .alsoAbout(d.milestones().stream().map(Subject::milestone).toList()));
        if (!created) sprints.refresh(s, null, actor); // a gate added to a sprint that is closing judges it now
    }

    /**
     * A started sprint keeps its gates: taking one away would let a closing its gates hold (or would hold) go through
     * by a re-import, with nobody's decision. Adding gates is always allowed.
     */
    private static void refuseDroppingGates(Sprint s, SprintDefinition d) {
        if ("planned".equals(s.state)) return;
        List<String> dropped = SprintTracker.gateNames(s).stream().filter(g -> !d.gates().contains(g)).toList();
        if (!dropped.isEmpty()) {
            throw ApiException.conflict("sprint " + d.id() + " has started (it is " + s.state + "): its gates cannot be removed ("
                    + String.join(", ", dropped) + " missing from sprints[id=" + d.id() + "].gates); a milestone that must go on without "
                    + "them asks for an override of allSprintsClosed");
        }
    }

    /** A sprint first seen in CI evidence: Planned until its events say otherwise. */
    public Sprint newSprint(String id, Instant now) {
        Sprint s = new Sprint();
        s.id = id;
        s.state = "planned";
        s.stateSince = now;
        s.createdAt = now;
        s.updatedAt = now;
        s.changeSeq = ChangeCursor.next(em);
        return s;
    }

    public Change upsertFeature(FeatureDefinition d) {
        String text = DefinitionWriter.toYaml(new DefinitionSet(List.of(), List.of(), List.of(d)));
        Feature f = em.find(Feature.class, d.id(), LockModeType.PESSIMISTIC_WRITE);
        boolean created = f == null;
        if (!created && text.equals(f.definition)) return Change.UNCHANGED;
        Instant now = now();
        if (created) f = newFeature(d.id(), now);
        f.defined = true;
        f.definition = text;
        f.title = d.title();
        f.priority = d.priority();
        f.requiredBy = d.requiredBy().toArray(String[]::new);
        f.dependsOn = d.dependsOn().toArray(String[]::new);
        f.plannedStatus = d.status() == null ? null : d.status().json();
        if (d.deferralReason() != null) f.deferralReason = d.deferralReason();
        f.updatedAt = now;
        f.changeSeq = ChangeCursor.next(em);
        if (created) em.persist(f);
        return created ? Change.CREATED : Change.UPDATED;
    }

    /** Every feature a milestone requires or a sprint delivers has a backlog row, defined or not. */
    public void ensureFeatures(Collection<String> ids) {
        if (ids.isEmpty()) return;
        em.flush();
        em.createNativeQuery("""
                insert into feature (id, defined, created_at, updated_at, change_seq)
                select f, false, now(), now(), nextval('change_seq') from unnest(?1) as f
                on conflict (id) do nothing""").setParameter(1, ids.toArray(String[]::new)).executeUpdate();
    }

    private Feature newFeature(String id, Instant now) {
        Feature f = new Feature();
        f.id = id;
        f.createdAt = now;
        return f;
    }

    /** The milestones a sprint definition touches: those it links and those requiring what it delivers. */
    @SuppressWarnings("unchecked")
    public List<String> milestonesOf(SprintDefinition d) {
        Set<String> ids = new HashSet<>(d.milestones());
        ids.addAll(milestonesRequiring(d.features()));
        return List.copyOf(ids);
    }

    @SuppressWarnings("unchecked")
    public List<String> milestonesRequiring(Collection<String> features) {
        if (features.isEmpty()) return List.of();
        return em.createNativeQuery("select distinct milestone_id from milestone_feature where feature_id = any(?1)")
                .setParameter(1, features.toArray(String[]::new)).getResultList();
    }

    /** Every stored definition, in creation order, as one document that re-imports to the same state. */
    @SuppressWarnings("unchecked")
    @jakarta.transaction.Transactional
    public DefinitionSet exportAll() {
        List<MilestoneDefinition> milestones = new ArrayList<>();
        for (Object text : em.createNativeQuery("select definition from milestone order by created_at, id").getResultList()) {
            milestones.add(rulebook.rules((String) text).definition());
        }
        List<SprintDefinition> sprints = new ArrayList<>();
        for (Object text : em.createNativeQuery("select definition from sprint where definition is not null order by created_at, id").getResultList()) {
            sprints.addAll(DefinitionParser.parse((String) text, Format.YAML).sprints());
        }
        List<FeatureDefinition> features = new ArrayList<>();
        for (Object text : em.createNativeQuery("select definition from feature where defined order by created_at, id").getResultList()) {
            features.addAll(DefinitionParser.parse((String) text, Format.YAML).features());
        }
        return new DefinitionSet(milestones, sprints, features);
    }

    private void replaceLinks(String table, String ownerColumn, String owner, List<String> features) {
        em.flush();
        em.createNativeQuery("delete from " + table + " where " + ownerColumn + " = ?1").setParameter(1, owner).executeUpdate();
        for (int i = 0; i < features.size(); i++) {
            em.createNativeQuery("insert into " + table + " (" + ownerColumn + ", feature_id, position) values (?1, ?2, ?3)")
                    .setParameter(1, owner).setParameter(2, features.get(i)).setParameter(3, i).executeUpdate();
        }
    }

    /** Replaces the links a definition declared, keeping those CI evidence established. */
    private void replaceSourced(String table, String column, String sprintId, List<String> ids) {
        em.flush();
        em.createNativeQuery("delete from " + table + " where sprint_id = ?1 and source = 'definition'")
                .setParameter(1, sprintId).executeUpdate();
        em.createNativeQuery("insert into " + table + " (sprint_id, " + column + ", source) select ?1, x, 'definition' "
                        + "from unnest(?2) as x on conflict do nothing")
                .setParameter(1, sprintId).setParameter(2, ids.toArray(String[]::new)).executeUpdate();
    }

    private ObjectNode definitionPayload(String text, String before) {
        ObjectNode p = json.createObjectNode();
        p.put("definition", text);
        if (before != null) p.put("previous_definition", before);
        return p;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
