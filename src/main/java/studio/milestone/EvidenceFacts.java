package studio.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import studio.format.Names;
import studio.gate.EvidenceRef;
import studio.gate.MilestoneEvidence;
import studio.gate.MilestoneEvidence.CoverageFact;
import studio.gate.MilestoneEvidence.Decision;
import studio.gate.MilestoneEvidence.DecisionFact;
import studio.gate.MilestoneEvidence.OverrideFact;
import studio.gate.MilestoneEvidence.OverrideStatus;
import studio.gate.MilestoneEvidence.SignalFact;
import studio.gate.MilestoneEvidence.SprintFact;
import studio.gate.MilestoneEvidence.SprintState;
import studio.gate.MilestoneEvidence.TestResultFact;
import studio.gate.MilestoneEvidence.TraceFact;

/**
 * Reads, in a fixed handful of queries, the facts the gate engine needs for one milestone: "newest" is always by
 * the evidence's own timestamp (then by arrival), so late-arriving older evidence never wins.
 */
@ApplicationScoped
public class EvidenceFacts {

    @Inject
    EntityManager em;

    public MilestoneEvidence load(MilestoneRules rules, Instant now) {
        String id = rules.id();
        String[] features = rules.requiredFeatures().toArray(String[]::new);
        List<SprintFact> sprints = sprints(id, features);
        String[] sprintIds = sprints.stream().map(SprintFact::sprintId).toArray(String[]::new);
        return new MilestoneEvidence(id, sprints, coverage(features), traces(features, sprintIds),
                testResults(sprintIds), signals(id), overrides(id), approvals(id),
                rules.definition().allowsDeferral() ? deferred(features) : Set.of(), now);
    }

