package studio.sprint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import studio.persistence.Rows;
import studio.web.QueryText;

/**
 * Reads the sprint list: one statement for a page of sprints (keyset on created_at and id, newest first, never
 * OFFSET) and one for the coverage of that page's sprints, however many sprints there are.
 */
@ApplicationScoped
public class SprintQuery {

    /** Contributing: linked to the milestone, or delivering one of its required features (API.md). */
    static final String CONTRIBUTING = """
            select sm.sprint_id from sprint_milestone sm where sm.milestone_id = ?
            union select sf.sprint_id from sprint_feature sf join milestone_feature mf on mf.feature_id = sf.feature_id
            where mf.milestone_id = ?""";

    private static final String COLUMNS = """
            select s.id, s.name, s.goal, s.state, s.state_since, s.started_at, s.closed_at, s.trace_id, s.created_at,
                   array(select sm.milestone_id from sprint_milestone sm where sm.sprint_id = s.id
                         union select mf.milestone_id from milestone_feature mf join sprint_feature sf on sf.feature_id = mf.feature_id
                         where sf.sprint_id = s.id order by 1),
                   (select count(*) from sprint_feature sf where sf.sprint_id = s.id),
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
        List<Object[]> rows = Rows.of(em, COLUMNS + where + " order by s.created_at desc, s.id desc limit ?", params);
        CoverageLedger ledger = coverage(rows.stream().map(r -> (String) r[0]).toArray(String[]::new));
        return SprintPage.of(listing, rows.stream().map(r -> summary(r, ledger)).toList());
    }

    /** One sprint's header row, or null when there is no such sprint. */
    public SprintSummary summary(String id) {
        return summary(id, coverage(new String[] {id}));
    }

    SprintSummary summary(String id, CoverageLedger ledger) {
        List<Object[]> rows = Rows.of(em, COLUMNS + " where s.id = ?", List.of(id));
        return rows.isEmpty() ? null : summary(rows.get(0), ledger);
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
        for (Object[] r : Rows.of(em, """
                select distinct on (sprint_id, feature_id, source) sprint_id, feature_id, source, percent, tests
                from coverage_fact where sprint_id = any(?)
                order by sprint_id, feature_id, source, occurred_at desc, evidence_id desc""", List.of((Object) sprints))) {
            ledger.coverage((String) r[0], (String) r[1], (String) r[2], ((BigDecimal) r[3]).doubleValue(), ((Number) r[4]).intValue());
        }
        for (Object[] r : Rows.of(em, """
                select distinct on (sprint_id, feature_id) sprint_id, feature_id, tests from trace_fact where sprint_id = any(?)
                order by sprint_id, feature_id, occurred_at desc, evidence_id desc""", List.of((Object) sprints))) {
            ledger.traced((String) r[0], (String) r[1], ((Number) r[2]).intValue());
        }
        return ledger;
    }

    private static SprintSummary summary(Object[] r, CoverageLedger ledger) {
        String id = (String) r[0];
        Map<String, FeatureMeasure> measures = ledger.of(id);
        int measured = (int) measures.values().stream().filter(FeatureMeasure::measured).count();
        return new SprintSummary(id, (String) r[1], (String) r[2], (String) r[3], (Instant) r[4], (Instant) r[5],
                (Instant) r[6], (String) r[7], (Instant) r[8], Arrays.asList((String[]) r[9]), ((Number) r[10]).intValue(),
                SprintCoverage.aggregate(measures.values()), measured, Rows.integer(r[11]), Rows.integer(r[12]));
    }
}
