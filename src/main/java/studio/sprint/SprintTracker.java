package studio.sprint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import studio.milestone.ChangeCursor;
import studio.persistence.Rows;
import studio.web.ApiException;

/**
 * Keeps a sprint's row in step with its evidence: its events (state follows their timestamps, see
 * {@link SprintTimeline}), the milestones it is linked to and the features it delivers.
 */
@ApplicationScoped
public class SprintTracker {

    @Inject
    EntityManager em;

    /** The sprint, locked for this transaction; created (Planned) when CI names a sprint nobody defined. */
    public Sprint lock(String id) {
        Instant now = Instant.now();
        Rows.update(em, """
                insert into sprint (id, state, state_since, created_at, updated_at, change_seq, version)
                values (?, 'planned', ?, ?, ?, nextval('change_seq'), 0) on conflict (id) do nothing""", id, now, now, now);
        return Sprint.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Adds a lifecycle event to the sprint's timeline; 409 when it cannot follow what is already there. */
    public void record(Sprint sprint, SprintEventType type, Instant occurredAt, long evidenceId, String reason) {
        SprintEventFact event = new SprintEventFact(sprint.id, type, occurredAt, evidenceId);
        if (SprintTimeline.check(timeline(sprint.id), event) instanceof SprintTimeline.Illegal illegal) {
            throw ApiException.conflict(illegal.reason());
        }
        Rows.update(em, """
                insert into sprint_event (evidence_id, sprint_id, event_type, occurred_at, reason) values (?, ?, ?, ?, ?)""",
                evidenceId, sprint.id, type.eventName(), occurredAt, reason);
    }

    /** Recomputes the shown state from the timeline and whether QA or trace evidence has arrived. */
    public void refresh(Sprint sprint, String traceId) {
        List<SprintEventFact> events = timeline(sprint.id);
        if (!(SprintTimeline.fold(events) instanceof SprintTimeline.Legal legal)) return;
        String shown = legal.shown(hasVerificationEvidence(sprint.id)).name().toLowerCase(Locale.ROOT);
        Instant now = Instant.now();
        if (!shown.equals(sprint.state)) {
            sprint.state = shown;
            sprint.stateSince = legal.last() == null ? now : legal.last().timestamp();
        }
        events.stream().filter(e -> e.type() == SprintEventType.SPRINT_STARTED).map(SprintEventFact::timestamp)
                .min(Instant::compareTo).ifPresent(t -> sprint.startedAt = t);
        sprint.closedAt = legal.closedBy() == null ? null : legal.closedBy().timestamp();
        if (traceId != null && !traceId.isBlank()) sprint.traceId = traceId;
        sprint.updatedAt = now;
        sprint.changeSeq = ChangeCursor.next(em);
    }

    /** Links established by evidence ({@code source}: event, trace-matrix, execution); definitions' own stay. */
    public void link(String sprintId, Collection<String> milestones, Collection<String> features, String source) {
        if (!milestones.isEmpty()) {
            Rows.update(em, """
                    insert into sprint_milestone (sprint_id, milestone_id, source) select ?, x, ? from unnest(?) as x
                    on conflict do nothing""", sprintId, source, milestones.toArray(String[]::new));
        }
        if (!features.isEmpty()) {
            Rows.update(em, """
                    insert into feature (id, defined, created_at, updated_at, change_seq)
                    select x, false, now(), now(), nextval('change_seq') from unnest(?) as x on conflict (id) do nothing""",
                    (Object) features.toArray(String[]::new));
            Rows.update(em, """
                    insert into sprint_feature (sprint_id, feature_id, source) select ?, x, ? from unnest(?) as x
                    on conflict do nothing""", sprintId, source, features.toArray(String[]::new));
        }
    }

    /** The milestones a sprint's evidence concerns: those it is linked to and those requiring what it delivers. */
    public List<String> touchedMilestones(String sprintId) {
        return new ArrayList<>(new TreeSet<>(Rows.list(em, """
                select milestone_id from sprint_milestone where sprint_id = ?
                union select mf.milestone_id from milestone_feature mf join sprint_feature sf on sf.feature_id = mf.feature_id
                where sf.sprint_id = ?""", r -> r.text("milestone_id"), sprintId, sprintId)));
    }

    private List<SprintEventFact> timeline(String sprintId) {
        return Rows.list(em, """
                select event_type, occurred_at, evidence_id from sprint_event where sprint_id = ? order by occurred_at, evidence_id""",
                r -> new SprintEventFact(sprintId, SprintEventType.fromEventName(r.text("event_type")).orElseThrow(),
                        r.instant("occurred_at"), r.number("evidence_id")), sprintId);
    }

    private boolean hasVerificationEvidence(String sprintId) {
        return Rows.first(em, """
                select 1 as found from trace_fact where sprint_id = ? union all select 1 from test_result_fact where sprint_id = ?
                union all select 1 from coverage_fact where sprint_id = ? and source = 'qa' limit 1""",
                r -> true, sprintId, sprintId, sprintId).isPresent();
    }
}
