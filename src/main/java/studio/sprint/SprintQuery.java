package studio.sprint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import studio.persistence.Row;
import studio.evidence.ReadinessStep;
import studio.persistence.Rows;
import studio.web.QueryText;

/**
 * Reads the sprint list: one statement for a page of sprints (keyset on created_at and id, newest first, never
 * OFFSET) and one for the coverage of that page's sprints, however many sprints there are.
 */
@ApplicationScoped
public class SprintQuery {

    /** Contributing: linked to the milestone, or delivering one of its required features (docs/API.md). */
    static final String CONTRIBUTING = """
            select sm.sprint_id from sprint_milestone sm where sm.milestone_id = ?
            union select sf.sprint_id from sprint_feature sf join milestone_feature mf on mf.feature_id = sf.feature_id
            where mf.milestone_id = ?""";

    private static final String COLUMNS = """
            select s.id, s.name, s.goal, s.state, s.state_since, s.started_at, s.closed_at, s.trace_id, s.created_at,
                   array(select sm.milestone_id from sprint_milestone sm where sm.sprint_id = s.id
                         union select mf.milestone_id from milestone_feature mf join sprint_feature sf on sf.feature_id = mf.feature_id
                         where sf.sprint_id = s.id order by 1) as milestones,
                   (select count(*) from sprint_feature sf where sf.sprint_id = s.id) as features,
                   array(select sr.step from sprint_readiness sr where sr.sprint_id = s.id) as readiness,
                   t.passed, t.failed
            from sprint s
            left join lateral (select r.passed, r.failed from test_result_fact r where r.sprint_id = s.id
                               order by r.occurred_at desc, r.evidence_id desc limit 1) t on true""";

    @Inject
    EntityManager em;

    public SprintPage page(SprintListing listing) {
        List<Object> params = new ArrayList<>();
        String where = where(listing, params);
        params.add(listing.limit() + 1);
        List<Row> rows = Rows.list(em, COLUMNS + where + " order by s.created_at desc, s.id desc limit ?", params, r -> r);
        CoverageLedger ledger = coverage(rows.stream().map(r -> r.text("id")).toArray(String[]::new));
        return SprintPage.of(listing, rows.stream().map(r -> summary(r, ledger)).toList());
    }

    /** One sprint's header row, or null when there is no such sprint. */
    public SprintSummary summary(String id) {
        return summary(id, coverage(new String[] {id}));
    }

    SprintSummary summary(String id, CoverageLedger ledger) {
        return Rows.first(em, COLUMNS + " where s.id = ?", r -> summary(r, ledger), id).orElse(null);
    }

    private static String where(SprintListing l, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (l.state() != null) {
            conditions.add("s.state = ?");
            params.add(l.state());
        }
        if (l.milestone() != null) {
            conditions.add("s.id in (" + CONTRIBUTING + ")");
            params.addAll(List.of(l.milestone(), l.milestone()));
        }
        if (l.text() != null) {
            conditions.add("(s.id ilike ? or s.name ilike ? or s.goal ilike ? or s.trace_id ilike ?)");
            String like = QueryText.containing(l.text());
            params.addAll(List.of(like, like, like, like));
        }
        if (l.after() != null) {
            conditions.add("(s.created_at, s.id) < (?, ?)");
            params.addAll(List.of(l.after().createdAt(), l.after().id()));
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** The newest coverage row per sprint, feature and source, and the newest traced test counts, of {@code sprints}. */
    CoverageLedger coverage(String[] sprints) {
        CoverageLedger ledger = new CoverageLedger();
        if (sprints.length == 0) return ledger;
        for (Row r : Rows.list(em, """
                select distinct on (sprint_id, feature_id, source) sprint_id, feature_id, source, percent, tests
                from coverage_fact where sprint_id = any(?)
                order by sprint_id, feature_id, source, occurred_at desc, evidence_id desc""", r -> r, (Object) sprints)) {
            ledger.coverage(r.text("sprint_id"), r.text("feature_id"), r.text("source"), r.decimal("percent"), r.integer("tests"));
        }
        for (Row r : Rows.list(em, """
                select distinct on (sprint_id, feature_id) sprint_id, feature_id, tests from trace_fact where sprint_id = any(?)
                order by sprint_id, feature_id, occurred_at desc, evidence_id desc""", r -> r, (Object) sprints)) {
            ledger.traced(r.text("sprint_id"), r.text("feature_id"), r.integer("tests"));
        }
        return ledger;
    }

    private static SprintSummary summary(Row r, CoverageLedger ledger) {
        String id = r.text("id");
        Map<String, FeatureMeasure> measures = ledger.of(id);
        int measured = (int) measures.values().stream().filter(FeatureMeasure::measured).count();
        return new SprintSummary(id, r.text("name"), r.text("goal"), r.text("state"), r.instant("state_since"),
                r.instant("started_at"), r.instant("closed_at"), r.text("trace_id"), r.instant("created_at"), r.texts("milestones"),
                r.integer("features"), SprintCoverage.aggregate(measures.values()), measured, r.integer("passed"), r.integer("failed"),
                ReadinessStep.ordered(r.texts("readiness")));
    }
}
