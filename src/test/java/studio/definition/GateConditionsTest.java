package studio.definition;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.gate.GateCondition;
import studio.input.Format;
import studio.input.InputProblem;

class GateConditionsTest {

    private static final DefinitionDefaults TRACE_NOT_REQUIRED = new DefinitionDefaults(90, true, true, false, 300, true);
    private static final DefinitionDefaults TRACE_REQUIRED = new DefinitionDefaults(80, true, true, true, 300, true);

    private static MilestoneDefinition withGates(String gates) {
        return DefinitionParser.parse("milestones:\n  - id: m-1\n    gateConditions:\n" + gates, Format.YAML).milestones().get(0);
    }

    private static InputProblem problem(String gates) {
        return Problems.first("milestones:\n  - id: m-1\n    gateConditions:\n" + gates);
    }

    @Test
    void gatesAreKeptAsWritten() {
        MilestoneDefinition m = withGates("""
                      - allSprintsClosed
                      - "qaCoverageAbove: 90"
                      - testCoverageAbove: 92.5
                      - manualApproval: product-owner
                      - traceSpanPolicyCheck: pass
                      - resilienceScoreAbove: 85
                """);
        assertEquals(List.of(GateSpec.bare("allSprintsClosed"), new GateSpec("qaCoverageAbove", 90.0),
                new GateSpec("testCoverageAbove", 92.5), new GateSpec("manualApproval", "product-owner"),
                new GateSpec("traceSpanPolicyCheck", "pass"), new GateSpec("resilienceScoreAbove", 85.0)), m.gateConditions());
    }

    @Test
    void theStringFormReadsLikeTheMappingForm() {
        assertEquals(withGates("      - qaCoverageAbove: 90\n      - manualApproval: qa-lead\n      - traceSpanPolicyCheck: PASS\n")
                        .gateConditions(),
                withGates("      - \"qaCoverageAbove: 90\"\n      - \"manualApproval:qa-lead\"\n      - 'traceSpanPolicyCheck : pass'\n")
                        .gateConditions());
    }

    @Test
    void everyBuiltInResolvesToItsKind() {
        MilestoneDefinition m = withGates("""
                      - allSprintsClosed
                      - traceMatrixComplete
                      - noManualOverridesActive
                      - allTestsPass
                      - allTestsPassed
                      - testsPassed
                      - manualApproval: security-officer
                      - qaCoverageAbove75
                      - testCoverageAbove: 88
                      - securityValidated
                """);
        assertEquals(List.of(
                new GateCondition.AllSprintsClosed("allSprintsClosed"),
                new GateCondition.TraceMatrixComplete("traceMatrixComplete"),
                new GateCondition.NoManualOverridesActive("noManualOverridesActive"),
                new GateCondition.AllTestsPass("allTestsPass"),
                new GateCondition.AllTestsPass("allTestsPassed"),
                new GateCondition.AllTestsPass("testsPassed"),
                new GateCondition.ManualApproval("manualApproval", "security-officer"),
                new GateCondition.Coverage("qaCoverageAbove75", 75, true),
                new GateCondition.Coverage("testCoverageAbove", 88, true),
                new GateCondition.Signal("securityValidated", null, null)), m.resolveGates(TRACE_NOT_REQUIRED));
    }

    @Test
    void aBareCoverageGateTakesTheMilestoneThresholdElseTheDefault() {
        MilestoneDefinition own = DefinitionParser.parse(
                "milestones:\n  - id: m\n    qaCoverageThreshold: 85\n    gateConditions: [qaCoverageAbove]\n", Format.YAML).milestones().get(0);
        MilestoneDefinition none = withGates("      - testCoverageAbove\n");
        assertAll(
                () -> assertEquals(List.of(new GateCondition.Coverage("qaCoverageAbove", 85, false)), own.resolveGates(TRACE_NOT_REQUIRED)),
                () -> assertEquals(List.of(new GateCondition.Coverage("testCoverageAbove", 90, false)), none.resolveGates(TRACE_NOT_REQUIRED)));
    }

