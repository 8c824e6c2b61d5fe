package studio.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import studio.persistence.Row;
import studio.persistence.Rows;

/**
 * Reads, in a fixed handful of queries, the facts the gate engine needs for one milestone: "newest" is always by
 * the evidence's own timestamp (then by arrival), so late-arriving older evidence never wins.
 */
@ApplicationScoped
public class EvidenceFacts {

    @Inject
    EntityManager em;
    @Inject
    SprintScopeFacts scopes;

    public MilestoneEvidence load(MilestoneRules rules, Instant now) {
        String id = rules.id();
        String[] features = rules.requiredFeatures().toArray(String[]::new);
        List<SprintFact> sprints = sprints(id, features);
        String[] sprintIds = sprints.stream().map(SprintFact::sprintId).toArray(String[]::new);
        return new MilestoneEvidence(id, sprints, coverage(features), traces(features, sprintIds),
                testResults(sprintIds), signals(id), overrides(id), approvals(id),
                rules.definition().allowsDeferral() ? deferred(features) : Set.of(), now, scopes(rules));
    }

    /** Scope facts of the linked sprints, read only for a milestone that has the sprintScopesApproved gate. */
    private Map<String, MilestoneEvidence.ScopeFact> scopes(MilestoneRules rules) {
        if (rules.gates().stream().noneMatch(g -> g instanceof studio.gate.GateCondition.SprintScopesApproved)) return Map.of();
        return scopes.of(scopes.linkedTo(rules.id()));
    }

    /** The contributing sprints' clocks, for the timer's overdue-sprint check (same sprints as the gates see). */
    public List<studio.governance.SprintTimeouts.SprintClock> sprintClocks(MilestoneRules rules) {
        return Rows.list(em, """
                select s.id, s.started_at, s.state = 'closed' as closed from sprint s
                where s.id in (select sprint_id from sprint_milestone where milestone_id = ?
                               union select sprint_id from sprint_feature where feature_id = any(?))
                order by s.id""", r -> new studio.governance.SprintTimeouts.SprintClock(r.text("id"), r.instant("started_at"),
                r.flag("closed")), rules.id(), rules.requiredFeatures().toArray(String[]::new));
    }

    private List<SprintFact> sprints(String milestoneId, String[] features) {
        return Rows.list(em, """
                select s.id, s.state, s.closure_held,
                       (select array_agg(sm.milestone_id) from sprint_milestone sm where sm.sprint_id = s.id) as milestones,
                       (select array_agg(sf.feature_id) from sprint_feature sf where sf.sprint_id = s.id) as features,
                       (select e.evidence_id from sprint_event e where e.sprint_id = s.id and e.event_type = 'SprintClosed'
                         order by e.occurred_at desc, e.evidence_id desc limit 1) as closed_by
                from sprint s
                where s.id in (select sprint_id from sprint_milestone where milestone_id = ?
                               union select sprint_id from sprint_feature where feature_id = any(?))
                order by s.id""", r -> {
            Long closedBy = r.number("closed_by");
            return new SprintFact(r.text("id"), Names.parse(SprintState.class, r.text("state")), Set.copyOf(r.texts("milestones")),
                    Set.copyOf(r.texts("features")), closedBy == null ? null : new EvidenceRef("event", closedBy), r.text("closure_held"));
        }, milestoneId, features);
    }

    /** Newest QA value per feature, else newest trace-matrix value; test count from the trace matrix when QA has none. */
    private Map<String, CoverageFact> coverage(String[] features) {
        Map<String, Row> qa = new HashMap<>();
        Map<String, Row> trace = new HashMap<>();
        Rows.list(em, """
                select distinct on (feature_id, source) feature_id, source, percent, tests, sprint_id, occurred_at, evidence_id
                from coverage_fact where feature_id = any(?)
                order by feature_id, source, occurred_at desc, evidence_id desc""", r -> r, (Object) features)
                .forEach(r -> ("qa".equals(r.text("source")) ? qa : trace).put(r.text("feature_id"), r));
        Map<String, Integer> tracedTests = tracedTests(features);
        Map<String, CoverageFact> facts = new LinkedHashMap<>();
        for (String f : features) {
            Row chosen = qa.getOrDefault(f, trace.get(f));
            if (chosen == null) continue;
            int tests = chosen.integer("tests");
            if (tests <= 0) tests = tracedTests.getOrDefault(f, 0);
            String kind = "qa".equals(chosen.text("source")) ? "qa-report" : "trace-matrix";
            facts.put(f, new CoverageFact(f, chosen.decimal("percent"), tests, chosen.text("sprint_id"), chosen.instant("occurred_at"),
                    new EvidenceRef(kind, chosen.number("evidence_id"))));
        }
        return facts;
    }

