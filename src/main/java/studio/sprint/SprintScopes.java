package studio.sprint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.definition.DefinitionParser;
import studio.definition.SprintDefinition;
import studio.gate.MilestoneEvidence.ScopeFact;
import studio.gate.MilestoneEvidence.ScopeStatus;
import studio.governance.Actor;
import studio.governance.ScopeApprovalPolicy;
import studio.input.Format;
import studio.milestone.ControlPanel;
import studio.milestone.SprintScopeFacts;
import studio.milestone.SprintScopeFacts.LinkedMode;
import studio.persistence.Row;
import studio.persistence.Rows;
import studio.web.ApiException;

/**
 * A sprint's scope as imported, kept with who imported it and a hash: a re-import that changes it makes a new current
 * scope, and an earlier decision on the old one stale. A SprintStarted before the current scope is approved is flagged
 * here for good (approving later does not undo it). Callers hold the sprint's row lock.
 */
@ApplicationScoped
public class SprintScopes {

    /** A scope as stored. */
    public record Stored(long id, String sprintId, String status, String hash, String definition, boolean approvalRequired,
                         String author, List<String> authorRoles, Instant importedAt, Long staleOf, String decidedBy,
                         List<String> decidedRoles, Instant decidedAt, String reason) {

        public ScopeStatus scopeStatus() {
            return status.equals("declined") ? ScopeStatus.REJECTED : ScopeStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
        }

        /** A held change: a re-import of a sprint whose approved scope is in force, not applied until it is approved. */
        public boolean held() {
            return status.equals("proposed") || status.equals("declined");
        }

        public boolean decided() {
            return decidedAt != null;
        }
    }

    /** A comment on the plan. */
    public record Comment(long id, String author, List<String> roles, String body, Instant at) {}

    /** A re-import held for approval, with what it would change. */
    public record Held(String sprintId, long scopeId, ScopeChange change) {}

    /** A start before approval. */
    public record Flag(String scopeStatus, Instant startedAt, long evidenceId) {}

    private static final String COLUMNS = """
            id, sprint_id, status, scope_hash, definition, approval_required, author, author_roles, imported_at, stale_of,
            decided_by, decided_roles, decided_at, decision_reason""";

    /** The scope in force: never a held change (proposed, or declined after it). */
    private static final String IN_FORCE = "status not in ('superseded', 'proposed', 'declined')";

    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;
    @Inject
    SprintScopeFacts facts;

