package studio.definition;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.input.Format;
import studio.input.InputProblem;

class MilestoneDefinitionTest {

    private static final DefinitionDefaults DEFAULTS = new DefinitionDefaults(90, true, true, false, 300, true);

    private static MilestoneDefinition milestone(String body) {
        return DefinitionParser.parse("milestones:\n  - id: m-1\n" + body, Format.YAML).milestones().get(0);
    }

    @Test
    void unsaidSettingsStayNullAndTakeTheDefaults() {
        MilestoneDefinition m = milestone("");
        assertAll(
                () -> assertNull(m.qaCoverageThreshold()),
                () -> assertNull(m.manualOverrideAllowed()),
                () -> assertEquals(90.0, m.effectiveQaCoverageThreshold(DEFAULTS)),
                () -> assertEquals(true, m.effectiveManualOverrideAllowed(DEFAULTS)),
                () -> assertEquals(true, m.effectiveAutoPromotion(DEFAULTS)),
                () -> assertEquals(false, m.effectiveTraceValidationRequired(DEFAULTS)),
                () -> assertEquals(300, m.effectiveGateTimeoutSeconds(DEFAULTS)),
                () -> assertEquals(true, m.effectiveRetryOnFailure(DEFAULTS)),
                () -> assertEquals("product-owner", m.effectiveGovernedBy()),
                () -> assertEquals(List.of("qa-lead"), m.effectiveApprovalRoles()),
                () -> assertEquals(false, m.allowsDeferral()),
                () -> assertNull(m.effectiveOwner()));
    }

    @Test
    void writtenSettingsWinOverTheDefaults() {
        MilestoneDefinition m = milestone("""
                    qaCoverageThreshold: 85.5
                    allowOverrides: false
                    autoPromotion: false
                    traceValidationRequired: true
                    gateTimeoutSeconds: 60
                    retryOnFailure: false
                    governedBy: qa-lead
                    owner: Backend Engineering Team
                    traceability:
                      owner: someone-else
                      governedBy: security-officer
                """);
        assertAll(
                () -> assertEquals(85.5, m.effectiveQaCoverageThreshold(DEFAULTS)),
                () -> assertEquals(false, m.effectiveManualOverrideAllowed(DEFAULTS)),
                () -> assertEquals(false, m.effectiveAutoPromotion(DEFAULTS)),
                () -> assertEquals(true, m.effectiveTraceValidationRequired(DEFAULTS)),
                () -> assertEquals(60, m.effectiveGateTimeoutSeconds(DEFAULTS)),
                () -> assertEquals(false, m.effectiveRetryOnFailure(DEFAULTS)),
                () -> assertEquals("qa-lead", m.effectiveGovernedBy()),
                () -> assertEquals("Backend Engineering Team", m.effectiveOwner()));
    }

    @Test
    void governanceMayComeFromTheTraceabilityBlock() {
        MilestoneDefinition m = milestone("    traceability:\n      owner: product-owner\n      governedBy: compliance-officer\n");
        assertEquals("compliance-officer", m.effectiveGovernedBy());
        assertEquals("product-owner", m.effectiveOwner());
    }

    @Test
    void snakeCaseSpellingsAreAccepted() {
        MilestoneDefinition m = milestone("    required_features: [A]\n    version_tag: v1\n    qa_coverage_threshold: 80\n");
        assertEquals(List.of("A"), m.requiredFeatures());
        assertEquals("v1", m.versionTag());
        assertEquals(80.0, m.qaCoverageThreshold());
    }

    @Test
    void aMilestoneMaySetItsOwnReminderTimes() {
        MilestoneDefinition m = milestone("    reminders:\n      after: 30m\n      overdueAfter: 2h\n");
        assertEquals(new Reminders(java.time.Duration.ofMinutes(30), java.time.Duration.ofHours(2)), m.reminders());
        assertNull(milestone("").reminders(), "unsaid: the installation's times");
        assertEquals(new InputProblem("reminders.after: 'soon' is not a duration (write 72h, 30m, 7d or PT24H)", 4, 14,
                "$.milestones[0].reminders.after"), Problems.first("milestones:\n  - id: m-1\n    reminders:\n      after: soon\n"));
        assertEquals("reminders.overdueAfter (1h) must be longer than reminders.after (2h)",
                Problems.first("milestones:\n  - id: m-1\n    reminders:\n      after: 2h\n      overdueAfter: 1h\n").message());
        assertEquals("reminders.after must be longer than zero",
                Problems.first("milestones:\n  - id: m-1\n    reminders:\n      after: 0s\n").message());
        assertEquals("unknown field 'remindAfter'; expected after, overdueAfter",
                Problems.first("milestones:\n  - id: m-1\n    reminders:\n      remindAfter: 2h\n").message());
    }

