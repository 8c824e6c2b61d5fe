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
        Facts facts = new Facts(features);
        Rows.list(em, FACTS, r -> r, id, features, rules.definition().allowsDeferral()).forEach(facts::add);
        return new MilestoneEvidence(id, facts.sprints, facts.coverage(), facts.traces, facts.testResults, facts.signals,
                facts.overrides, facts.approvals, facts.deferred, now, scopes(rules));
    }

    /**
     * Every fact a milestone's gates read, in one statement (one round trip per judgement): each kind of fact is one
     * branch, its columns named by what they hold for that kind. "Newest" is chosen per branch exactly as it would be
     * alone; the rows come back ordered by kind and key.
     */
    private static final String FACTS = """
            with p as (select cast(? as text) as m, cast(? as text[]) as f, cast(? as boolean) as deferral),
            sp as (select sprint_id as id from sprint_milestone where milestone_id = (select m from p)
                   union select sprint_id from p, sprint_feature where feature_id = any(p.f))
            select 'sprint' as kind, s.id as a, cast(null as text) as b, s.state as c, s.closure_held as d, cast(null as text) as e,
                   cast(null as float8) as n, cast(null as int) as i1, cast(null as int) as i2,
                   (select e.evidence_id from sprint_event e where e.sprint_id = s.id and e.event_type = 'SprintClosed'
                     order by e.occurred_at desc, e.evidence_id desc limit 1) as id,
                   cast(null as timestamptz) as at,
                   (select array_agg(sm.milestone_id) from sprint_milestone sm where sm.sprint_id = s.id) as xs,
                   (select array_agg(sf.feature_id) from sprint_feature sf where sf.sprint_id = s.id) as ys
            from sprint s where s.id in (select id from sp)
            union all
            select 'coverage', feature_id, source, sprint_id, null, null, cast(percent as float8), tests, null, evidence_id, occurred_at, null, null
            from (select distinct on (feature_id, source) c.* from p, coverage_fact c where c.feature_id = any(p.f)
                  order by feature_id, source, occurred_at desc, evidence_id desc) c
            union all
            select 'traced', feature_id, null, null, null, null, null, tests, null, null, null, null, null
            from (select distinct on (feature_id) t.* from p, trace_fact t where t.feature_id = any(p.f)
                  order by feature_id, occurred_at desc, evidence_id desc) t
            union all
            select 'trace', feature_id, sprint_id, null, null, null, null, tests, artifacts, evidence_id, null, null, null
            from (select distinct on (feature_id, sprint_id) t.* from p, trace_fact t
                  where t.feature_id = any(p.f) and t.sprint_id in (select id from sp)
                  order by feature_id, sprint_id, occurred_at desc, evidence_id desc) t
            union all
            select 'tests', sprint_id, null, null, null, null, null, passed, failed, evidence_id, null, null, null
            from (select distinct on (sprint_id) * from test_result_fact where sprint_id in (select id from sp)
                  order by sprint_id, occurred_at desc, evidence_id desc) r
            union all
            select 'signal', gate, null, status, detail, null, value, null, null, evidence_id, occurred_at, null, null
            from (select distinct on (gate) * from gate_signal where milestone_id = (select m from p)
                  order by gate, occurred_at desc, evidence_id desc) g
            union all
            select 'override', null, null, status, requested_by, decided_by, null, null, null, id, expires_at, gates, null
            from override_request where milestone_id = (select m from p)
            union all
            select 'approval', role, null, decision, decided_by, reason, null, null, null, id, decided_at, null, null
            from (select distinct on (role) * from gate_decision where milestone_id = (select m from p)
                  order by role, decided_at desc, id desc) d
            union all
            select 'deferred', id, null, null, null, null, null, null, null, null, null, null, null
            from p, feature where p.deferral and id = any(p.f)
              and (deferred_at is not null or planned_status = 'deferred')
            order by kind, a, b, id""";

    /** The rows of {@link #FACTS}, sorted into the evidence's parts as they arrive. */
    private static final class Facts {
        final String[] features;
        final List<SprintFact> sprints = new ArrayList<>();
        final Map<String, Row> qa = new HashMap<>();
        final Map<String, Row> traced = new HashMap<>();
        final Map<String, Integer> tracedTests = new HashMap<>();
        final Map<String, List<TraceFact>> traces = new LinkedHashMap<>();
        final Map<String, TestResultFact> testResults = new LinkedHashMap<>();
        final Map<String, SignalFact> signals = new LinkedHashMap<>();
        final List<OverrideFact> overrides = new ArrayList<>();
        final Map<String, DecisionFact> approvals = new LinkedHashMap<>();
        final Set<String> deferred = new HashSet<>();

        Facts(String[] features) {
            this.features = features;
        }

        void add(Row r) {
            switch (r.text("kind")) {
                case "sprint" -> {
                    Long closedBy = r.number("id");
                    sprints.add(new SprintFact(r.text("a"), Names.parse(SprintState.class, r.text("c")), Set.copyOf(r.texts("xs")),
                            Set.copyOf(r.texts("ys")), closedBy == null ? null : new EvidenceRef("event", closedBy), r.text("d")));
                }
                case "coverage" -> ("qa".equals(r.text("b")) ? qa : traced).put(r.text("a"), r);
                case "traced" -> tracedTests.put(r.text("a"), r.integer("i1"));
                case "trace" -> traces.computeIfAbsent(r.text("a"), k -> new ArrayList<>()).add(new TraceFact(r.text("a"), r.text("b"),
                        r.integer("i1"), r.integer("i2"), new EvidenceRef("trace-matrix", r.number("id"))));
                case "tests" -> testResults.put(r.text("a"), new TestResultFact(r.text("a"), r.integer("i1"), r.integer("i2"),
                        new EvidenceRef("qa-report", r.number("id"))));
                case "signal" -> signals.put(r.text("a"), new SignalFact(r.text("a"), r.text("c"), r.decimal("n"), r.text("d"),
                        r.instant("at"), new EvidenceRef("signal", r.number("id"))));
                case "override" -> overrides.add(new OverrideFact(r.number("id"), r.texts("xs"), Names.parse(OverrideStatus.class, r.text("c")),
                        r.text("d"), r.text("e"), r.instant("at"), new EvidenceRef("override", r.number("id"))));
                case "approval" -> approvals.put(r.text("a"), new DecisionFact(r.text("a"), Names.parse(Decision.class, r.text("c")),
                        r.text("d"), r.text("e"), r.instant("at"), new EvidenceRef("decision", r.number("id"))));
                case "deferred" -> deferred.add(r.text("a"));
                default -> throw new IllegalStateException("unknown fact " + r.text("kind"));
            }
        }

        /** Newest QA value per feature, else newest trace-matrix value; test count from the trace matrix when QA has none. */
        Map<String, CoverageFact> coverage() {
            Map<String, CoverageFact> facts = new LinkedHashMap<>();
            for (String f : features) {
                Row chosen = qa.getOrDefault(f, traced.get(f));
                if (chosen == null) continue;
                int tests = chosen.integer("i1");
                if (tests <= 0) tests = tracedTests.getOrDefault(f, 0);
                String kind = "qa".equals(chosen.text("b")) ? "qa-report" : "trace-matrix";
                facts.put(f, new CoverageFact(f, chosen.decimal("n"), tests, chosen.text("c"), chosen.instant("at"),
                        new EvidenceRef(kind, chosen.number("id"))));
            }
            return facts;
        }
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
}
