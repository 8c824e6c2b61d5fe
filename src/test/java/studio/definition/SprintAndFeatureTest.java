package studio.definition;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.input.Format;
import studio.input.InputProblem;

class SprintAndFeatureTest {

    private static SprintDefinition sprint(String body) {
        return DefinitionParser.parse("sprints:\n  - id: s-1\n" + body, Format.YAML).sprints().get(0);
    }

    private static FeatureDefinition feature(String body) {
        return DefinitionParser.parse("features:\n  - id: f-1\n" + body, Format.YAML).features().get(0);
    }

    @Test
    void includesAndFlatKeysAreMergedInOrderWithoutRepeats() {
        SprintDefinition s = sprint("""
                    milestones: [m-1]
                    features: [A]
                    agents: [QAAgent]
                    includes:
                      - milestones: [m-2, m-1]
                      - FEATURES: B
                      - Features: [A, C]
                      - agents: [TestGenerator]
                """);
        assertAll(
                () -> assertEquals(List.of("m-1", "m-2"), s.milestones()),
                () -> assertEquals(List.of("A", "B", "C"), s.features()),
                () -> assertEquals(List.of("QAAgent", "TestGenerator"), s.agents()));
    }

    @Test
    void theSingularMilestoneKeyIsAccepted() {
        assertEquals(List.of("m-1"), sprint("    milestone: m-1\n").milestones());
        assertEquals(new InputProblem("'milestone' and 'milestones' are two spellings of milestones; keep one", 4, 5,
                "$.sprints[0].milestone"), Problems.first("sprints:\n  - id: s\n    milestones: [a]\n    milestone: b\n"));
    }

    @Test
    void includesEntriesAreSingleKnownKeys() {
        assertAll(
                () -> assertEquals(new InputProblem("unknown includes entry 'Feature' (did you mean 'Features'?); use Milestone, "
                        + "Features or Agents", 4, 9, "$.sprints[0].includes[0].Feature"),
                        Problems.first("sprints:\n  - id: s\n    includes:\n      - Feature: [A]\n")),
                () -> assertEquals("an includes entry has one key, Milestone, Features or Agents ('- Milestone: mvp-ready'), found "
                        + "the string 'mvp-ready'", Problems.first("sprints:\n  - id: s\n    includes:\n      - mvp-ready\n").message()),
                () -> assertEquals("Milestone entry 'not an id' may use only letters, digits, '.', '_', ':' and '-', starting with a "
                        + "letter or digit", Problems.first("sprints:\n  - id: s\n    includes:\n      - Milestone: not an id\n").message()));
    }

    @Test
    void governanceAndTraceabilityBlocks() {
        SprintDefinition s = sprint("    governance:\n      approvalRequired: false\n    traceability:\n      labels: [x]\n");
        assertEquals(Boolean.FALSE, s.approvalRequired());
        assertEquals(new Traceability(List.of("x"), null, null, null, null), s.traceability());
        assertEquals("unknown field 'owner'; expected labels, orchestrator",
                Problems.first("sprints:\n  - id: s\n    traceability:\n      owner: po\n").message());
        assertEquals("unknown field 'approval'; expected approvalRequired",
                Problems.first("sprints:\n  - id: s\n    governance:\n      approval: true\n").message());
    }

    @Test
    void featureIdsComeFromIdOrFeatureId() {
        assertEquals("Booking.Flow", DefinitionParser.parse("features:\n  - featureId: Booking.Flow\n", Format.YAML).features().get(0).id());
        assertEquals("'featureId' and 'id' are two spellings of id; keep one",
                Problems.first("features:\n  - id: a\n    featureId: a\n").message());
    }

    @Test
    void requiredByAndDependsOnAreTextsOrLists() {
        FeatureDefinition f = feature("    requiredBy: [milestone:mvp-ready, qa-hardening]\n    dependsOn: Booking.Created\n");
        assertEquals(List.of("mvp-ready", "qa-hardening"), f.requiredBy());
        assertEquals(List.of("Booking.Created"), f.dependsOn());
        assertEquals(List.of("mvp-ready"), feature("    requiredBy: mvp-ready\n").requiredBy());
    }

    @Test
    void statusIsReadInEverySpelling() {
        assertAll(
                () -> assertEquals(FeatureStatus.IN_PROGRESS, feature("    status: InProgress\n").status()),
                () -> assertEquals(FeatureStatus.IN_PROGRESS, feature("    status: in_progress\n").status()),
                () -> assertEquals(FeatureStatus.IN_PROGRESS, feature("    status: In Progress\n").status()),
                () -> assertEquals(FeatureStatus.COMPLETED, feature("    status: Completed\n").status()),
                () -> assertEquals(FeatureStatus.DEFERRED, feature("    status: DEFERRED\n").status()),
                () -> assertEquals("in-progress", FeatureStatus.IN_PROGRESS.json()),
                () -> assertEquals(new InputProblem("status 'done' must be planned, in-progress, completed or deferred", 3, 13,
                        "$.features[0].status"), Problems.first("features:\n  - id: f\n    status: done\n")));
    }

    @Test
    void priorityIsP0ToP9() {
        assertEquals("P3", feature("    priority: p3\n").priority());
        assertEquals("priority 'P10' must be one of P0 to P9", Problems.first("features:\n  - id: f\n    priority: P10\n").message());
    }

    @Test
    void effortIsNotNegativeAndHasTwoSpellings() {
        assertEquals(0.5, feature("    effortEstimate: 0.5\n").estimatedEffort());
        assertEquals(0.0, feature("    estimatedEffort: 0\n").estimatedEffort());
        assertEquals("estimatedEffort -1 is not between 0 and 100000",
                Problems.first("features:\n  - id: f\n    estimatedEffort: -1\n").message());
    }

    @Test
    void deferralReasonHasTwoSpellings() {
        assertEquals("no capacity", feature("    reason: no capacity\n").deferralReason());
        assertEquals("no capacity", feature("    deferralReason: no capacity\n").deferralReason());
        assertNull(feature("").deferralReason());
    }

    @Test
    void featureReferencesMustBeIds() {
        assertEquals(new InputProblem("dependsOn entry 'two words' may use only letters, digits, '.', '_', ':' and '-', starting "
                + "with a letter or digit", 3, 17, "$.features[0].dependsOn[0]"),
                Problems.first("features:\n  - id: f\n    dependsOn: [two words]\n"));
    }

    @Test
    void planningModeIsReadWrittenBackAndABadOneIsRefusedWithLineAndField() {
        String yaml = "milestones:\n  - id: m\n    planningMode: manual-only\n";
        var set = DefinitionParser.parse(yaml, studio.input.Format.YAML);
        assertEquals(studio.gate.PlanningMode.MANUAL_ONLY, set.milestones().get(0).planningMode());
        assertEquals(set, DefinitionParser.parse(DefinitionWriter.toYaml(set), studio.input.Format.YAML));
        assertEquals(new InputProblem("planningMode 'supervised' must be autonomous, assisted or manual-only", 3, 19,
                "$.milestones[0].planningMode"), Problems.first("milestones:\n  - id: m\n    planningMode: supervised\n"));
    }
}