    @Test
    void unknownKeysSuggestTheKnownOne() {
        InputProblem p = Problems.first("milestones:\n  - id: m-1\n    gateCondition:\n      - allSprintsClosed\n");
        assertEquals(new InputProblem("unknown field 'gateCondition' (did you mean 'gateConditions'?)", 3, 5,
                "$.milestones[0].gateCondition"), p);
    }

    @Test
    void unknownKeysFarFromAnyKnownOneAreStillErrors() {
        assertEquals(List.of("unknown field 'status'"), Problems.messages("milestones:\n  - id: m-1\n    status: At Risk\n"));
    }

    @Test
    void twoSpellingsOfTheOverrideSettingAreAnError() {
        InputProblem p = Problems.first("milestones:\n  - id: m-1\n    manualOverrideAllowed: true\n    allowManualOverrides: true\n");
        assertEquals(new InputProblem("'allowManualOverrides' and 'manualOverrideAllowed' are two spellings of "
                + "manualOverrideAllowed; keep one", 4, 5, "$.milestones[0].allowManualOverrides"), p);
    }

    @Test
    void theIdIsRequiredAndShaped() {
        assertAll(
                () -> assertEquals(new InputProblem("'id' is required", 2, 5, "$.milestones[0]"),
                        Problems.first("milestones:\n  - name: nameless\n")),
                () -> assertEquals(new InputProblem("id 'mvp ready' may use only letters, digits, '.', '_', ':' and '-', "
                        + "starting with a letter or digit", 2, 9, "$.milestones[0].id"), Problems.first("milestones:\n  - id: mvp ready\n")),
                () -> assertEquals("id has 101 characters; at most 100 are allowed",
                        Problems.first("milestones:\n  - id: " + "m".repeat(101) + "\n").message()));
    }

    @Test
    void duplicateIdsNameBothLines() {
        InputProblem p = Problems.first("milestones:\n  - id: mvp-ready\n  - id: other\n  - id: mvp-ready\n");
        assertEquals(new InputProblem("milestone id 'mvp-ready' is defined twice: on line 2 and on line 4", 4, 5,
                "$.milestones[2]"), p);
    }

    @Test
    void theSameIdInDifferentKindsIsFine() {
        DefinitionSet set = DefinitionParser.parse("milestones: [{id: x}]\nsprints: [{id: x}]\nfeatures: [{id: x}]\n", Format.YAML);
        assertEquals(3, set.milestones().size() + set.sprints().size() + set.features().size());
    }

    @Test
    void targetDateIsAnIsoDate() {
        assertEquals(java.time.LocalDate.of(2025, 5, 14), milestone("    targetDate: 2025-05-14\n").targetDate());
        assertAll(
                () -> assertEquals(new InputProblem("targetDate '2025-13-01' is not a date of the form YYYY-MM-DD", 3, 17,
                        "$.milestones[0].targetDate"), Problems.first("milestones:\n  - id: m-1\n    targetDate: 2025-13-01\n")),
                () -> assertEquals("targetDate 'Week 1' is not a date of the form YYYY-MM-DD",
                        Problems.first("milestones:\n  - id: m-1\n    targetDate: Week 1\n").message()));
    }

    @Test
    void thresholdsAndTimeoutsAreInRange() {
        assertAll(
                () -> assertEquals(new InputProblem("qaCoverageThreshold 120 is not between 0 and 100", 3, 26,
                        "$.milestones[0].qaCoverageThreshold"), Problems.first("milestones:\n  - id: m-1\n    qaCoverageThreshold: 120\n")),
                () -> assertEquals("'qaCoverageThreshold' must be a number, found the string '90'",
                        Problems.first("milestones:\n  - id: m-1\n    qaCoverageThreshold: \"90\"\n").message()),
                () -> assertEquals("gateTimeoutSeconds -1 must be at least 0",
                        Problems.first("milestones:\n  - id: m-1\n    gateTimeoutSeconds: -1\n").message()),
                () -> assertEquals("'gateTimeoutSeconds' must be a whole number, found 1.5",
                        Problems.first("milestones:\n  - id: m-1\n    gateTimeoutSeconds: 1.5\n").message()));
    }

    @Test
    void booleansAreTrueOrFalse() {
        assertEquals(new InputProblem("'autoPromotion' must be true or false, found the string 'yes'", 3, 20,
                "$.milestones[0].autoPromotion"), Problems.first("milestones:\n  - id: m-1\n    autoPromotion: yes\n"));
    }

