package studio.definition;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import studio.gate.GateCondition;
import studio.input.Format;

/** Every definition example of the spec documents parses, means what the spec says, and survives export. */
class SpecExamplesTest {

    private static final DefinitionDefaults DEFAULTS = new DefinitionDefaults(90, true, true, true, 300, true);

    @TestFactory
    Stream<DynamicTest> everySpecExampleParsesAndReimportsFromItsExport() {
        List<Path> files = SpecExamples.all();
        assertEquals(24, files.size());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            DefinitionSet set = DefinitionParser.parse(SpecExamples.read(file), Format.AUTO);
            assertEquals(set, DefinitionParser.parse(DefinitionWriter.toYaml(set), Format.YAML));
        }));
    }

    @Test
    void milestonesYamlOfTheTimingDocument() {
        MilestoneDefinition m = SpecExamples.parse("spec-01").milestones().get(0);
        assertAll(
                () -> assertEquals("mvp-ready", m.id()),
                () -> assertEquals("MVP Delivery", m.name()),
                () -> assertEquals("All components needed for internal testing and stakeholder demo.\n", m.description()),
                () -> assertEquals(List.of("BookingService", "UserPortal", "AuthServer", "EventContracts", "DeploymentPlan"),
                        m.requiredArtifacts()),
                () -> assertEquals(List.of(GateSpec.bare("allPullRequestsMerged"), GateSpec.bare("allTestsPass"),
                        GateSpec.bare("blueprintValidated")), m.gateConditions()),
                () -> assertEquals(List.of(new Trigger("MilestoneCompleted", "planNextSprint", null)), m.triggers()),
                () -> assertEquals(new Traceability(List.of("sprint:1", "mvp", "qa:test"), "product-owner", null, null, null),
                        m.traceability()),
                () -> assertNull(m.owner()),
                () -> assertEquals("product-owner", m.effectiveOwner()),
                () -> assertEquals(List.of(), m.requiredFeatures()));
    }

    @Test
    void sprintIncludesAreNormalizedToLists() {
        SprintDefinition s = SpecExamples.parse("spec-02").sprints().get(0);
        assertAll(
                () -> assertEquals(List.of("mvp-ready"), s.milestones()),
                () -> assertEquals(List.of("BookingService.Create", "Notification.Send", "User.Onboarding"), s.features()),
                () -> assertEquals(List.of("ProductOwner", "BackendDeveloper", "TestGenerator", "DevOpsEngineer"), s.agents()),
                () -> assertEquals("MilestoneStarted", s.trigger()),
                () -> assertEquals(new Traceability(List.of("mvp", "first-run", "sprint:1"), null, null, null, "SprintCoordinator"),
                        s.traceability()));
    }

    @Test
    void backlogItemIsNormalized() {
        FeatureDefinition f = SpecExamples.parse("spec-04").features().get(0);
        assertEquals(new FeatureDefinition("Notifications.Email.Send", "Email confirmations for booking", "P1",
                List.of("mvp-ready"), List.of("Booking.Created"), 2.0, List.of("backend-developer", "test-generator"),
                FeatureStatus.PLANNED, null), f);
    }

    @Test
    void allowsDeferredAndDeferredAllowedAreOneSetting() {
        MilestoneDefinition scopeGate = SpecExamples.parse("spec-05").milestones().get(0);
        MilestoneDefinition streams = SpecExamples.parse("spec-09").milestones().get(0);
        assertAll(
                () -> assertEquals(Boolean.TRUE, scopeGate.deferredAllowed()),
                () -> assertTrue(scopeGate.allowsDeferral()),
                () -> assertEquals("FeatureDeferred", scopeGate.onDeferEmit()),
                () -> assertEquals(Boolean.TRUE, streams.deferredAllowed()),
                () -> assertEquals(List.of("UserSignupFlow", "MobilePushFlow", "AdminApproval"), streams.parallelStreams()),
                () -> assertEquals(new Trigger("SprintClosed", "MilestoneFinalization", "allStreamsReady"), streams.triggers().get(0)));
    }

    @Test
    void phaseMilestonesListTheirFeaturesAsRequiredFeatures() {
        List<MilestoneDefinition> phases = SpecExamples.parse("spec-06").milestones();
        assertEquals(List.of("mvp-foundation", "mvp-core", "mvp-qa", "mvp-ready"), phases.stream().map(MilestoneDefinition::id).toList());
        assertEquals(List.of("BookingFlow", "Notification.Email.Send"), phases.get(1).requiredFeatures());
    }

    @Test
    void controlledSprintUsesTheFlatKeys() {
        SprintDefinition s = SpecExamples.parse("spec-07").sprints().get(0);
        assertEquals(new SprintDefinition("sprint-4", null, null, List.of("mvp-core"), List.of(), List.of(), null,
                "NotificationService", null, "isolated", List.of("traceValidated", "testsPassed"), true, null, List.of()), s);
    }

    @Test
    void standardTemplateResolvesItsGates() {
        MilestoneDefinition m = SpecExamples.parse("spec-08").milestones().get(0);
        assertAll(
                () -> assertEquals(List.of(new GateCondition.Signal("allPullRequestsMerged", null, null),
                        new GateCondition.Coverage("testCoverageAbove90", 90, true),
                        new GateCondition.TraceMatrixComplete("traceMatrixComplete")), m.resolveGates(DEFAULTS)),
                () -> assertEquals("product-owner", m.effectiveGovernedBy()),
                () -> assertEquals("trace-*", m.traceability().tracePattern()),
                () -> assertEquals("CoreFeature", m.phase()),
                () -> assertEquals(List.of("BookingService", "NotificationService", "booking-api.feature",
                        "diagrams/booking-context.mmd"), m.requiredArtifacts()));
    }

    @Test
    void qaAndSecurityTemplatesHaveSignalGates() {
        MilestoneDefinition qa = SpecExamples.parse("spec-10").milestones().get(0);
        MilestoneDefinition security = SpecExamples.parse("spec-11").milestones().get(0);
        assertAll(
                () -> assertEquals(List.of(new GateCondition.AllTestsPass("allTestsPassed"),
                        new GateCondition.Signal("resilienceScoreAbove", 85.0, null),
                        new GateCondition.TraceMatrixComplete("traceMatrixComplete")), qa.resolveGates(DEFAULTS)),
                () -> assertEquals("qa-lead", qa.effectiveGovernedBy()),
                () -> assertEquals(new GateCondition.Signal("traceSpanPolicyCheck", null, "pass"), security.resolveGates(DEFAULTS).get(2)),
                () -> assertEquals("security-officer", security.governedBy()));
    }

    @Test
    void coordinatorExamplesCarryThresholdsAndSettings() {
        MilestoneDefinition core = SpecExamples.parse("spec-13").milestones().get(0);
        MilestoneDefinition enforced = SpecExamples.parse("spec-14").milestones().get(0);
        MilestoneDefinition extensions = SpecExamples.parse("spec-17").milestones().get(0);
        MilestoneDefinition preview = SpecExamples.parse("spec-18").milestones().get(0);
        assertAll(
                () -> assertEquals(new GateSpec("testCoverageAbove", 90.0), core.gateConditions().get(1)),
                () -> assertEquals(new GateCondition.NoManualOverridesActive("noManualOverridesActive"),
                        enforced.resolveGates(DEFAULTS).get(3)),
                () -> assertEquals("deploy-to-staging", extensions.promotionTriggerEvent()),
                () -> assertEquals(List.of("trace", "sprint", "qa"), extensions.observabilityTags()),
                () -> assertEquals(Boolean.TRUE, extensions.manualOverrideAllowed()),
                () -> assertEquals(Boolean.FALSE, preview.manualOverrideAllowed()),
                () -> assertEquals(false, preview.effectiveManualOverrideAllowed(DEFAULTS)),
                () -> assertEquals(false, preview.effectiveAutoPromotion(DEFAULTS)),
                () -> assertEquals(new GateCondition.Coverage("qaCoverageAbove", 85, true), preview.resolveGates(DEFAULTS).get(1)));
    }

    @Test
    void approvalRolesAndReleaseSettings() {
        MilestoneDefinition roles = SpecExamples.parse("spec-19").milestones().get(0);
        MilestoneDefinition release = SpecExamples.parse("spec-20").milestones().get(0);
        assertAll(
                () -> assertEquals(List.of("qa-lead", "domain-architect"), roles.effectiveApprovalRoles()),
                () -> assertEquals(List.of("staging", "qa"), release.environments()),
                () -> assertEquals(Boolean.FALSE, release.manualApprovalRequired()),
                () -> assertEquals(Boolean.TRUE, release.emitSignedManifest()));
    }

    @Test
    void versionStrategyKeepsItsOrder() {
        MilestoneDefinition m = SpecExamples.parse("spec-21").milestones().get(0);
        assertEquals(List.of("strategy", "prefix", "suffix", "format", "autoIncrement", "fallback"),
                List.copyOf(m.versionStrategy().keySet()));
        assertEquals("-mvp", m.versionStrategy().get("suffix"));
    }

    @Test
    void acceptanceCriteriaInEveryForm() {
        MilestoneDefinition m = SpecExamples.parse("spec-22").milestones().get(0);
        assertAll(
                () -> assertEquals(List.of(
                        new AcceptanceCriterion("Build system runs successfully (make build, make test)", false, null, null),
                        new AcceptanceCriterion("Unit test framework configured", false, null, null),
                        new AcceptanceCriterion("CI pipeline green on main branch", null, null, "allTestsPass"),
                        new AcceptanceCriterion("Code coverage reporting enabled", true, null, null),
                        AcceptanceCriterion.plain("Documentation structure established")), m.acceptanceCriteria()),
                () -> assertEquals(Deliverable.named("GitHub Actions CI workflow"), m.deliverables().get(2)),
                () -> assertEquals("Repository, build, and test infrastructure operational", m.goal()),
                () -> assertEquals("Developers can build, test, and verify code changes", m.valueDelivered()));
    }

    @Test
    void milestoneSpecificationGuideExample() {
        MilestoneDefinition m = SpecExamples.parse("spec-23").milestones().get(0);
        assertAll(
                () -> assertEquals(LocalDate.of(2024, 1, 28), m.targetDate()),
                () -> assertEquals(new AcceptanceCriterion("Job queue processes 100 jobs without errors", true, "qa-lead", null),
                        m.acceptanceCriteria().get(0)),
                () -> assertEquals("testCoverageAbove", m.acceptanceCriteria().get(1).gate()),
                () -> assertEquals(List.of(new AcceptanceCriterion("AWS ElastiCache Redis cluster deployed to staging", false, null, null),
                        new AcceptanceCriterion("Backup and failover configured", false, null, null)), m.deliverables().get(0).criteria()),
                () -> assertTrue(m.deliverables().get(1).completed()),
                () -> assertEquals(new Risk("Team member unavailable", "Low", "Medium", "Cross-train backup person"), m.risks().get(1)),
                () -> assertEquals(new Blocker("Node.js Bull Documentation Gap", null, "Alice", null, null, "Low"), m.blockers().get(1)),
                () -> assertEquals(new GateCondition.ManualApproval("manualApproval", "product-owner"), m.resolveGates(DEFAULTS).get(2)));
    }

    @Test
    void jsonExampleWithRoleMapsAndBacklogSpellings() {
        DefinitionSet set = SpecExamples.parse("spec-24");
        assertAll(
                () -> assertEquals(List.of("product-owner", "qa-lead"), set.milestones().get(0).approvalRoles()),
                () -> assertEquals(90.0, set.milestones().get(0).qaCoverageThreshold()),
                () -> assertEquals(new GateSpec("qaCoverageAbove", 90.0), set.milestones().get(0).gateConditions().get(1)),
                () -> assertEquals(List.of("mvp-ready"), set.sprints().get(0).milestones()),
                () -> assertEquals(FeatureStatus.IN_PROGRESS, set.features().get(0).status()),
                () -> assertEquals(3.0, set.features().get(0).estimatedEffort()),
                () -> assertEquals(List.of("mvp-ready"), set.features().get(1).requiredBy()),
                () -> assertEquals("waiting for the mail provider contract", set.features().get(1).deferralReason()),
                () -> assertEquals(List.of(), set.unresolvedReferences(KnownIds.NONE)));
    }
}