    /** Each feature's test count in its newest trace-matrix entry (the weight of its coverage). */
    private Map<String, Integer> tracedTests(String[] features) {
        Map<String, Integer> tests = new HashMap<>();
        for (Row r : Rows.list(em, """
                select distinct on (feature_id) feature_id, tests from trace_fact where feature_id = any(?)
                order by feature_id, occurred_at desc, evidence_id desc""", r -> r, (Object) features)) {
            tests.put(r.text("feature_id"), r.integer("tests"));
        }
        return tests;
    }

    private Map<String, List<TraceFact>> traces(String[] features, String[] sprintIds) {
        Map<String, List<TraceFact>> facts = new LinkedHashMap<>();
        for (TraceFact t : Rows.list(em, """
                select distinct on (feature_id, sprint_id) feature_id, sprint_id, tests, artifacts, evidence_id
                from trace_fact where feature_id = any(?) and sprint_id = any(?)
                order by feature_id, sprint_id, occurred_at desc, evidence_id desc""",
                r -> new TraceFact(r.text("feature_id"), r.text("sprint_id"), r.integer("tests"), r.integer("artifacts"),
                        new EvidenceRef("trace-matrix", r.number("evidence_id"))), features, sprintIds)) {
            facts.computeIfAbsent(t.feature(), k -> new ArrayList<>()).add(t);
        }
        return facts;
    }

    private Map<String, TestResultFact> testResults(String[] sprintIds) {
        Map<String, TestResultFact> facts = new LinkedHashMap<>();
        for (TestResultFact t : Rows.list(em, """
                select distinct on (sprint_id) sprint_id, passed, failed, evidence_id from test_result_fact
                where sprint_id = any(?) order by sprint_id, occurred_at desc, evidence_id desc""",
                r -> new TestResultFact(r.text("sprint_id"), r.integer("passed"), r.integer("failed"),
                        new EvidenceRef("qa-report", r.number("evidence_id"))), (Object) sprintIds)) {
            facts.put(t.sprintId(), t);
        }
        return facts;
    }

    private Map<String, SignalFact> signals(String milestoneId) {
        Map<String, SignalFact> facts = new LinkedHashMap<>();
        for (SignalFact f : Rows.list(em, """
                select distinct on (gate) gate, status, value, detail, occurred_at, evidence_id from gate_signal
                where milestone_id = ? order by gate, occurred_at desc, evidence_id desc""",
                r -> new SignalFact(r.text("gate"), r.text("status"), r.decimal("value"), r.text("detail"), r.instant("occurred_at"),
                        new EvidenceRef("signal", r.number("evidence_id"))), milestoneId)) {
            facts.put(f.gate(), f);
        }
        return facts;
    }

    private List<OverrideFact> overrides(String milestoneId) {
        return Rows.list(em, """
                select id, gates, status, requested_by, decided_by, expires_at from override_request
                where milestone_id = ? order by id""",
                r -> new OverrideFact(r.number("id"), r.texts("gates"), Names.parse(OverrideStatus.class, r.text("status")),
                        r.text("requested_by"), r.text("decided_by"), r.instant("expires_at"), new EvidenceRef("override", r.number("id"))),
                milestoneId);
    }

    private Map<String, DecisionFact> approvals(String milestoneId) {
        Map<String, DecisionFact> facts = new LinkedHashMap<>();
        for (DecisionFact d : Rows.list(em, """
                select distinct on (role) role, decision, decided_by, reason, decided_at, id from gate_decision
                where milestone_id = ? order by role, decided_at desc, id desc""",
                r -> new DecisionFact(r.text("role"), Names.parse(Decision.class, r.text("decision")), r.text("decided_by"),
                        r.text("reason"), r.instant("decided_at"), new EvidenceRef("decision", r.number("id"))), milestoneId)) {
            facts.put(d.role(), d);
        }
        return facts;
    }

    private Set<String> deferred(String[] features) {
        return new HashSet<>(Rows.list(em, """
                select id from feature where id = any(?) and (deferred_at is not null or planned_status = 'deferred')""",
                r -> r.text("id"), (Object) features));
    }
}
