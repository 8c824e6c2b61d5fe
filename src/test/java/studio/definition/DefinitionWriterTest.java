package studio.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.input.Format;

class DefinitionWriterTest {

    @Test
    void writesTheSpecsCamelCaseShapeLeavingOutWhatIsUnsaid() {
        DefinitionSet set = DefinitionParser.parse("""
                milestones:
                  - id: mvp-ready
                    requiredFeatures: [BookingFlow, Notification.Email.Send]
                    gateConditions:
                      - allSprintsClosed
                      - "testCoverageAbove: 90"
                      - manualApproval: product-owner
                    allowManualOverrides: false
                    traceability: {}
                    versionTag: "1.0"
                sprints:
                  - id: sprint-1
                    includes:
                      - Milestone: mvp-ready
                      - Features: [BookingFlow]
                    governance: {approvalRequired: true}
                features:
                  - id: BookingFlow
                    requiredBy: milestone:mvp-ready
                    status: InProgress
                    effortEstimate: 2
                """, Format.YAML);
        assertEquals("""
                milestones:
                  - id: mvp-ready
                    versionTag: "1.0"
                    manualOverrideAllowed: false
                    requiredFeatures:
                      - BookingFlow
                      - Notification.Email.Send
                    gateConditions:
                      - allSprintsClosed
                      - testCoverageAbove: 90
                      - manualApproval: product-owner
                    traceability: {}
                sprints:
                  - id: sprint-1
                    milestones:
                      - mvp-ready
                    features:
                      - BookingFlow
                    governance:
                      approvalRequired: true
                features:
                  - featureId: BookingFlow
                    requiredBy:
                      - mvp-ready
                    estimatedEffort: 2
                    status: in-progress
                """, DefinitionWriter.toYaml(set));
    }

    @Test
    void criteriaTakeTheShortestFormThatReadsBack() {
        DefinitionSet set = DefinitionParser.parse("""
                milestones:
                  - id: m
                    gateConditions: [allTestsPass]
                    acceptanceCriteria:
                      - Plain text
                      - "[x] Done"
                      - text: "[ ] looks like a checklist but is plain text"
                      - text: Linked
                        gate: allTestsPass
                    deliverables:
                      - Named only
                    risks:
                      - Just a risk
                    blockers:
                      - {title: Just a blocker}
                """, Format.YAML);
        String yaml = DefinitionWriter.toYaml(set);
        assertEquals("""
                milestones:
                  - id: m
                    gateConditions:
                      - allTestsPass
                    acceptanceCriteria:
                      - Plain text
                      - "[x] Done"
                      - text: "[ ] looks like a checklist but is plain text"
                      - text: Linked
                        gate: allTestsPass
                    deliverables:
                      - Named only
                    risks:
                      - Just a risk
                    blockers:
                      - Just a blocker
                """, yaml);
        assertEquals(set, DefinitionParser.parse(yaml, Format.YAML));
    }

    @Test
    void anEmptySetExportsToADocumentThatReimports() {
        DefinitionSet empty = new DefinitionSet(List.of(), List.of(), List.of());
        assertEquals("milestones: []\n", DefinitionWriter.toYaml(empty));
        assertEquals(empty, DefinitionParser.parse(DefinitionWriter.toYaml(empty), Format.YAML));
    }

    @Test
    void randomSetsWithAwkwardTextsReimportToTheSameSet() {
        RandomDefinitions random = new RandomDefinitions(20250514L);
        for (int i = 0; i < 200; i++) {
            DefinitionSet set = random.next();
            String yaml = DefinitionWriter.toYaml(set);
            assertEquals(set, DefinitionParser.parse(yaml, Format.YAML), () -> "export was:\n" + yaml);
        }
    }

    @Test
    void numbersAreWrittenSoThatTheyReadBackExactly() {
        assertEquals(List.of("90", "33.333333333333336", "-0.0", "0.1", "1.0E+300", "1.0E-300"),
                List.of(90.0, 100.0 / 3, -0.0, 0.1, 1e300, 1e-300).stream().map(YamlEmitter::number).toList());
        assertThrows(IllegalArgumentException.class, () -> YamlEmitter.number(Double.NaN));
    }

    @Test
    void textsThatYamlWouldMisreadAreQuoted() {
        assertEquals(List.of("MVP Delivery", "\"yes\"", "\"90\"", "\"a: b\"", "\"line\\nbreak\"", "\"ls\\u2028x\"", "\"\""),
                List.of("MVP Delivery", "yes", "90", "a: b", "line\nbreak", "ls\u2028x", "").stream().map(YamlEmitter::text).toList());
    }
}