    private List<SprintFact> sprints(String milestoneId, String[] features) {
        List<Object[]> rows = rows("""
                select s.id, s.state,
                       (select array_agg(sm.milestone_id) from sprint_milestone sm where sm.sprint_id = s.id),
                       (select array_agg(sf.feature_id) from sprint_feature sf where sf.sprint_id = s.id),
                       (select e.evidence_id from sprint_event e where e.sprint_id = s.id and e.event_type = 'SprintClosed'
                         order by e.occurred_at desc, e.evidence_id desc limit 1)
                from sprint s
                where s.id in (select sprint_id from sprint_milestone where milestone_id = ?1
                               union select sprint_id from sprint_feature where feature_id = any(?2))
                order by s.id""", milestoneId, features);
        List<SprintFact> facts = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            EvidenceRef closedBy = r[4] == null ? null : new EvidenceRef("event", ((Number) r[4]).longValue());
            facts.add(new SprintFact((String) r[0], Names.parse(SprintState.class, (String) r[1]),
                    set(r[2]), set(r[3]), closedBy));
        }
        return facts;
    }

    /** Newest QA value per feature, else newest trace-matrix value; test count from the trace matrix when QA has none. */
    private Map<String, CoverageFact> coverage(String[] features) {
        List<Object[]> rows = rows("""
                select distinct on (feature_id, source) feature_id, source, percent, tests, sprint_id, occurred_at, evidence_id
                from coverage_fact where feature_id = any(?1)
                order by feature_id, source, occurred_at desc, evidence_id desc""", (Object) features);
        Map<String, Object[]> qa = new HashMap<>();
        Map<String, Object[]> trace = new HashMap<>();
        rows.forEach(r -> ("qa".equals(r[1]) ? qa : trace).put((String) r[0], r));
        Map<String, Integer> tracedTests = tracedTests(features);
        Map<String, CoverageFact> facts = new LinkedHashMap<>();
        for (String f : features) {
            Object[] chosen = qa.getOrDefault(f, trace.get(f));
            if (chosen == null) continue;
            int tests = ((Number) chosen[3]).intValue();
            if (tests <= 0) tests = tracedTests.getOrDefault(f, 0);
            String kind = "qa".equals(chosen[1]) ? "qa-report" : "trace-matrix";
            facts.put(f, new CoverageFact(f, ((BigDecimal) chosen[2]).doubleValue(), tests, (String) chosen[4],
                    (Instant) chosen[5], new EvidenceRef(kind, ((Number) chosen[6]).longValue())));
        }
        return facts;
    }

    /** Each feature's test count in its newest trace-matrix entry (the weight of its coverage). */
    private Map<String, Integer> tracedTests(String[] features) {
        Map<String, Integer> tests = new HashMap<>();
        for (Object[] r : rows("""
                select distinct on (feature_id) feature_id, tests from trace_fact where feature_id = any(?1)
                order by feature_id, occurred_at desc, evidence_id desc""", (Object) features)) {
            tests.put((String) r[0], ((Number) r[1]).intValue());
        }
        return tests;
    }

    private Map<String, List<TraceFact>> traces(String[] features, String[] sprintIds) {
        List<Object[]> rows = rows("""
                select distinct on (feature_id, sprint_id) feature_id, sprint_id, tests, artifacts, evidence_id
                from trace_fact where feature_id = any(?1) and sprint_id = any(?2)
                order by feature_id, sprint_id, occurred_at desc, evidence_id desc""", features, sprintIds);
        Map<String, List<TraceFact>> facts = new LinkedHashMap<>();
        for (Object[] r : rows) {
            facts.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(new TraceFact((String) r[0], (String) r[1],
                    ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), new EvidenceRef("trace-matrix", ((Number) r[4]).longValue())));
        }
        return facts;
    }

    private Map<String, TestResultFact> testResults(String[] sprintIds) {
        Map<String, TestResultFact> facts = new LinkedHashMap<>();
        for (Object[] r : rows("""
                select distinct on (sprint_id) sprint_id, passed, failed, evidence_id from test_result_fact
                where sprint_id = any(?1) order by sprint_id, occurred_at desc, evidence_id desc""", (Object) sprintIds)) {
            facts.put((String) r[0], new TestResultFact((String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).intValue(),
                    new EvidenceRef("qa-report", ((Number) r[3]).longValue())));
        }
        return facts;
    }

    private Map<String, SignalFact> signals(String milestoneId) {
        Map<String, SignalFact> facts = new LinkedHashMap<>();
        for (Object[] r : rows("""
                select distinct on (gate) gate, status, value, detail, occurred_at, evidence_id from gate_signal
                where milestone_id = ?1 order by gate, occurred_at desc, evidence_id desc""", milestoneId)) {
            facts.put((String) r[0], new SignalFact((String) r[0], (String) r[1], r[2] == null ? null : ((Number) r[2]).doubleValue(),
                    (String) r[3], (Instant) r[4], new EvidenceRef("signal", ((Number) r[5]).longValue())));
        }
        return facts;
    }

    private List<OverrideFact> overrides(String milestoneId) {
        List<OverrideFact> facts = new ArrayList<>();
        for (Object[] r : rows("""
                select id, gates, status, requested_by, decided_by, expires_at from override_request
                where milestone_id = ?1 order by id""", milestoneId)) {
            long id = ((Number) r[0]).longValue();
            facts.add(new OverrideFact(id, List.of((String[]) r[1]), Names.parse(OverrideStatus.class, (String) r[2]),
                    (String) r[3], (String) r[4], (Instant) r[5], new EvidenceRef("override", id)));
        }
        return facts;
    }

    private Map<String, DecisionFact> approvals(String milestoneId) {
        Map<String, DecisionFact> facts = new LinkedHashMap<>();
        for (Object[] r : rows("""
                select distinct on (role) role, decision, decided_by, reason, decided_at, id from gate_decision
                where milestone_id = ?1 order by role, decided_at desc, id desc""", milestoneId)) {
            facts.put((String) r[0], new DecisionFact((String) r[0], Names.parse(Decision.class, (String) r[1]),
                    (String) r[2], (String) r[3], (Instant) r[4], new EvidenceRef("decision", ((Number) r[5]).longValue())));
        }
        return facts;
    }

    private Set<String> deferred(String[] features) {
        Set<String> out = new HashSet<>();
        for (Object id : em.createNativeQuery("""
                select id from feature where id = any(?1) and (deferred_at is not null or planned_status = 'deferred')""")
                .setParameter(1, features).getResultList()) {
            out.add((String) id);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) q.setParameter(i + 1, params[i]);
        return q.getResultList();
    }

    private static Set<String> set(Object array) {
        return array == null ? Set.of() : Set.copyOf(java.util.Arrays.asList((String[]) array));
    }
}
