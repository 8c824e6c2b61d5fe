package studio.inbox;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import studio.format.Names;
import studio.gate.MilestoneEvidence.OverrideStatus;
import studio.governance.Actor;
import studio.governance.Bypass;
import studio.governance.GovernedMilestone;
import studio.governance.MilestoneState;
import studio.governance.OverrideTicket;
import studio.governance.Quorum;
import studio.governance.Roles;
import studio.governance.SignOffs;
import studio.inbox.AwaitingDecision.BypassCandidate;
import studio.inbox.AwaitingDecision.DefinitionChangeCandidate;
import studio.inbox.AwaitingDecision.GateCandidate;
import studio.inbox.AwaitingDecision.OverrideCandidate;
import studio.inbox.AwaitingDecision.StuckCandidate;
import studio.milestone.MilestoneReadout;
import studio.milestone.MilestoneRulebook;
import studio.milestone.MilestoneSignOffs;
import studio.milestone.SprintScopeFacts;
import studio.gate.MilestoneEvidence.ScopeStatus;
import studio.governance.ScopeApprovalPolicy;
import studio.persistence.Rows;
import studio.release.approval.ReleaseInbox;
import studio.security.CurrentUser;
import studio.web.Navigation;

/**
 * The approvals inbox and the navigation badge. Two bounded queries whatever the data (open override requests the
 * person did not make; open milestones with a pending manual gate of one of their roles), then the pure
 * {@link AwaitingDecision} keeps what the policies would let them decide. It runs on every page, for the badge, so
 * it is request-scoped and answers each question once per request: a page that lists the items (home, the inbox)
 * and its badge share the queries. Pages read it after the request's own decision, never before.
 */
@RequestScoped
public class ApprovalInbox implements Navigation.InboxCounter {

    /** More than anyone can work through; a bound keeps every page cheap however much piles up. */
    static final int LIMIT = 200;

    @Inject
    CurrentUser user;
    @Inject
    EntityManager em;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    ReleaseInbox releases;
    @Inject
    MilestoneSignOffs signOffs;
    @Inject
    SprintScopeFacts scopeFacts;
    @Inject
    BadgeCounts badges;

    private Actor memoFor;
    private String head;
    private List<InboxItem> memoItems;
    private List<ReleaseInbox.Item> memoReleases;

    @Override
    public long awaitingCurrentUser() {
        Actor actor = user.actor();
        // a page that lists the items has counted them already; the navigation alone reuses a recent count
        if (actor.equals(memoFor) && memoItems != null && memoReleases != null) return memoItems.size() + memoReleases.size();
        return badges.of(actor, auditHead(), () -> awaiting(actor).size() + releases(actor).size());
    }

    /** The audit trail's head (its hash) as this request first read it: what answers kept for a few seconds are kept at. */
    public String auditHead() {
        if (head == null) head = Rows.first(em, "select hash from audit_head", r -> r.text("hash")).orElse("");
        return head;
    }

    /** Releases waiting for this person's approval (decided on the release page). */
    public List<ReleaseInbox.Item> releases(Actor actor) {
        forget(actor);
        if (memoReleases == null) memoReleases = actor.holdsAny(Roles.ACTING_HUMANS) ? releases.awaiting(actor) : List.of();
        return memoReleases;
    }

    public List<InboxItem> awaiting(Actor actor) {
        forget(actor);
        if (memoItems == null) memoItems = actor.holdsAny(Roles.ACTING_HUMANS) ? decidable(actor) : List.of();
        return memoItems;
    }

    private List<InboxItem> decidable(Actor actor) {
        return AwaitingDecision.of(actor, candidates(actor.name(), actor.roles(), ""), Instant.now());
    }

    /**
     * What each of {@code people} may decide now, by the same policies as their inbox: the notification sweep asks once
     * for everyone (the same bounded queries, without the per-person filters), then judges each person in memory.
     */
    public Map<String, List<InboxItem>> awaitingEach(List<Actor> people) {
        Map<String, List<InboxItem>> out = new java.util.LinkedHashMap<>();
        if (people.isEmpty()) return out;
        AwaitingDecision.Candidates all = candidates(null, Roles.ACTING_HUMANS, "");
        Instant now = Instant.now();
        for (Actor person : people) out.put(person.name(), AwaitingDecision.of(person, all, now));
        return out;
    }

