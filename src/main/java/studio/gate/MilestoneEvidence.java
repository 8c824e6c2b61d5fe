package studio.gate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the gate engine may look at for one milestone, already reduced by the shell to the facts that
 * matter ("newest" means newest by the evidence's own timestamp, not arrival). Pure data: no JPA, no HTTP.
 *
 * @param candidateSprints sprints linked to the milestone or delivering any of its features (the engine decides
 *                         which of them contribute)
 * @param coverage         per feature: newest QA report value, else newest trace-matrix value
 * @param traces           per feature: its entries in trace matrices, one per sprint (newest matrix of that sprint)
 * @param sprintTests      per sprint: its newest QA test results (absent when the sprint has no QA data)
 * @param signals          per gate name: the newest GateSignal for this milestone
 * @param overrides        every override request on the milestone, any status
 * @param approvals        per role: the newest manual-gate decision taken by a person holding that role
 * @param deferred         required features deferred with deferral allowed: out of scope for the gates
 * @param now              the evaluation time (expiry of overrides is judged against it)
 * @param scopes           per sprint linked to the milestone: whether its scope needs approval, where that stands, and
 *                         whether it started before its scope was approved
 */
public record MilestoneEvidence(
        String milestoneId,
        List<SprintFact> candidateSprints,
        Map<String, CoverageFact> coverage,
        Map<String, List<TraceFact>> traces,
        Map<String, TestResultFact> sprintTests,
        Map<String, SignalFact> signals,
        List<OverrideFact> overrides,
        Map<String, DecisionFact> approvals,
        Set<String> deferred,
        Instant now,
        Map<String, ScopeFact> scopes) {

    /** Absent collections mean "no such evidence yet", so the engine never has to tell null from empty. */
    public MilestoneEvidence {
        Objects.requireNonNull(milestoneId, "milestoneId");
        Objects.requireNonNull(now, "now");
        candidateSprints = candidateSprints == null ? List.of() : candidateSprints;
        coverage = coverage == null ? Map.of() : coverage;
        traces = traces == null ? Map.of() : traces;
        sprintTests = sprintTests == null ? Map.of() : sprintTests;
        signals = signals == null ? Map.of() : signals;
        overrides = overrides == null ? List.of() : overrides;
        approvals = approvals == null ? Map.of() : approvals;
        deferred = deferred == null ? Set.of() : deferred;
        scopes = scopes == null ? Map.of() : scopes;
    }

    /** Without sprint scope facts (no sprint of the milestone needs its scope approved). */
    public MilestoneEvidence(String milestoneId, List<SprintFact> candidateSprints, Map<String, CoverageFact> coverage,
                             Map<String, List<TraceFact>> traces, Map<String, TestResultFact> sprintTests, Map<String, SignalFact> signals,
                             List<OverrideFact> overrides, Map<String, DecisionFact> approvals, Set<String> deferred, Instant now) {
        this(milestoneId, candidateSprints, coverage, traces, sprintTests, signals, overrides, approvals, deferred, now, Map.of());
    }

    public enum SprintState {
        PLANNED, ACTIVE, VERIFYING, CLOSED, BLOCKED;

        /** "Active", "Closed": the state as people read it. */
        public String label() {
            return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A sprint as the engine sees it: linked milestones and the features it delivers (definition, events, matrices).
     * {@code closureHeld}: while its own gates hold a SprintClosed, what holds it (else null).
     */
    public record SprintFact(String sprintId, SprintState state, Set<String> milestones, Set<String> features, EvidenceRef closedBy,
                             String closureHeld) {
        public SprintFact {
            milestones = milestones == null ? Set.of() : milestones;
            features = features == null ? Set.of() : features;
        }

        public SprintFact(String sprintId, SprintState state, Set<String> milestones, Set<String> features, EvidenceRef closedBy) {
            this(sprintId, state, milestones, features, closedBy, null);
        }
    }

    /** Coverage of one feature; {@code tests} is its positive test count or 0 when unknown. */
    public record CoverageFact(String feature, double percent, int tests, String sprintId, Instant at, EvidenceRef source) {}

    /** One feature's entry in one sprint's trace matrix. */
    public record TraceFact(String feature, String sprintId, int tests, int artifacts, EvidenceRef source) {}

    public record TestResultFact(String sprintId, int passed, int failed, EvidenceRef source) {}

    /** {@code status} is "pass" or "fail"; {@code value} is optional. */
    public record SignalFact(String gate, String status, Double value, String detail, Instant at, EvidenceRef source) {}

    public enum OverrideStatus { REQUESTED, APPROVED, REJECTED, REVOKED }

    public record OverrideFact(long id, List<String> gates, OverrideStatus status, String requestedBy,
                               String decidedBy, Instant expiresAt, EvidenceRef source) {
        /** Approved, not revoked, not expired at {@code now}. */
        public boolean activeAt(Instant now) {
            return status == OverrideStatus.APPROVED && (expiresAt == null || now.isBefore(expiresAt));
        }
    }

    public enum Decision { APPROVED, CONDITIONAL, REJECTED }

    public record DecisionFact(String role, Decision decision, String by, String reason, Instant at, EvidenceRef source) {}

    /** Where a sprint's current scope stands: NONE when the sprint has no imported definition (so nothing to approve). */
    /** A sprint scope's status; PROPOSED is a held change waiting for a decision, never the status of the scope in force. */
    public enum ScopeStatus {
        PENDING, STALE, APPROVED, REJECTED, NONE, PROPOSED;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A sprint linked to the milestone, as scope approval sees it.
     *
     * @param needsApproval     whether its scope must be approved (its approvalRequired, or a linked milestone's planningMode)
     * @param startedUnapproved the status its scope had when a SprintStarted came before approval (null: it did not)
     * @param startedAt         when that start happened (null with startedUnapproved)
     */
    public record ScopeFact(String sprintId, boolean needsApproval, ScopeStatus status, ScopeStatus startedUnapproved,
                            Instant startedAt, EvidenceRef source) {}
}
