package studio.inbox;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import studio.format.Names;
import studio.gate.MilestoneEvidence.OverrideStatus;
import studio.governance.Actor;
import studio.governance.GovernedMilestone;
import studio.governance.MilestoneState;
import studio.governance.OverrideTicket;
import studio.governance.Roles;
import studio.inbox.AwaitingDecision.GateCandidate;
import studio.inbox.AwaitingDecision.OverrideCandidate;
import studio.milestone.MilestoneReadout;
import studio.milestone.MilestoneRulebook;
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

    private Actor memoFor;
    private List<InboxItem> memoItems;
    private List<ReleaseInbox.Item> memoReleases;

    @Override
    public long awaitingCurrentUser() {
        Actor actor = user.actor();
        return awaiting(actor).size() + releases(actor).size();
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
        Instant now = Instant.now();
        return AwaitingDecision.of(actor, overrides(actor, now), manualGates(actor), now);
    }

    /** What was answered for someone else (never within one request in practice) is not reused. */
    private void forget(Actor actor) {
        if (actor.equals(memoFor)) return;
        memoFor = actor;
        memoItems = null;
        memoReleases = null;
    }

    private List<OverrideCandidate> overrides(Actor actor, Instant now) {
        return Rows.list(em, """
                select o.id, o.gates, o.reason, o.expires_at, o.requested_by, o.requested_at,
                       m.id as milestone_id, m.name, m.state, m.definition, m.gate_summary
                from override_request o join milestone m on m.id = o.milestone_id
                where o.status = 'requested' and o.requested_by <> ? and (o.expires_at is null or o.expires_at > ?)
                order by o.requested_at, o.id limit ?""", r -> {
            OverrideTicket ticket = new OverrideTicket(r.number("id"), OverrideStatus.REQUESTED, r.text("requested_by"), null, null,
                    r.instant("expires_at"));
            return new OverrideCandidate(ticket, governed(r.text("definition"), r.text("state")), r.text("name"), r.texts("gates"),
                    r.text("reason"), r.instant("requested_at"), MilestoneReadout.parse(r.text("gate_summary")));
        }, actor.name(), now, LIMIT);
    }

    private List<GateCandidate> manualGates(Actor actor) {
        return Rows.list(em, """
                select m.id, m.name, m.state, m.state_since, m.definition, m.gate_summary from milestone m
                where m.state not in ('closed', 'terminated') and jsonb_exists_any(m.pending_manual_roles, ?)
                order by m.state_since, m.id limit ?""",
                r -> new GateCandidate(governed(r.text("definition"), r.text("state")), r.text("name"), r.instant("state_since"),
                        MilestoneReadout.parse(r.text("gate_summary"))), actor.roles().toArray(String[]::new), LIMIT);
    }

    private GovernedMilestone governed(String definition, String state) {
        return rulebook.rules(definition).governed(Names.parse(MilestoneState.class, state));
    }
}
