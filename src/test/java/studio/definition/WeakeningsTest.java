package studio.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.input.Format;

/** What a new definition loosens compared with the one in force; tightening and cosmetic changes loosen nothing. */
class WeakeningsTest {

    static final DefinitionDefaults DEFAULTS = new DefinitionDefaults(90, true, true, false, 300, true);

    static final String BASE = """
            milestones:
              - id: m
                name: Checkout
                requiredFeatures: [Pay, Refund]
                gateConditions:
                  - allSprintsClosed
                  - qaCoverageAbove: 90
                  - resilienceScoreAbove: 85
                  - manualApproval: security-officer
                approvalRoles: [qa-lead]
                governedBy: product-owner
                manualOverrideAllowed: false
            """;

    static MilestoneDefinition read(String yaml) {
        return DefinitionParser.parse(yaml, Format.YAML).milestones().get(0);
    }

    static List<String> loosened(String after) {
        return Weakenings.of(read(BASE), read(after), DEFAULTS);
    }

    @Test
    void eachLooseningIsNamedInASentence() {
        assertEquals(List.of("removes gate allSprintsClosed"), loosened(BASE.replace("      - allSprintsClosed\n", "")));
        assertEquals(List.of("lowers qaCoverageAbove from 90 to 80"), loosened(BASE.replace("qaCoverageAbove: 90", "qaCoverageAbove: 80")));
        assertEquals(List.of("lowers resilienceScoreAbove from 85 to 70"),
                loosened(BASE.replace("resilienceScoreAbove: 85", "resilienceScoreAbove: 70")));
        assertEquals(List.of("removes gate manualApproval: security-officer"),
                loosened(BASE.replace("manualApproval: security-officer", "manualApproval: product-owner")));
        assertEquals(List.of("changes who approves overrides from [qa-lead] to [domain-architect]"),
                loosened(BASE.replace("approvalRoles: [qa-lead]", "approvalRoles: [domain-architect]")));
        assertEquals(List.of("changes who governs it from product-owner to qa-lead"),
                loosened(BASE.replace("governedBy: product-owner", "governedBy: qa-lead")));
        assertEquals(List.of("turns on manualOverrideAllowed"), loosened(BASE.replace("manualOverrideAllowed: false", "manualOverrideAllowed: true")));
        assertEquals(List.of("no longer requires feature Refund"), loosened(BASE.replace("[Pay, Refund]", "[Pay]")));
    }

    @Test
    void leavingAssistedPlanningLoosensItUnderTheInstallationsModeToo() {
        String assisted = BASE.replace("name: Checkout", "name: Checkout\n    planningMode: assisted");
        assertEquals(List.of("changes planningMode from assisted to autonomous (sprint scopes no longer need approval)"),
                Weakenings.of(read(assisted), read(assisted.replace("planningMode: assisted", "planningMode: autonomous")), DEFAULTS));
        assertEquals(1, Weakenings.of(read(assisted.replace("assisted", "manual-only")), read(BASE), DEFAULTS).size(),
                "unsaid falls back to the installation's autonomous");
        assertEquals(List.of(), Weakenings.of(read(BASE), read(assisted), DEFAULTS), "requiring approval tightens");
        var assistedInstallation = DEFAULTS.withPlanningMode(studio.gate.PlanningMode.ASSISTED);
        assertEquals(List.of(), Weakenings.of(read(assisted), read(BASE), assistedInstallation), "unsaid is still assisted");
    }

    @Test
    void tighteningOrRenamingLoosensNothing() {
        assertEquals(List.of(), loosened(BASE.replace("qaCoverageAbove: 90", "qaCoverageAbove: 95")));
        assertEquals(List.of(), loosened(BASE.replace("name: Checkout", "name: Checkout v2")));
        assertEquals(List.of(), loosened(BASE.replace("      - allSprintsClosed\n", "      - allSprintsClosed\n      - traceMatrixComplete\n")));
        assertEquals(List.of(), loosened(BASE.replace("[Pay, Refund]", "[Pay, Refund, Invoice]")));
        assertEquals(List.of(), loosened(BASE.replace("    manualOverrideAllowed: false\n", "    manualOverrideAllowed: false\n    overrideApprovals: 2\n")));
    }

    @Test
    void fewerApproversIsALoosening() {
        String two = BASE.replace("    manualOverrideAllowed: false\n", "    manualOverrideAllowed: false\n    overrideApprovals: 2\n");
        assertEquals(List.of("changes overrideApprovals from 2 to the default"), Weakenings.of(read(two), read(BASE), DEFAULTS));
    }
}
