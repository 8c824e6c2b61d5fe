package studio.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import studio.input.Format;
import studio.input.InputProblem;

class ReferencesTest {

    private static final String DOCUMENT = """
            milestones:
              - id: mvp-ready
                requiredFeatures: [BookingFlow]
            sprints:
              - id: sprint-1
                includes:
                  - Milestone: mvp-redy
                  - Features: [SendEmail]
              - id: sprint-2
                milestones: [mvp-ready, qa-hardening]
            features:
              - featureId: Notification
                requiredBy: [milestone:mvp-ready, release-1]
                dependsOn: [BookingFlow, SendEmail, Auth.Login]
            """;

    @Test
    void unknownMilestonesAndFeaturesArePointedAt() {
        DefinitionSet set = DefinitionParser.parse(DOCUMENT, Format.YAML);
        assertEquals(List.of(
                new InputProblem("sprint 'sprint-1' links to unknown milestone 'mvp-redy' (did you mean 'mvp-ready'?)", 7, 20,
                        "$.sprints[0].includes[0].Milestone"),
                new InputProblem("sprint 'sprint-2' links to unknown milestone 'qa-hardening'", 10, 29, "$.sprints[1].milestones[1]"),
                new InputProblem("feature 'Notification' is required by unknown milestone 'release-1'", 13, 39,
                        "$.features[0].requiredBy[1]"),
                new InputProblem("feature 'Notification' depends on unknown feature 'Auth.Login'", 14, 41, "$.features[0].dependsOn[2]")),
                set.unresolvedReferences(KnownIds.NONE));
    }

    @Test
    void storedIdsResolveReferences() {
        DefinitionSet set = DefinitionParser.parse(DOCUMENT, Format.YAML);
        KnownIds stored = new KnownIds(Set.of("mvp-redy", "qa-hardening", "release-1"), Set.of("Auth.Login"));
        assertEquals(List.of(), set.unresolvedReferences(stored));
    }

    @Test
    void requiredFeaturesNeedNoFeatureEntry() {
        DefinitionSet set = DefinitionParser.parse("milestones:\n  - id: m\n    requiredFeatures: [Unlisted]\n", Format.YAML);
        assertEquals(List.of(), set.unresolvedReferences(KnownIds.NONE));
    }

    @Test
    void aSetBuiltInCodePointsAtTheRecordPath() {
        FeatureDefinition f = new FeatureDefinition("f", null, null, List.of("ghost"), List.of(), null, List.of(), null, null);
        DefinitionSet set = new DefinitionSet(List.of(), List.of(), List.of(f));
        assertEquals(List.of(new InputProblem("feature 'f' is required by unknown milestone 'ghost'", null, null,
                "$.features[0].requiredBy[0]")), set.unresolvedReferences(KnownIds.NONE));
    }

    @Test
    void whereASetWasReadDoesNotChangeWhatItIs() {
        DefinitionSet read = DefinitionParser.parse(DOCUMENT, Format.YAML);
        DefinitionSet copy = new DefinitionSet(read.milestones(), read.sprints(), read.features());
        assertEquals(read, copy);
        assertEquals(read.hashCode(), copy.hashCode());
    }
}
