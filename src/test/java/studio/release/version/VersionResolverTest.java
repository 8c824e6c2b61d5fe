package studio.release.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import studio.release.version.VersionResolution.Rejected;
import studio.release.version.VersionResolution.Resolved;

class VersionResolverTest {

    static final LocalDate DAY = LocalDate.of(2025, 5, 14);
    static final String COMMIT = "ab39c3f0d1e2b3a4c5d6e7f8091a2b3c4d5e6f70";
    static final VersionedMilestone MVP = new VersionedMilestone("mvp-ready", "mvp-v1", "Phase 2");

    /** A request with {@code settings} over Studio's default policy. */
    static final class Ask {
        Map<String, Object> settings = new LinkedHashMap<>();
        VersionedMilestone milestone = MVP;
        String named;
        Map<String, String> taken = new LinkedHashMap<>();
        List<String> sprints = List.of("sprint-06", "sprint-07");
        String commit = COMMIT;

        Ask set(String key, Object value) {
            settings.put(key, value);
            return this;
        }

        Ask versionTag(String tag) {
            milestone = new VersionedMilestone(milestone.id(), tag, milestone.phase());
            return this;
        }

        Ask taken(String... tags) {
            for (String t : tags) taken.put(t, "mvp-ready");
            return this;
        }

        VersionResolution resolve() {
            VersionRequest r = new VersionRequest(VersionPolicy.fromSettings(settings), milestone, named, TakenTags.of(taken), DAY, sprints, commit);
            return VersionResolver.resolve(r);
        }

        String tag() {
            VersionResolution r = resolve();
            if (r instanceof Resolved ok) return ok.tag();
            throw new AssertionError("expected a tag, got " + r);
        }

        Rejected rejected() {
            VersionResolution r = resolve();
            if (r instanceof Rejected no) return no;
            throw new AssertionError("expected a refusal, got " + r);
        }
    }

    static Ask ask() {
        return new Ask();
    }

    static Ask strategy(String name) {
        return ask().set("strategy", name).set("fallback", "none");
    }

    @Nested
    class NamedTags {
        @Test
        void aFreeNamedTagIsUsedAsWritten() {
            Ask a = ask().set("prefix", "v").set("suffix", "-mvp");
            a.named = "hotfix-2";
            assertEquals(new Resolved("hotfix-2", null, "named in the request"), a.resolve());
        }

        @Test
        void aTakenNamedTagIsAConflictNamingWhoseReleaseHoldsIt() {
            Ask a = ask().taken("mvp-v1");
            a.named = "mvp-v1";
            assertEquals(new Rejected(409, "version tag mvp-v1 exists (release of mvp-ready)"), a.resolve());
        }

        @Test
        void aTakenNamedTagOfAnUnknownReleaseIsStillAConflict() {
            VersionRequest r = new VersionRequest(VersionPolicy.DEFAULT, MVP, "v2", TakenTags.of(List.of("v2")), DAY, null, null);
            assertEquals(new Rejected(409, "version tag v2 exists"), VersionResolver.resolve(r));
        }

        @Test
        void tagsDifferingOnlyInLetterCaseAreDifferentTags() {
            Ask a = ask().taken("mvp-v1");
            a.named = "MVP-v1";
            assertEquals("MVP-v1", a.tag());
        }

        @Test
        void aMalformedNamedTagIsBadInputEvenWhenAlsoTaken() {
            Ask a = ask().taken("mvp v1");
            a.named = "mvp v1";
            Rejected no = a.rejected();
            assertEquals(400, no.status());
            assertTrue(no.message().startsWith("version tag 'mvp v1' is not valid"), no.message());
        }

        @Test
        void aBlankNamedTagMeansNoneWasNamed() {
            Ask a = ask();
            a.named = "  ";
            assertEquals("mvp-v1", a.tag());
        }
    }

    @Nested
    class MilestoneBased {
        @Test
        void usesTheMilestonesVersionTagWhenFree() {
            assertEquals(new Resolved("mvp-v1", VersionStrategy.MILESTONE_BASED, "milestone-based: the versionTag of milestone mvp-ready"),
                    ask().resolve());
        }