    /**
     * Records the scope {@code definition} of sprint {@code sprintId} as {@code actor} imported it; nothing when it is
     * the current scope already. A changed scope replaces one that was decided (or already stale) as stale, and says so.
     */
    public void imported(String sprintId, String definition, boolean approvalRequired, Actor actor) {
        String hash = hash(definition);
        Optional<Stored> current = current(sprintId);
        if (current.isPresent() && current.get().hash().equals(hash)) return;
        Stored old = current.orElse(null);
        if (old != null) Rows.update(em, "update sprint_scope set status = 'superseded' where id = ?", old.id());
        proposal(sprintId).ifPresent(w -> Rows.update(em, "update sprint_scope set status = 'superseded' where id = ?", w.id()));
        boolean stale = old != null && (old.decided() || old.status().equals("stale"));
        Long staleOf = !stale ? null : old.decided() ? Long.valueOf(old.id()) : old.staleOf();
        long id = Rows.first(em, """
                insert into sprint_scope (sprint_id, scope_hash, definition, approval_required, status, author, author_roles, imported_at, stale_of)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", r -> r.number("id"), sprintId, hash, definition, approvalRequired,
                stale ? "stale" : "pending", actor.name(), actor.sortedRoles(), now(), staleOf).orElseThrow();
        if (stale && old.decided()) {
            ObjectNode p = json.createObjectNode().put("scope_id", id).put("previous_scope_id", old.id()).put("previous_status", old.status())
                    .put("previous_decided_by", old.decidedBy()).put("scope_hash", hash)
                    .put("reason", "the re-imported scope differs from the one " + old.status() + "; it needs a new decision");
            audit.record(actor, AuditEntry.of("SprintScopeStale", Subject.sprint(sprintId), null, p).alsoAbout(milestones(sprintId)));
        }
    }

    /**
     * Refuses (409) features that CI's {@code event} would add to a sprint whose scope needs approval: its features are
     * those of its imported definition, which people approve; an event may name only those. Otherwise an approved plan
     * could be widened by a CI token alone.
     */
    public void refuseUnapprovedFeatures(String sprintId, Collection<String> features, String event) {
        if (features.isEmpty()) return;
        ScopeFact fact = fact(sprintId);
        if (fact == null || !fact.needsApproval()) return;
        List<String> planned = current(sprintId).flatMap(s -> SprintDossiers.definition(s.definition())).map(SprintDefinition::features)
                .orElse(List.of());
        List<String> extra = features.stream().filter(f -> !planned.contains(f)).toList();
        if (extra.isEmpty()) return;
        String refusal = "sprint " + sprintId + "'s scope needs approval, and " + event + " names " + String.join(", ", extra)
                + ", which its imported definition does not; ";
        Optional<Stored> waiting = proposal(sprintId);
        throw ApiException.conflict(refusal + (waiting.isPresent()
                ? "a change to its scope (scope " + waiting.get().id() + ") waits for a decision on the sprint's page, and is in force only once approved"
                : "import the changed sprint so that its scope can be approved"));
    }

    /** The sprint's current scope, if it has an imported one. */
    public Optional<Stored> current(String sprintId) {
        return Rows.first(em, "select " + COLUMNS + " from sprint_scope where sprint_id = ? and " + IN_FORCE, SprintScopes::stored, sprintId);
    }

    /** The sprint's held change waiting for a decision, if any. */
    public Optional<Stored> proposal(String sprintId) {
        return Rows.first(em, "select " + COLUMNS + " from sprint_scope where sprint_id = ? and status = 'proposed'", SprintScopes::stored, sprintId);
    }

    /**
     * Whether a changed re-import of the sprint is held rather than applied: an approved scope is in force and the scope
     * needs approval (as in force, or by the new definition's {@code approvalRequired}). A re-import cannot take a sprint
     * out of approval by dropping its own flag or its links: what is in force decides.
     */
    public boolean holds(String sprintId, boolean approvalRequired) {
        Stored inForce = current(sprintId).orElse(null);
        if (inForce == null || !inForce.status().equals("approved")) return false;
        ScopeFact fact = fact(sprintId);
        return approvalRequired || (fact != null && fact.needsApproval());
    }

    /**
     * Holds {@code definition} as the sprint's proposed scope change, replacing a different one still waiting; the same
     * one again changes nothing. Audited as SprintScopeChangeProposed with the change it would make.
     */
    public Held propose(String sprintId, String definition, boolean approvalRequired, Actor actor) {
        String hash = hash(definition);
        Stored inForce = current(sprintId).orElseThrow();
        Optional<Stored> waiting = proposal(sprintId);
        if (waiting.isPresent() && waiting.get().hash().equals(hash)) return new Held(sprintId, waiting.get().id(), change(inForce, waiting.get()));
        waiting.ifPresent(w -> Rows.update(em, "update sprint_scope set status = 'superseded' where id = ?", w.id()));
        long id = Rows.first(em, """
                insert into sprint_scope (sprint_id, scope_hash, definition, approval_required, status, author, author_roles, imported_at, stale_of)
                values (?, ?, ?, ?, 'proposed', ?, ?, ?, ?) returning id""", r -> r.number("id"), sprintId, hash, definition, approvalRequired,
                actor.name(), actor.sortedRoles(), now(), inForce.id()).orElseThrow();
        Stored proposed = find(id).orElseThrow();
        ScopeChange change = change(inForce, proposed);
        ObjectNode p = json.createObjectNode().put("scope_id", id).put("in_force_scope_id", inForce.id()).put("scope_hash", hash)
                .put("definition", definition).put("previous_definition", inForce.definition()).put("change", change.summary())
                .put("reason", "the sprint's approved scope is in force and its scope needs approval: the change waits for a decision");
        waiting.ifPresent(w -> p.put("replaces_proposal", w.id()));
        p.set("diff", json.valueToTree(change));
        audit.record(actor, AuditEntry.of("SprintScopeChangeProposed", Subject.sprint(sprintId), null, p).alsoAbout(milestones(sprintId)));
        return new Held(sprintId, id, change);
    }

    /** {@code held}'s change judged again, against what is held now. */
    public Held again(Held held) {
        Stored proposed = find(held.scopeId()).orElseThrow();
        return new Held(held.sprintId(), held.scopeId(), change(find(proposed.staleOf()).orElseThrow(), proposed));
    }

    /** A re-import of the definition in force withdraws a held change still waiting (audited as SprintScopeChangeWithdrawn). */
    public void withdraw(String sprintId, Actor actor) {
        proposal(sprintId).ifPresent(w -> {
            Rows.update(em, "update sprint_scope set status = 'superseded' where id = ?", w.id());
            ObjectNode p = json.createObjectNode().put("scope_id", w.id()).put("proposed_by", w.author())
                    .put("reason", "the definition in force was imported again; the held change is withdrawn");
            audit.record(actor, AuditEntry.of("SprintScopeChangeWithdrawn", Subject.sprint(sprintId), null, p).alsoAbout(milestones(sprintId)));
        });
    }

    /**
     * What {@code proposed} would change against {@code inForce}: features added, removed and moved between sprints
     * (other sprints' planned features read from their definitions in force and their own held changes).
     */
    public ScopeChange change(Stored inForce, Stored proposed) {
        SprintDefinition before = definitionOf(inForce);
        SprintDefinition after = definitionOf(proposed);
        Set<String> touched = new TreeSet<>(before.features());
        touched.addAll(after.features());
        Map<String, Set<String>> otherBefore = new TreeMap<>();
        Map<String, Set<String>> otherAfter = new TreeMap<>();
        Rows.list(em, """
                select o.sprint_id, (select p.definition from sprint_scope p where p.sprint_id = o.sprint_id and p.status = 'proposed') as proposed,
                       array(select f.feature_id from sprint_feature f where f.sprint_id = o.sprint_id and f.source = 'definition'
                             order by f.feature_id) as features
                from (select sprint_id from sprint_feature where source = 'definition' and feature_id = any(?)
                      union select sprint_id from sprint_scope where status = 'proposed') o
                where o.sprint_id <> ? order by o.sprint_id limit 100""", r -> {
            Set<String> was = new TreeSet<>(r.texts("features"));
            String held = r.text("proposed");
            Set<String> will = held == null ? was : new TreeSet<>(parsed(held).features());
            if (was.stream().anyMatch(touched::contains) || will.stream().anyMatch(touched::contains)) {
                otherBefore.put(r.text("sprint_id"), was);
                otherAfter.put(r.text("sprint_id"), will);
            }
            return 0;
        }, (Object) touched.toArray(String[]::new), proposed.sprintId());
        return ScopeChange.between(before, after, otherBefore, otherAfter);
    }

    private static SprintDefinition definitionOf(Stored scope) {
        return parsed(scope.definition());
    }

    private static SprintDefinition parsed(String definition) {
        return SprintDossiers.definition(definition).orElseThrow(() -> new IllegalStateException("a stored sprint scope holds no sprint"));
    }

    public Optional<Stored> find(long id) {
        return Rows.first(em, "select " + COLUMNS + " from sprint_scope where id = ?", SprintScopes::stored, id);
    }

    /** Current scopes and held changes with the given status (all when null), of one sprint or all, oldest first, at most 200. */
    public List<Stored> list(String status, String sprintId) {
        return Rows.list(em, "select " + COLUMNS + """
                 from sprint_scope where status not in ('superseded', 'declined') and (cast(? as text) is null or status = ?)
                and (cast(? as text) is null or sprint_id = ?) order by imported_at, id limit 200""",
                SprintScopes::stored, status, status, sprintId, sprintId);
    }

    /** Where the sprint's scope stands for the gate (needs approval, status, first start before approval). */
    public ScopeFact fact(String sprintId) {
        return facts.of(List.of(sprintId)).get(sprintId);
    }

    /** The milestones the sprint is linked to, with their planning modes and governors. */
    public List<LinkedMode> linked(String sprintId) {
        return facts.links(List.of(sprintId)).getOrDefault(sprintId, List.of());
    }

    /** The scope as the policy judges a decision on it. */
    public ScopeApprovalPolicy.Scope judged(Stored scope) {
        List<LinkedMode> linked = linked(scope.sprintId());
        // a held change was held because the scope needs approval; it cannot drop out of it by its own content
        boolean needed = scope.held() || ScopeApprovalPolicy.needsApproval(scope.approvalRequired(), linked.stream().map(LinkedMode::mode).toList());
        return new ScopeApprovalPolicy.Scope(scope.sprintId(), scope.author(), scope.scopeStatus(), needed,
                ScopeApprovalPolicy.deciders(linked.stream().map(LinkedMode::governedBy).toList()));
    }

    /**
     * A SprintStarted at {@code at} (evidence {@code evidenceId}) of a sprint whose scope needs approval and was not
     * approved before it: flagged and audited as SprintStartedUnapproved with the scope's status. Answers whether it was.
     */
    public boolean started(String sprintId, Instant at, long evidenceId, Actor actor, String traceId) {
        ScopeFact fact = fact(sprintId);
        Stored scope = current(sprintId).orElse(null);
        if (fact == null || !ScopeApprovalPolicy.startedUnapproved(fact.needsApproval(), fact.status(), scope == null ? null : scope.decidedAt(), at)) {
            return false;
        }
        String status = fact.status().json();
        Rows.update(em, """
                insert into sprint_scope_flag (sprint_id, scope_id, scope_status, started_at, evidence_id, flagged_at)
                values (?, ?, ?, ?, ?, ?) on conflict (evidence_id) do nothing""",
                sprintId, scope == null ? null : scope.id(), status, at, evidenceId, now());
        ObjectNode p = json.createObjectNode().put("scope_status", status).put("started_at", at.toString()).put("evidence_id", evidenceId)
                .put("reason", "SprintStarted arrived while the sprint's scope was " + status + "; recorded and flagged");
        if (scope != null) p.put("scope_id", scope.id()).put("scope_hash", scope.hash());
        audit.record(actor, AuditEntry.of("SprintStartedUnapproved", Subject.sprint(sprintId), traceId, p).alsoAbout(milestones(sprintId)));
        return true;
    }

    public List<Comment> comments(String sprintId) {
        return Rows.list(em, "select id, author, author_roles, body, created_at from sprint_scope_comment where sprint_id = ? order by id limit 500",
                r -> new Comment(r.number("id"), r.text("author"), r.texts("author_roles"), r.text("body"), r.instant("created_at")), sprintId);
    }

    public List<Flag> flags(String sprintId) {
        return Rows.list(em, "select scope_status, started_at, evidence_id from sprint_scope_flag where sprint_id = ? order by started_at, id",
                r -> new Flag(r.text("scope_status"), r.instant("started_at"), r.number("evidence_id")), sprintId);
    }

    /** Audit subjects for the milestones the sprint is linked to. */
    public List<Subject> milestones(String sprintId) {
        return linked(sprintId).stream().map(l -> Subject.milestone(l.milestoneId())).toList();
    }

    private static Stored stored(Row r) {
        return new Stored(r.number("id"), r.text("sprint_id"), r.text("status"), r.text("scope_hash"), r.text("definition"),
                r.flag("approval_required"), r.text("author"), r.texts("author_roles"), r.instant("imported_at"), r.number("stale_of"),
                r.text("decided_by"), r.texts("decided_roles"), r.instant("decided_at"), r.text("decision_reason"));
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The sprint page's panel as {@code actor} sees it. */
    public SprintScopePanel panel(String sprintId, Actor actor) {
        Stored scope = current(sprintId).orElse(null);
        List<LinkedMode> linked = linked(sprintId);
        List<String> deciders = ScopeApprovalPolicy.deciders(linked.stream().map(LinkedMode::governedBy).toList());
        Stored proposal = scope == null ? null : proposal(sprintId).orElse(null);
        Stored decidable = proposal != null ? proposal : scope;
        boolean mayDecide = decidable != null && ScopeApprovalPolicy.decide(actor, judged(decidable), ControlPanel.REASON_TO_BE_GIVEN).allowed();
        Stored stale = scope == null || scope.staleOf() == null || !scope.status().equals("stale") ? null : find(scope.staleOf()).orElse(null);
        return new SprintScopePanel(sprintId, scope, fact(sprintId), linked, deciders, stale, proposal, proposal == null ? null : change(scope, proposal),
                flags(sprintId), comments(sprintId), mayDecide, ScopeApprovalPolicy.comment(actor, "-").allowed(), null, null);
    }
}