    @Test
    void requiredTraceValidationAddsTheTraceGateOnce() {
        MilestoneDefinition without = withGates("      - allSprintsClosed\n");
        MilestoneDefinition with = withGates("      - traceMatrixComplete\n      - allSprintsClosed\n");
        MilestoneDefinition optOut = DefinitionParser.parse(
                "milestones:\n  - id: m\n    traceValidationRequired: false\n    gateConditions: [allSprintsClosed]\n", Format.YAML)
                .milestones().get(0);
        assertAll(
                () -> assertEquals(List.of(new GateCondition.AllSprintsClosed("allSprintsClosed"),
                        new GateCondition.TraceMatrixComplete("traceMatrixComplete")), without.resolveGates(TRACE_REQUIRED)),
                () -> assertEquals(List.of(new GateCondition.AllSprintsClosed("allSprintsClosed")), without.resolveGates(TRACE_NOT_REQUIRED)),
                () -> assertEquals(2, with.resolveGates(TRACE_REQUIRED).size()),
                () -> assertEquals(1, optOut.resolveGates(TRACE_REQUIRED).size()));
    }

    @Test
    void aNearMissOfABuiltInNameIsAnUnknownGateWithASuggestion() {
        assertAll(
                () -> assertEquals(new InputProblem("unknown gate condition 'qaCoverageAbov' (did you mean 'qaCoverageAbove'?)", 4, 9,
                        "$.milestones[0].gateConditions[0].qaCoverageAbov"), problem("      - qaCoverageAbov: 90\n")),
                () -> assertEquals(new InputProblem("unknown gate condition 'AllSprintsClosed' (did you mean 'allSprintsClosed'?)", 4, 9,
                        "$.milestones[0].gateConditions[0]"), problem("      - AllSprintsClosed\n")),
                () -> assertEquals("unknown gate condition 'testCoverageAbov90' (did you mean 'testCoverageAbove90'?)",
                        problem("      - testCoverageAbov90\n").message()),
                () -> assertEquals("unknown gate condition 'allTestPass' (did you mean 'allTestsPass'?)",
                        problem("      - allTestPass\n").message()));
    }

    @Test
    void namesFarFromEveryBuiltInAreSignalGates() {
        assertEquals(List.of(new GateCondition.Signal("canaryValidationPassed", null, null)),
                withGates("      - canaryValidationPassed\n").resolveGates(TRACE_NOT_REQUIRED));
    }

    @Test
    void theSprintSpecsSpellingOfTheTraceGateIsTheTraceGateNotASignal() {
        assertEquals(List.of(new GateCondition.TraceMatrixComplete("sprint-trace-matrix.complete")),
                withGates("      - sprint-trace-matrix.complete\n").resolveGates(TRACE_NOT_REQUIRED));
        assertEquals(List.of(new GateCondition.TraceMatrixComplete("sprint-trace-matrix.complete")),
                withGates("      - sprint-trace-matrix.complete\n").resolveGates(TRACE_REQUIRED),
                "it is the trace gate validation requires: not added a second time");
    }

    @Test
    void namesMustBeWellFormed() {
        assertEquals(new InputProblem("gate condition 'all sprints closed' must start with a letter and use only letters, digits, "
                + "'.', '_' and '-'", 4, 9, "$.milestones[0].gateConditions[0]"), problem("      - all sprints closed\n"));
        assertEquals("a gate condition name has at most 100 characters, found 101", problem("      - a" + "1".repeat(100) + "\n").message());
        assertEquals("a gate condition is a name ('allSprintsClosed') or a name with a parameter ('qaCoverageAbove: 90'), not the number 90",
                problem("      - 90\n").message());
    }

    @Test
    void thresholdsAreBetweenZeroAndOneHundred() {
        assertAll(
                () -> assertEquals(new InputProblem("threshold 120 is not between 0 and 100", 4, 26,
                        "$.milestones[0].gateConditions[0].qaCoverageAbove"), problem("      - qaCoverageAbove: 120\n")),
                () -> assertEquals("threshold -1 is not between 0 and 100", problem("      - \"testCoverageAbove: -1\"\n").message()),
                () -> assertEquals("threshold 101 is not between 0 and 100", problem("      - testCoverageAbove101\n").message()),
                () -> assertEquals("threshold 100.5 is not between 0 and 100", problem("      - resilienceScoreAbove: 100.5\n").message()),
                () -> assertEquals(List.of(new GateSpec("qaCoverageAbove", 0.0), new GateSpec("resilienceScoreAbove", 100.0)),
                        withGates("      - qaCoverageAbove: 0\n      - resilienceScoreAbove: 100\n").gateConditions()));
    }

