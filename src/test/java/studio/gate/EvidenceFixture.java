package studio.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import studio.gate.MilestoneEvidence.CoverageFact;
import studio.gate.MilestoneEvidence.Decision;
import studio.gate.MilestoneEvidence.DecisionFact;
import studio.gate.MilestoneEvidence.OverrideFact;
import studio.gate.MilestoneEvidence.OverrideStatus;
import studio.gate.MilestoneEvidence.ScopeFact;
import studio.gate.MilestoneEvidence.ScopeStatus;
import studio.gate.MilestoneEvidence.SignalFact;
import studio.gate.MilestoneEvidence.SprintFact;
import studio.gate.MilestoneEvidence.SprintState;
import studio.gate.MilestoneEvidence.TestResultFact;
import studio.gate.MilestoneEvidence.TraceFact;

/** Builds a milestone's evidence the way the shell would, one fact at a time; every fact gets its own evidence ref. */
final class EvidenceFixture {

    static final String MILESTONE = "mvp-ready";
    static final Instant NOW = Instant.parse("2025-05-15T12:00:00Z");

    private final List<SprintFact> sprints = new ArrayList<>();
    private final Map<String, CoverageFact> coverage = new HashMap<>();
    private final Map<String, List<TraceFact>> traces = new HashMap<>();
    private final Map<String, TestResultFact> tests = new HashMap<>();
    private final Map<String, SignalFact> signals = new HashMap<>();
    private final List<OverrideFact> overrides = new ArrayList<>();
    private final Map<String, DecisionFact> approvals = new HashMap<>();
    private final Set<String> deferred = new LinkedHashSet<>();
    private final Map<String, ScopeFact> scopes = new java.util.LinkedHashMap<>();
    private long nextRef = 1;
    private EvidenceRef last;

    static EvidenceFixture evidence() {
        return new EvidenceFixture();
    }

    /** The ref of the fact added last. */
    EvidenceRef lastRef() {
        return last;
    }

    private EvidenceRef ref(String kind) {
        last = new EvidenceRef(kind, nextRef++);
        return last;
    }

    /** A sprint delivering {@code features}, not linked to the milestone. */
    EvidenceFixture sprint(String id, SprintState state, String... features) {
        EvidenceRef closedBy = state == SprintState.CLOSED ? ref("event") : null;
        sprints.add(new SprintFact(id, state, Set.of(), Set.of(features), closedBy));
        return this;
    }

    /** A sprint linked to {@code milestone} and delivering {@code features}. */
    EvidenceFixture linkedSprint(String id, SprintState state, String milestone, String... features) {
        EvidenceRef closedBy = state == SprintState.CLOSED ? ref("event") : null;
        sprints.add(new SprintFact(id, state, Set.of(milestone), Set.of(features), closedBy));
        return this;
    }

    EvidenceFixture coverage(String feature, double percent, int testCount) {
        coverage.put(feature, new CoverageFact(feature, percent, testCount, "s", NOW, ref("qa-report")));
        return this;
    }

    EvidenceFixture trace(String feature, String sprintId, int testCount, int artifacts) {
        traces.computeIfAbsent(feature, f -> new ArrayList<>()).add(new TraceFact(feature, sprintId, testCount, artifacts, ref("trace-matrix")));
        return this;
    }

    EvidenceFixture tests(String sprintId, int passed, int failed) {
        tests.put(sprintId, new TestResultFact(sprintId, passed, failed, ref("qa-report")));
        return this;
    }

    EvidenceFixture signal(String gate, String status, Double value, String detail) {
        signals.put(gate, new SignalFact(gate, status, value, detail, NOW, ref("signal")));
        return this;
    }

    EvidenceFixture override(long id, OverrideStatus status, Instant expiresAt, String... gates) {
        String decidedBy = status == OverrideStatus.REQUESTED ? null : "qa-lead-2";
        overrides.add(new OverrideFact(id, List.of(gates), status, "dev-1", decidedBy, expiresAt, ref("override")));
        return this;
    }

    EvidenceFixture approval(String role, Decision decision, String by, String reason) {
        approvals.put(role, new DecisionFact(role, decision, by, reason, NOW, ref("decision")));
        return this;
    }

    /** A linked sprint's scope: whether it needs approval, its status, and the status it had when it started early (or null). */
    EvidenceFixture scope(String sprintId, boolean needsApproval, ScopeStatus status, ScopeStatus startedUnapproved) {
        scopes.put(sprintId, new ScopeFact(sprintId, needsApproval, status, startedUnapproved, startedUnapproved == null ? null : NOW, ref("sprint-scope")));
        return this;
    }

    EvidenceFixture defer(String... features) {
        deferred.addAll(List.of(features));
        return this;
    }

    MilestoneEvidence build() {
        return new MilestoneEvidence(MILESTONE, sprints, coverage, traces, tests, signals, overrides, approvals, deferred, NOW, scopes);
    }
}