    @Test
    void governingRolesArePeoplesRoles() {
        assertAll(
                () -> assertEquals(new InputProblem("governedBy cannot be 'auditor': auditors only read", 3, 17,
                        "$.milestones[0].governedBy"), Problems.first("milestones:\n  - id: m-1\n    governedBy: auditor\n")),
                () -> assertEquals("governedBy cannot be 'ci': it is a service account, and only people decide",
                        Problems.first("milestones:\n  - id: m-1\n    governedBy: ci\n").message()),
                () -> assertEquals("unknown role 'qa-led' (did you mean 'qa-lead'?) for governedBy; roles: product-owner, qa-lead, "
                        + "domain-architect, security-officer, compliance-officer, platform-admin, auditor, ci",
                        Problems.first("milestones:\n  - id: m-1\n    governedBy: qa-led\n").message()),
                () -> assertEquals("governedBy cannot be 'ci': it is a service account, and only people decide",
                        Problems.first("milestones:\n  - id: m-1\n    traceability:\n      governedBy: ci\n").message()));
    }

    @Test
    void approvalRolesAreNamesOrRoleMapsOfPeoplesRoles() {
        assertEquals(List.of("qa-lead", "product-owner"),
                milestone("    approvalRoles:\n      - qa-lead\n      - role: product-owner\n").approvalRoles());
        List<InputProblem> problems = Problems.of("milestones:\n  - id: m-1\n    approvalRoles:\n      - auditor\n      - role: ci\n      - {}\n");
        assertEquals(List.of(
                new InputProblem("approvalRoles cannot be 'auditor': auditors only read", 4, 9, "$.milestones[0].approvalRoles[0]"),
                new InputProblem("approvalRoles cannot be 'ci': it is a service account, and only people decide", 5, 15,
                        "$.milestones[0].approvalRoles[1].role"),
                new InputProblem("'role' is required", 6, 9, "$.milestones[0].approvalRoles[2]")), problems);
    }

    @Test
    void versionStrategyIsAMapOfSingleValuesOrAName() {
        assertEquals(java.util.Map.of("strategy", "semver-auto"), milestone("    versionStrategy: semver-auto\n").versionStrategy());
        assertEquals(java.util.Map.of("autoIncrement", "patch", "prefix", "v"),
                milestone("    versionStrategy:\n      auto_increment: patch\n      prefix: v\n").versionStrategy());
        assertAll(
                () -> assertEquals("versionStrategy.prefix must be a single value, found a list",
                        Problems.first("milestones:\n  - id: m-1\n    versionStrategy:\n      prefix: [v]\n").message()),
                () -> assertEquals("unknown field 'sufix' (did you mean 'suffix'?); expected strategy, prefix, suffix, format, "
                        + "autoIncrement, fallback", Problems.first("milestones:\n  - id: m-1\n    versionStrategy:\n      sufix: x\n").message()));
    }

    @Test
    void triggersNeedAnEvent() {
        assertEquals(new InputProblem("'event' is required", 4, 9, "$.milestones[0].triggers[0]"),
                Problems.first("milestones:\n  - id: m-1\n    triggers:\n      - next: deploy\n"));
    }

    @Test
    void everyProblemOfTheDocumentIsReportedAtOnceInDocumentOrder() {
        List<InputProblem> problems = Problems.of("""
                milestones:
                  - id: a
                    qaCoverageThreshold: 101
                    governedBy: auditor
                  - id: a
                    gateConditions: [qaCoverageAbov]
                features:
                  - id: f
                    priority: high
                """);
        assertEquals(List.of(3, 4, 5, 6, 9), problems.stream().map(InputProblem::line).toList());
    }

    @Test
    void theTopLevelHoldsOnlyTheFourLists() {
        assertAll(
                () -> assertEquals(new InputProblem("unknown field 'milestone' (did you mean 'milestones'?); expected milestones, "
                        + "sprints, features, environments", 1, 1, "$.milestone"), Problems.first("milestone:\n  - id: a\n")),
                () -> assertEquals(new InputProblem("the document has none of milestones, sprints, features, environments", 1, 1, "$"),
                        Problems.first("{}")),
                () -> assertEquals(new InputProblem("a definitions document is a mapping with milestones, sprints, features or environments, "
                        + "found a list", 1, 1, "$"), Problems.first("- id: a\n")),
                () -> assertEquals(new InputProblem("milestones must be a list, found a mapping", 2, 3, "$.milestones"),
                        Problems.first("milestones:\n  id: a\n")),
                () -> assertEquals(new InputProblem("a milestone must be a mapping, found the string 'mvp-ready'", 2, 5,
                        "$.milestones[0]"), Problems.first("milestones:\n  - mvp-ready\n")));
    }

    @Test
    void emptyListsAreAValidDocument() {
        assertEquals(new DefinitionSet(List.of(), List.of(), List.of()), DefinitionParser.parse("milestones: []\n", Format.YAML));
    }

    @Test
    void syntaxErrorsComeThroughWithTheirLocation() {
        InputProblem p = Problems.first("milestones:\n  - id: a\n    name: [unclosed\n");
        assertEquals(4, p.line());
    }

    @Test
    void defaultsRefuseImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> new DefinitionDefaults(101, true, true, true, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new DefinitionDefaults(90, true, true, true, -1, true));
    }
}
