package studio.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import studio.persistence.Rows;

/**
 * The deferral radar: every feature ever deferred (by CI's FeatureDeferred or by a product owner), how often, from which
 * milestone, by whom last and why, whether it is still deferred; and per milestone how many of its required features are
 * deferred now. Newest first, at most {@link #ROWS} features; one statement each, on the partial index of deferrals.
 */
@ApplicationScoped
public class DeferralRadar {

    static final int ROWS = 200;

    @Inject
    EntityManager em;

    /**
     * @param from     the milestone the deferral named, else null (it concerned every milestone requiring the feature)
     * @param requiredBy the milestones requiring the feature now
     */
    public record Deferral(String featureId, String title, String from, long times, Instant lastAt, String lastBy,
                           String reason, boolean deferredNow, List<String> requiredBy) {}

    /** One milestone's share: its required features and how many of them are deferred now. */
    public record MilestoneShare(String milestoneId, String state, long required, long deferred) {}

    public record View(String milestone, List<Deferral> deferrals, List<MilestoneShare> milestones) {
        public boolean filtered() {
            return milestone != null;
        }
    }

    public View view(String milestone) {
        String m = milestone == null || milestone.isBlank() ? null : milestone.strip();
        List<Deferral> deferrals = Rows.list(em, """
                select d.feature_id, f.title, d.milestone_id, d.times, d.last_at, d.last_by, d.last_reason,
                       (f.deferred_at is not null or f.planned_status = 'deferred') as deferred_now,
                       (select array_agg(mf.milestone_id order by mf.milestone_id) from milestone_feature mf where mf.feature_id = d.feature_id) as required_by
                from (select e.feature_id, e.milestone_id, count(*) as times, max(e.occurred_at) as last_at,
                             (array_agg(e.actor order by e.occurred_at desc, e.id desc))[1] as last_by,
                             (array_agg(coalesce(cast(e.body as jsonb) ->> 'reason', cast(e.body as jsonb) ->> 'deferralReason') order by e.occurred_at desc, e.id desc))[1] as last_reason
                      from evidence e where e.event_type = 'FeatureDeferred' and e.feature_id is not null
                      group by e.feature_id, e.milestone_id) d
                left join feature f on f.id = d.feature_id
                where cast(? as text) is null or d.milestone_id = ?
                   or exists (select 1 from milestone_feature mf where mf.feature_id = d.feature_id and mf.milestone_id = ?)
                order by d.last_at desc, d.feature_id limit ?""",
                r -> new Deferral(r.text("feature_id"), r.text("title"), r.text("milestone_id"), r.number("times"), r.instant("last_at"),
                        r.text("last_by"), r.text("last_reason"), r.flag("deferred_now"), r.texts("required_by")),
                m, m, m, ROWS);
        List<MilestoneShare> shares = Rows.list(em, """
                select m.id, m.state, count(*) as required,
                       count(*) filter (where f.deferred_at is not null or f.planned_status = 'deferred') as deferred
                from milestone m join milestone_feature mf on mf.milestone_id = m.id left join feature f on f.id = mf.feature_id
                where cast(? as text) is null or m.id = ?
                group by m.id, m.state having count(*) filter (where f.deferred_at is not null or f.planned_status = 'deferred') > 0
                order by deferred desc, m.id limit ?""",
                r -> new MilestoneShare(r.text("id"), r.text("state"), r.number("required"), r.number("deferred")), m, m, ROWS);
        return new View(m, deferrals, shares);
    }
}