    /**
     * What waits on one milestone, and who of {@code people} may decide each item (by {@link InboxItem#key()}): the
     * milestone page names the eligible people, from the same policies that judge them when they act.
     */
    public Map<String, List<String>> decidersOn(String milestoneId, List<Actor> people) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        AwaitingDecision.Candidates on = candidates(null, Roles.ACTING_HUMANS, milestoneId);
        Instant now = Instant.now();
        for (Actor person : people) {
            for (InboxItem item : AwaitingDecision.of(person, on, now)) out.computeIfAbsent(item.key(), k -> new ArrayList<>()).add(person.name());
        }
        return out;
    }

    /** The candidates one person ({@code requester}: not their own requests) or everyone (null) may be offered, on one milestone or all (""). */
    private AwaitingDecision.Candidates candidates(String requester, java.util.Collection<String> roles, String only) {
        Instant now = Instant.now();
        String notBy = requester == null ? "" : requester;
        List<OverrideCandidate> overrides = overrides(notBy, now, only);
        List<GateCandidate> gates = manualGates(roles, only);
        List<BypassCandidate> bypasses = bypasses(notBy, only);
        // Who signed off already on these milestones, and each override's approvals: a few statements for all of them.
        java.util.Set<String> ids = new java.util.HashSet<>();
        overrides.forEach(o -> ids.add(o.milestone().id()));
        gates.forEach(g -> ids.add(g.milestone().id()));
        Map<String, SignOffs> signed = signOffs.of(ids);
        Map<Long, List<Quorum.Signature>> approvals = signOffs.overrideApprovals(overrides.stream().map(o -> o.ticket().id()).toList());
        List<OverrideCandidate> withApprovals = overrides.stream().map(o -> new OverrideCandidate(withApprovals(o.ticket(),
                approvals.getOrDefault(o.ticket().id(), List.of())), o.milestone(), o.milestoneName(), o.gates(), o.justification(),
                o.requestedAt(), o.report(), signed.getOrDefault(o.milestone().id(), SignOffs.NONE))).toList();
        List<GateCandidate> withSignOffs = gates.stream().map(g -> new GateCandidate(g.milestone(), g.milestoneName(), g.since(), g.report(),
                signed.getOrDefault(g.milestone().id(), SignOffs.NONE))).toList();
        return new AwaitingDecision.Candidates(withApprovals, withSignOffs, bypasses, definitionChanges(notBy, only), stuck(now, only),
                sprintScopes(notBy, only));
    }

    /**
     * Sprints' scopes waiting for a decision (pending, stale after a changed re-import, or a held change) that someone other than
     * {@code notBy} imported, on sprints linked to milestone {@code only} (or all: ""); the policy then keeps those that
     * need approval and that the person may decide.
     */
    private List<AwaitingDecision.ScopeCandidate> sprintScopes(String notBy, String only) {
        record Row(long id, String sprintId, String name, String status, boolean required, String author, Instant at) {}
        // one milestone's: from its sprints (a handful), never every sprint's scope
        String onSprints = only.isEmpty() ? "" : " and c.sprint_id in (select sprint_id from sprint_milestone where milestone_id = ?)";
        List<Object> params = new ArrayList<>(List.of(notBy));
        if (!only.isEmpty()) params.add(only);
        params.add(LIMIT);
        List<Row> rows = Rows.list(em, "select c.id, c.sprint_id, s.name, c.status, c.approval_required, c.author, c.imported_at"
                + " from sprint_scope c join sprint s on s.id = c.sprint_id"
                + " where c.status in ('pending', 'stale', 'proposed') and coalesce(c.author, '') <> ?" + onSprints
                + " order by c.imported_at, c.id limit ?", params, r -> new Row(r.number("id"), r.text("sprint_id"), r.text("name"),
                r.text("status"), r.flag("approval_required"), r.text("author"), r.instant("imported_at")));
        if (rows.isEmpty()) return List.of();
        Map<String, List<SprintScopeFacts.LinkedMode>> links = scopeFacts.links(rows.stream().map(Row::sprintId).toList());
        Map<String, String[]> milestones = new java.util.HashMap<>();
        Rows.list(em, "select id, name, state from milestone where id in (select milestone_id from sprint_milestone where sprint_id = any(?))",
                r -> milestones.put(r.text("id"), new String[] {r.text("name"), r.text("state")}),
                (Object) rows.stream().map(Row::sprintId).toArray(String[]::new));
        return rows.stream().map(r -> {
            List<SprintScopeFacts.LinkedMode> linked = links.getOrDefault(r.sprintId(), List.of());
            var scope = new ScopeApprovalPolicy.Scope(r.sprintId(), r.author(), Names.parse(ScopeStatus.class, r.status()),
                    r.status().equals("proposed") || ScopeApprovalPolicy.needsApproval(r.required(), linked.stream().map(SprintScopeFacts.LinkedMode::mode).toList()),
                    ScopeApprovalPolicy.deciders(linked.stream().map(SprintScopeFacts.LinkedMode::governedBy).toList()));
            String milestone = linked.stream().filter(l -> l.mode().requiresScopeApproval()).map(SprintScopeFacts.LinkedMode::milestoneId)
                    .findFirst().orElse(linked.isEmpty() ? "" : linked.get(0).milestoneId());
            String[] m = milestones.getOrDefault(milestone, new String[] {null, "planned"});
            return new AwaitingDecision.ScopeCandidate(scope, r.id(), r.name(), r.at(), milestone, m[0], m[1]);
        }).toList();
    }

    /** Blocked and escalated milestones, and whether someone was asked already (an override or bypass request open). */
    private List<StuckCandidate> stuck(Instant now, String only) {
        return Rows.list(em, """
                select m.id, m.name, m.state, m.state_since, m.definition, m.gate_summary,
                       exists (select 1 from override_request o where o.milestone_id = m.id and o.status = 'requested'
                               and (o.expires_at is null or o.expires_at > ?))
                       or exists (select 1 from bypass_request b where b.milestone_id = m.id and b.status = 'requested') as asked
                from milestone m where m.state in ('blocked', 'escalated') and (? = '' or m.id = ?)
                order by m.state_since, m.id limit ?""",
                r -> new StuckCandidate(governed(r.text("definition"), r.text("state")), r.text("name"), r.instant("state_since"),
                        MilestoneReadout.parse(r.text("gate_summary")), r.flag("asked")), now, only, only, LIMIT);
    }

    /** Changes that loosen a governed milestone, waiting for a product owner or governor other than their author. */
    private List<DefinitionChangeCandidate> definitionChanges(String notBy, String only) {
        return Rows.list(em, """
                select c.id, c.author, c.proposed_at, c.weakenings, m.id as milestone_id, m.name, m.state, m.definition
                from definition_change c join milestone m on m.id = c.milestone_id
                where c.status = 'pending' and c.author <> ? and (? = '' or m.id = ?) order by c.proposed_at, c.id limit ?""",
                r -> new DefinitionChangeCandidate(r.number("id"), governed(r.text("definition"), r.text("state")), r.text("name"),
                        r.text("author"), r.instant("proposed_at"), r.texts("weakenings")), notBy, only, only, LIMIT);
    }

    private static OverrideTicket withApprovals(OverrideTicket t, List<Quorum.Signature> approvals) {
        return new OverrideTicket(t.id(), t.status(), t.requestedBy(), t.decidedBy(), t.decidedAt(), t.expiresAt(), t.gates(), approvals);
    }

    /** Force closes and terminations waiting for approval on open milestones, with their approvals so far. */
    private List<BypassCandidate> bypasses(String notBy, String only) {
        List<BypassCandidate> out = Rows.list(em, """
                select b.id, b.kind, b.reason, b.requested_by, b.requested_at, m.id as milestone_id, m.name, m.state, m.definition,
                       m.gate_summary, m.escalated_by
                from bypass_request b join milestone m on m.id = b.milestone_id
                where b.status = 'requested' and b.requested_by <> ? and (? = '' or m.id = ?) order by b.requested_at, b.id limit ?""",
                r -> new BypassCandidate(new Bypass(r.number("id"), Bypass.Kind.fromSlug(r.text("kind")), Bypass.Status.REQUESTED,
                        r.text("requested_by"), List.of(), null, null), governed(r.text("definition"), r.text("state")), r.text("name"),
                        r.text("reason"), r.instant("requested_at"), r.text("escalated_by"), MilestoneReadout.parse(r.text("gate_summary"))),
                notBy, only, only, LIMIT);
        if (out.isEmpty()) return out;
        Map<Long, List<Quorum.Signature>> approvals = new java.util.HashMap<>();
        Rows.list(em, "select bypass_id, approver, approver_roles, approved_at from bypass_approval where bypass_id = any(?) order by approved_at",
                r -> approvals.computeIfAbsent(r.number("bypass_id"), k -> new ArrayList<>()).add(new Quorum.Signature(r.text("approver"),
                        java.util.Set.copyOf(r.texts("approver_roles")), r.instant("approved_at"))),
                (Object) out.stream().map(c -> c.bypass().id()).toArray(Long[]::new));
        return out.stream().map(c -> new BypassCandidate(new Bypass(c.bypass().id(), c.bypass().kind(), c.bypass().status(),
                c.bypass().requestedBy(), approvals.getOrDefault(c.bypass().id(), List.of()), null, null), c.milestone(), c.milestoneName(),
                c.reason(), c.requestedAt(), c.escalatedBy(), c.report())).toList();
    }

    /** What was answered for someone else (never within one request in practice) is not reused. */
    private void forget(Actor actor) {
        if (actor.equals(memoFor)) return;
        memoFor = actor;
        memoItems = null;
        memoReleases = null;
    }

    private List<OverrideCandidate> overrides(String notBy, Instant now, String only) {
        return Rows.list(em, """
                select o.id, o.gates, o.reason, o.expires_at, o.requested_by, o.requested_at,
                       m.id as milestone_id, m.name, m.state, m.definition, m.gate_summary
                from override_request o join milestone m on m.id = o.milestone_id
                where o.status = 'requested' and o.requested_by <> ? and (o.expires_at is null or o.expires_at > ?) and (? = '' or m.id = ?)
                order by o.requested_at, o.id limit ?""", r -> {
            List<String> gates = r.texts("gates");
            OverrideTicket ticket = new OverrideTicket(r.number("id"), OverrideStatus.REQUESTED, r.text("requested_by"), null, null,
                    r.instant("expires_at"), gates, List.of());
            return new OverrideCandidate(ticket, governed(r.text("definition"), r.text("state")), r.text("name"), gates,
                    r.text("reason"), r.instant("requested_at"), MilestoneReadout.parse(r.text("gate_summary")), SignOffs.NONE);
        }, notBy, now, only, only, LIMIT);
    }

    private List<GateCandidate> manualGates(java.util.Collection<String> roles, String only) {
        return Rows.list(em, """
                select m.id, m.name, m.state, m.state_since, m.definition, m.gate_summary from milestone m
                where m.state not in ('closed', 'terminated') and jsonb_exists_any(m.pending_manual_roles, ?) and (? = '' or m.id = ?)
                order by m.state_since, m.id limit ?""",
                r -> new GateCandidate(governed(r.text("definition"), r.text("state")), r.text("name"), r.instant("state_since"),
                        MilestoneReadout.parse(r.text("gate_summary")), SignOffs.NONE), roles.toArray(String[]::new), only, only, LIMIT);
    }

    private GovernedMilestone governed(String definition, String state) {
        return rulebook.rules(definition).governed(Names.parse(MilestoneState.class, state));
    }
}