        @Test
        void theSpecsExampleGivesV104MvpOnTheNextReleaseFromTheSameMilestone() {
            Ask a = ask().set("prefix", "v").set("suffix", "-mvp").set("format", "semver").set("autoIncrement", "patch")
                    .versionTag("v1.0.0-mvp").taken("v1.0.0-mvp", "v1.0.1-mvp", "v1.0.2-mvp", "v1.0.3-mvp");
            assertEquals(new Resolved("v1.0.4-mvp", VersionStrategy.MILESTONE_BASED,
                    "milestone-based: the versionTag of milestone mvp-ready, v1.0.0-mvp (release of mvp-ready), is taken; next in its line"),
                    a.resolve());
        }

        @Test
        void aBareVersionNumberGetsThePrefixAndSuffix() {
            Ask a = ask().set("prefix", "v").set("suffix", "-mvp").versionTag("1.0.0");
            assertEquals("v1.0.0-mvp", a.tag());
            assertEquals("v1.0.1-mvp", a.taken("v1.0.0-mvp").tag());
        }

        @Test
        void aNamedVersionTagIsNotDecorated() {
            assertEquals("mvp-v1", ask().set("prefix", "v").set("suffix", "-x").tag());
        }

        @ParameterizedTest(name = "{0} taken with [{1}] gives {2} under {3}")
        @CsvSource(delimiter = '|', value = {
                "v1.0.0 | v1.0.0                          | v1.0.1 | patch",
                "v1.0.0 | v1.0.0 v1.0.3 v1.1.5 v2.0.0       | v1.0.4 | patch",
                "v1.0.5 | v1.0.5 v1.0.2                   | v1.0.6 | patch",
                "v1.0.0 | v1.0.0 v1.0.3 v1.2.0 v2.0.0       | v1.3.0 | minor",
                "v1.0.0 | v1.0.0 v3.1.0 v1.9.9            | v4.0.0 | major",
                "v1.0.0-mvp | v1.0.0-mvp v1.0.7 v1.0.9-beta | v1.0.1-mvp | patch",
                "release-2.3.4 | release-2.3.4 release-2.3.10 | release-2.3.11 | patch",
                "v1.0.0 | v1.0.0 v01.0.5 v1.0.99999999999999999999 | v1.0.1 | patch"})
        void aTakenSemanticVersionBumpsAboveTheHighestOfItsSeries(String tag, String taken, String next, String part) {
            assertEquals(next, ask().set("autoIncrement", part).versionTag(tag).taken(taken.split(" ")).tag());
        }

        @ParameterizedTest(name = "{0} taken with [{1}] gives {2}")
        @CsvSource(delimiter = '|', value = {
                "mvp-v1    | mvp-v1                | mvp-v2",
                "mvp-v1    | mvp-v1 mvp-v2 mvp-v5  | mvp-v6",
                "mvp-v1    | mvp-v1 mvp-v1a mvp-v9x | mvp-v2",
                "build-007 | build-007 build-008   | build-009",
                "build-099 | build-099             | build-100",
                "r9        | r9                    | r10",
                "42        | 42 43                 | 44",
                "beta      | beta                  | beta.2",
                "beta      | beta beta.2           | beta.3",
                "beta      | beta beta.3           | beta.2"})
        void aTakenNamedTagCountsOn(String tag, String taken, String next) {
            assertEquals(next, ask().versionTag(tag).taken(taken.split(" ")).tag());
        }

        @Test
        void withoutAVersionTagItFallsBackToTheDate() {
            assertEquals(new Resolved("2025.05.14", VersionStrategy.DATE_TAG,
                    "milestone-based cannot derive one (milestone mvp-ready has no versionTag); fallback date-tag: the date 2025-05-14"),
                    ask().versionTag(null).resolve());
            assertEquals("2025.05.14", ask().versionTag(" ").tag());
        }

        @Test
        void anUnusableVersionTagFallsBackSayingWhy() {
            Resolved r = (Resolved) ask().versionTag("mvp v1").resolve();
            assertEquals("2025.05.14", r.tag());
            assertTrue(r.explanation().contains("the versionTag of milestone mvp-ready cannot be used: version tag 'mvp v1' is not valid"),
                    r.explanation());
        }

        @Test
        void withoutAVersionTagOrFallbackItAsksForANamedTag() {
            assertEquals(new Rejected(400, "no version tag given and milestone-based cannot derive one (milestone mvp-ready has no versionTag); "
                    + "name a version_tag"), ask().set("fallback", "none").versionTag(null).resolve());
        }