    @Test
    void coverageGatesTakeANumber() {
        assertAll(
                () -> assertEquals("the threshold of 'qaCoverageAbove' must be a number between 0 and 100, found '90%'",
                        problem("      - qaCoverageAbove: 90%\n").message()),
                () -> assertEquals("gate condition 'testCoverageAbove90' already names its threshold; drop the parameter or the number in the name",
                        problem("      - testCoverageAbove90: 85\n").message()),
                () -> assertEquals("the parameter of gate condition 'qaCoverageAbove' must be a number or a text, found the boolean true",
                        problem("      - qaCoverageAbove: true\n").message()));
    }

    @Test
    void parameterlessGatesRefuseAParameter() {
        assertEquals("gate condition 'allSprintsClosed' takes no parameter", problem("      - allSprintsClosed: yes\n").message());
        assertEquals("gate condition 'traceMatrixComplete' takes no parameter", problem("      - traceMatrixComplete: 1\n").message());
    }

    @Test
    void manualApprovalNeedsAPersonsRole() {
        assertAll(
                () -> assertEquals("manualApproval needs the role that approves, e.g. 'manualApproval: product-owner'",
                        problem("      - manualApproval\n").message()),
                () -> assertEquals("manualApproval cannot be 'auditor': auditors only read",
                        problem("      - manualApproval: auditor\n").message()),
                () -> assertEquals("manualApproval cannot be 'ci': it is a service account, and only people decide",
                        problem("      - \"manualApproval: ci\"\n").message()),
                () -> assertEquals(new InputProblem("unknown role 'product-owners' (did you mean 'product-owner'?) for manualApproval; "
                        + "roles: product-owner, qa-lead, domain-architect, security-officer, compliance-officer, platform-admin, auditor, ci",
                        4, 25, "$.milestones[0].gateConditions[0].manualApproval"), problem("      - manualApproval: product-owners\n")),
                () -> assertEquals("manualApproval needs the role that approves, e.g. 'manualApproval: product-owner'",
                        problem("      - manualApproval: 3\n").message()));
    }

    @Test
    void aSignalsTextParameterMayOnlyBePass() {
        assertAll(
                () -> assertEquals("the parameter of signal gate 'traceSpanPolicyCheck' must be a number between 0 and 100 or 'pass', found 'fail'",
                        problem("      - traceSpanPolicyCheck: fail\n").message()),
                () -> assertEquals("the parameter of gate condition 'securityValidated' must be a number or a text, found the boolean true",
                        problem("      - securityValidated: true\n").message()),
                () -> assertEquals("the parameter of gate condition 'securityValidated' must be a number or a text, found null",
                        problem("      - securityValidated:\n").message()),
                () -> assertEquals("gate condition 'securityValidated:' has an empty parameter",
                        problem("      - \"securityValidated:\"\n").message()));
    }

    @Test
    void aGateMappingHasOneKey() {
        assertEquals("a gate condition with a parameter has exactly one key ('qaCoverageAbove: 90'), found 2",
                problem("      - {qaCoverageAbove: 90, traceMatrixComplete: 1}\n").message());
    }

    @Test
    void aGateListedTwiceIsAnError() {
        assertEquals(new InputProblem("gate condition 'qaCoverageAbove' is listed twice (first on line 4)", 5, 9,
                "$.milestones[0].gateConditions[1]"), problem("      - qaCoverageAbove: 90\n      - \"qaCoverageAbove: 85\"\n"));
    }

    @Test
    void criteriaMayOnlyLinkToTheMilestonesGates() {
        InputProblem p = Problems.first("""
                milestones:
                  - id: m-1
                    gateConditions: [allSprintsClosed, qaCoverageAbove]
                    acceptanceCriteria:
                      - text: Coverage above the bar
                        gate: qaCoverageAbov
                """);
        assertEquals(new InputProblem("acceptance criterion links to gate 'qaCoverageAbov', which the milestone does not have "
                + "(did you mean 'qaCoverageAbove'?); its gates: allSprintsClosed, qaCoverageAbove", 6, 15,
                "$.milestones[0].acceptanceCriteria[0].gate"), p);
    }

    @Test
    void sprintGatesAreNamesCheckedTheSameWay() {
        assertEquals(new InputProblem("unknown gate condition 'testPassed' (did you mean 'testsPassed'?)", 4, 9,
                "$.sprints[0].gates[0]"), Problems.first("sprints:\n  - id: s-1\n    gates:\n      - testPassed\n"));
    }

    @Test
    void resolvingAManualApprovalWithoutRoleIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> GateCatalog.resolve(GateSpec.bare("manualApproval"), 90));
        assertThrows(IllegalArgumentException.class, () -> new GateSpec("x", 1));
    }
}
