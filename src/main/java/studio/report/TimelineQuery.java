package studio.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import studio.persistence.Row;
import studio.persistence.Rows;

/**
 * Reads what the timeline shows in TWO statements however many milestones there are: the milestones the filter lets
 * through (at most its limit, with how many matched, the filter's options and whether each is at risk), then the
 * contributing sprints of exactly those milestones (at most {@link #SPRINT_CAP}).
 */
@ApplicationScoped
public class TimelineQuery {

    static final int SPRINT_CAP = 1000;

    /**
     * At risk: Blocked or Escalated; past its target date and not reached; or a contributing sprint blocked or held from
     * closing. The page marks and filters on this one column.
     */
    private static final String MILESTONES = """
            with hits as (
                select * from (
                    select m.id, m.name, m.phase, m.owner, m.governed_by, m.state, m.state_since, m.target_date, m.created_at,
                           (select min(ev.evaluated_at) from evaluation ev where ev.milestone_id = m.id and ev.state = 'reached') as reached_at,
                           (m.state in ('blocked', 'escalated')
                            or (m.target_date < cast(? as date) and m.state not in ('reached', 'closed', 'terminated'))
                            or exists (select 1 from sprint s
                                       where (s.state = 'blocked' or s.closure_held is not null)
                                         and s.id in (select sm.sprint_id from sprint_milestone sm where sm.milestone_id = m.id
                                                      union select sf.sprint_id from sprint_feature sf
                                                      join milestone_feature mf on mf.feature_id = sf.feature_id
                                                      where mf.milestone_id = m.id))) as at_risk
                    from milestone m
                    where (cast(? as text) is null or m.phase = ?) and (cast(? as text) is null or m.owner = ?)) x
                where (not ? or at_risk)),
            shown as (
                select h.*, count(*) over () as matching from hits h
                order by h.target_date nulls last, h.created_at, h.id limit ?)
            select meta.*, shown.* from (
                select array(select v from (select distinct phase as v from milestone where phase <> '') p order by v) as phases,
                       array(select v from (select distinct owner as v from milestone where owner <> '') o order by v) as owners,
                       (select count(*) from milestone) as all_count) meta
            left join shown on true
            order by shown.target_date nulls last, shown.created_at, shown.id""";

    private static final String SPRINTS = """
            select c.milestone_id, s.id, s.name, s.state, s.started_at, s.closed_at, s.closure_held
            from (select sm.milestone_id, sm.sprint_id from sprint_milestone sm where sm.milestone_id = any(?)
                  union select mf.milestone_id, sf.sprint_id from sprint_feature sf
                  join milestone_feature mf on mf.feature_id = sf.feature_id where mf.milestone_id = any(?)) c
            join sprint s on s.id = c.sprint_id
            order by c.milestone_id, s.started_at nulls last, s.id limit ?""";

    public record MilestoneRow(String id, String name, String phase, String owner, String state, Instant stateSince,
                               LocalDate targetDate, Instant createdAt, Instant reachedAt, boolean atRisk) {}

    public record SprintRow(String milestoneId, String id, String name, String state, Instant startedAt, Instant closedAt,
                            String closureHeld) {
        public boolean held() {
            return "blocked".equals(state) || closureHeld != null;
        }
    }

    /** @param matching how many milestones the filter lets through (the page shows at most its limit) */
    public record TimelineRead(List<MilestoneRow> milestones, List<SprintRow> sprints, int matching, int allCount,
                               List<String> phases, List<String> owners) {}

    @Inject
    EntityManager em;

    public TimelineRead read(TimelineFilter f, LocalDate today) {
        List<Row> rows = Rows.list(em, MILESTONES, r -> r, today, f.phase(), f.phase(), f.owner(), f.owner(), f.atRiskOnly(), f.limit());
        Row meta = rows.get(0);
        List<MilestoneRow> milestones = rows.stream().filter(r -> r.text("id") != null).map(TimelineQuery::milestone).toList();
        String[] ids = milestones.stream().map(MilestoneRow::id).toArray(String[]::new);
        List<SprintRow> sprints = ids.length == 0 ? List.of() : Rows.list(em, SPRINTS, TimelineQuery::sprint, ids, ids, SPRINT_CAP);
        int matching = milestones.isEmpty() ? 0 : meta.number("matching").intValue();
        return new TimelineRead(milestones, sprints, matching, meta.number("all_count").intValue(), meta.texts("phases"), meta.texts("owners"));
    }

    private static MilestoneRow milestone(Row r) {
        return new MilestoneRow(r.text("id"), r.text("name"), r.text("phase"), r.text("owner"), r.text("state"), r.instant("state_since"),
                r.date("target_date"), r.instant("created_at"), r.instant("reached_at"), r.flag("at_risk"));
    }

    private static SprintRow sprint(Row r) {
        return new SprintRow(r.text("milestone_id"), r.text("id"), r.text("name"), r.text("state"), r.instant("started_at"),
                r.instant("closed_at"), r.text("closure_held"));
    }
}