        @Test
        void whenTheFallbackFailsTooBothReasonsAreGiven() {
            Ask a = ask().set("fallback", "git-commit-hash").versionTag(null);
            a.commit = null;
            assertEquals(new Rejected(400, "no version tag given, milestone-based cannot derive one (milestone mvp-ready has no versionTag) "
                    + "and fallback git-commit-hash cannot either (no commit hash given); name a version_tag"), a.resolve());
        }

        @Test
        void theFallbackUsesItsDefaultFormatWithThePoliciesPrefixAndSuffix() {
            Ask a = ask().set("prefix", "v").set("suffix", "-mvp").set("format", "semver").versionTag(null);
            assertEquals("v2025.05.14-mvp", a.tag());
        }
    }

    @Nested
    class SemverAuto {
        @Test
        void startsAt100WhenNoTagOfTheLineExists() {
            assertEquals(new Resolved("v1.0.0", VersionStrategy.SEMVER_AUTO, "semver-auto: next patch version of vMAJOR.MINOR.PATCH"),
                    strategy("semver-auto").set("prefix", "v").taken("mvp-v1", "1.2.3").resolve());
        }

        @ParameterizedTest(name = "{0} over [v0.9.9 v1.2.3 v1.10.0] gives {1}")
        @CsvSource({"patch, v1.10.1", "minor, v1.11.0", "major, v2.0.0"})
        void bumpsTheHighestTakenVersionComparingNumbersNotText(String part, String next) {
            Ask a = strategy("semver-auto").set("prefix", "v").set("autoIncrement", part).taken("v0.9.9", "v1.2.3", "v1.10.0");
            assertEquals(next, a.tag());
        }

        @Test
        void onlyTagsWithTheSamePrefixAndSuffixCount() {
            Ask a = strategy("semver-auto").set("prefix", "v").set("suffix", "-mvp")
                    .taken("v1.0.3-mvp", "v5.0.0", "v7.0.0-beta", "x9.0.0-mvp", "v8.0.0-mvp.2", "vv9.0.0-mvp");
            assertEquals("v1.0.4-mvp", a.tag());
        }

        @Test
        void tagsThatAreNotSemanticVersionsDoNotCount() {
            Ask a = strategy("semver-auto").taken("1.0.0", "01.5.0", "1.0", "1.0.0.0", "1.2.3456789012345678901");
            assertEquals("1.0.1", a.tag());
        }
    }

    @Nested
    class DateTag {
        @Test
        void usesTodayThenNumbersTheCopies() {
            assertEquals(new Resolved("2025.05.14", VersionStrategy.DATE_TAG, "date-tag: the date 2025-05-14"), strategy("date-tag").resolve());
            assertEquals("2025.05.14.2", strategy("date-tag").taken("2025.05.14").tag());
            assertEquals("2025.05.14.3", strategy("date-tag").taken("2025.05.14", "2025.05.14.2").tag());
        }

        @Test
        void takesTheFirstFreeCopy() {
            assertEquals("2025.05.14.2", strategy("date-tag").taken("2025.05.14", "2025.05.14.3").tag());
        }

        @Test
        void theCopyNumberGoesBetweenDateAndSuffix() {
            Ask a = strategy("date-tag").set("prefix", "v").set("suffix", "-rc");
            assertEquals("v2025.05.14-rc", a.tag());
            assertEquals("v2025.05.14.2-rc", a.taken("v2025.05.14-rc").tag());
        }

        @ParameterizedTest
        @CsvSource({"yyyyMMdd, 20250514", "yy-M-d, 25-5-14", "dd_MM_yyyy, 14_05_2025"})
        void followsTheFormat(String format, String tag) {
            assertEquals(tag, strategy("date-tag").set("format", format).tag());
        }
    }

    @Nested
    class Composite {
        @Test
        void combinesMilestoneLastSprintAndDate() {
            assertEquals(new Resolved("mvp-ready-sprint-07-2025.05.14", VersionStrategy.COMPOSITE, "composite: composite {milestone}-{sprint}-{date}"),
                    strategy("composite").resolve());
        }

        @Test
        void numbersTheCopiesBeforeTheSuffix() {
            Ask a = strategy("composite").set("suffix", "-x").taken("mvp-ready-sprint-07-2025.05.14-x");
            assertEquals("mvp-ready-sprint-07-2025.05.14.2-x", a.tag());
        }

        @Test
        void makesFreeTextTagSafe() {
            Ask a = strategy("composite").set("format", "{milestone}.{phase}.{commit}");
            a.milestone = new VersionedMilestone("mvp-ready", null, " Phase 2 (beta)! ");
            assertEquals("mvp-ready.Phase-2-beta.ab39c3f", a.tag());
        }

        @Test
        void aMissingPartFallsBack() {
            Ask a = ask().set("strategy", "composite").set("fallback", "date-tag");
            a.sprints = List.of();
            Resolved r = (Resolved) a.resolve();
            assertEquals("2025.05.14", r.tag());
            assertEquals("composite cannot derive one (composite format {milestone}-{sprint}-{date} needs {sprint}: no contributing sprint given); "
                    + "fallback date-tag: the date 2025-05-14", r.explanation());
        }

        @Test
        void eachMissingPartIsNamed() {
            Ask phase = strategy("composite").set("format", "{milestone}-{phase}");
            phase.milestone = new VersionedMilestone("mvp-ready", null, "  ");
            assertTrue(phase.rejected().message().contains("needs {phase}: milestone mvp-ready has no phase"), phase.rejected().message());
            Ask commit = strategy("composite").set("format", "{milestone}-{commit}");
            commit.commit = "zz";
            assertTrue(commit.rejected().message().contains("needs {commit}: commit hash 'zz' is not a git object id"), commit.rejected().message());
            commit.commit = null;
            assertTrue(commit.rejected().message().contains("needs {commit}: no commit hash given"), commit.rejected().message());
        }

        @Test
        void aTagOverTheLengthLimitCountsAsNotProduced() {
            Ask a = ask().set("strategy", "composite").set("fallback", "date-tag");
            a.sprints = List.of("s".repeat(95));
            Resolved r = (Resolved) a.resolve();
            assertEquals("2025.05.14", r.tag());
            assertTrue(r.explanation().startsWith("composite cannot derive one (version tag 'mvp-ready-sss"), r.explanation());
        }
    }

    @Nested
    class GitCommitHash {
        @Test
        void usesTheAbbreviatedCommitInLowerCase() {
            Ask a = strategy("git-commit-hash").set("prefix", "g");
            a.commit = COMMIT.toUpperCase();
            assertEquals(new Resolved("gab39c3f", VersionStrategy.GIT_COMMIT_HASH, "git-commit-hash: commit " + COMMIT), a.resolve());
        }

        @Test
        void growsOneDigitAtATimeWhileTaken() {
            assertEquals("ab39c3f0", strategy("git-commit-hash").taken("ab39c3f").tag());
            assertEquals("ab39c3f0d", strategy("git-commit-hash").taken("ab39c3f", "ab39c3f0").tag());
        }

        @Test
        void theSameCommitReleasedAgainGetsACopyNumber() {
            List<String> all = new ArrayList<>();
            for (int n = 7; n <= COMMIT.length(); n++) all.add(COMMIT.substring(0, n));
            assertEquals(COMMIT + ".2", strategy("git-commit-hash").taken(all.toArray(String[]::new)).tag());
        }

        @Test
        void withoutAUsableCommitItFallsBackOrAsks() {
            Ask none = strategy("git-commit-hash");
            none.commit = null;
            assertEquals(new Rejected(400, "no version tag given and git-commit-hash cannot derive one (no commit hash given); name a version_tag"),
                    none.resolve());
            Ask bad = ask().set("strategy", "git-commit-hash").set("fallback", "date-tag");
            bad.commit = "ab39c3";
            Resolved r = (Resolved) bad.resolve();
            assertEquals("2025.05.14", r.tag());
            assertEquals("git-commit-hash cannot derive one (commit hash 'ab39c3' is not a git object id (7 to 64 hexadecimal digits)); "
                    + "fallback date-tag: the date 2025-05-14", r.explanation());
        }
    }

    @Test
    void theStrategyOfANamedTagIsNull() {
        Ask a = ask();
        a.named = "x1";
        assertNull(((Resolved) a.resolve()).strategy());
    }

    @Test
    void retryingWithTheWinnersTagGivesTheNextOne() {
        // Two promotions derived mvp-v1 at once; the loser resolves again once the winner's tag is stored.
        Ask first = ask();
        assertEquals("mvp-v1", first.tag());
        assertEquals("mvp-v1", ask().tag());
        assertEquals("mvp-v2", ask().taken("mvp-v1").tag());
    }
}
