package studio.release.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studio.release.version.VersionPolicy.Increment;

class VersionPolicyTest {

    /** The spec's version-resolver.yaml. */
    static final Map<String, Object> SPEC_RESOLVER = Map.of("strategy", "milestone-based", "prefix", "v", "suffix", "-mvp",
            "format", "semver", "autoIncrement", "patch", "fallback", "date-tag");

    @Test
    void theDefaultIsMilestoneBasedFallingBackToTheDate() {
        assertEquals(new VersionPolicy(VersionStrategy.MILESTONE_BASED, "", "", null, Increment.PATCH, VersionStrategy.DATE_TAG),
                VersionPolicy.DEFAULT);
        assertEquals(VersionPolicy.DEFAULT, VersionPolicy.fromSettings(Map.of()));
        assertEquals(VersionPolicy.DEFAULT, VersionPolicy.fromSettings(null));
    }

    @Test
    void readsTheSpecsVersionResolverYaml() {
        assertEquals(new VersionPolicy(VersionStrategy.MILESTONE_BASED, "v", "-mvp", "semver", Increment.PATCH, VersionStrategy.DATE_TAG),
                VersionPolicy.fromSettings(SPEC_RESOLVER));
    }

    @Test
    void theMilestoneWinsKeyByKeyAndInheritsTheRest() {
        VersionPolicy global = VersionPolicy.fromSettings(SPEC_RESOLVER);
        VersionPolicy merged = global.merge(Map.of("suffix", "-beta", "autoIncrement", "minor"));
        assertEquals(new VersionPolicy(VersionStrategy.MILESTONE_BASED, "v", "-beta", "semver", Increment.MINOR, VersionStrategy.DATE_TAG), merged);
    }

    @Test
    void changingTheStrategyDropsTheInheritedFormatButKeepsTheOtherSettings() {
        VersionPolicy global = VersionPolicy.fromSettings(SPEC_RESOLVER);
        assertEquals(new VersionPolicy(VersionStrategy.SEMVER_AUTO, "v", "-mvp", null, Increment.PATCH, VersionStrategy.DATE_TAG),
                global.merge(Map.of("strategy", "semver-auto")));
        // date-tag falling back to date-tag would be no fallback at all
        assertEquals(new VersionPolicy(VersionStrategy.DATE_TAG, "v", "-mvp", null, Increment.PATCH, null), global.merge(Map.of("strategy", "date-tag")));
        VersionPolicy dated = VersionPolicy.fromSettings(Map.of("strategy", "date-tag", "format", "yyyyMMdd"));
        assertEquals("yyyyMMdd", dated.merge(Map.of("strategy", "date-tag", "prefix", "d")).format());
    }

    @Test
    void aMilestoneMayNameItsOwnFormatWithItsOwnStrategy() {
        VersionPolicy merged = VersionPolicy.fromSettings(SPEC_RESOLVER).merge(Map.of("strategy", "composite", "format", "{milestone}-{date}"));
        assertEquals("{milestone}-{date}", merged.format());
    }

    @Test
    void aFallbackEqualToTheStrategyOrNoneMeansNoFallback() {
        assertNull(VersionPolicy.fromSettings(Map.of("strategy", "date-tag", "fallback", "date-tag")).fallback());
        assertNull(VersionPolicy.fromSettings(Map.of("fallback", "none")).fallback());
        assertNull(VersionPolicy.fromSettings(Map.of("fallback", "")).fallback());
    }

    @Test
    void acceptsTheSpellingsConfigurationFilesUse() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("strategy", "Semver_Auto");
        settings.put("auto_increment", "MAJOR");
        settings.put("prefix", 7.0); // YAML reads `prefix: 7` as a number
        settings.put("suffix", null);
        VersionPolicy p = VersionPolicy.fromSettings(settings);
        assertEquals(VersionStrategy.SEMVER_AUTO, p.strategy());
        assertEquals(Increment.MAJOR, p.autoIncrement());
        assertEquals("7", p.prefix());
        assertEquals("", p.suffix());
        assertEquals(Increment.MINOR, VersionPolicy.fromSettings(Map.of("auto-increment", "minor")).autoIncrement());
    }

    @Test
    void refusesUnknownSettingsAndValuesSayingWhich() {
        assertEquals("unknown versionStrategy setting 'increment' (known: strategy, prefix, suffix, format, autoIncrement, fallback)",
                refusal(Map.of("increment", "patch")));
        assertEquals("unknown version strategy 'calver' (known: milestone-based, semver-auto, date-tag, composite, git-commit-hash)",
                refusal(Map.of("strategy", "calver")));
        assertEquals("unknown version strategy 'latest' (known: milestone-based, semver-auto, date-tag, composite, git-commit-hash)",
                refusal(Map.of("fallback", "latest")));
        assertEquals("autoIncrement must be major, minor or patch, not 'build'", refusal(Map.of("autoIncrement", "build")));
        assertEquals("versionStrategy.prefix must be a text, not true", refusal(Map.of("prefix", true)));
        assertEquals("versionStrategy.prefix 'release/' may hold only letters, digits, '.', '_', '+' and '-' (at most 40)",
                refusal(Map.of("prefix", "release/")));
        assertEquals("versionStrategy.suffix ' beta' may hold only letters, digits, '.', '_', '+' and '-' (at most 40)",
                assertThrows(IllegalArgumentException.class, () -> new VersionPolicy(null, null, " beta", null, null, null)).getMessage());
    }

    @Test
    void aFormatMustSuitItsStrategy() {
        assertEquals("format 'calendar' does not apply to milestone-based (its only format is semver)", refusal(Map.of("format", "calendar")));
        assertEquals("git-commit-hash takes no format (found 'short')", refusal(Map.of("strategy", "git-commit-hash", "format", "short")));
        assertEquals("SEMVER", VersionPolicy.fromSettings(Map.of("strategy", "semver-auto", "format", "SEMVER")).format());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yyyy.MM.dd", "yyyyMMdd", "yy-M-d", "dd_MM_yyyy", "yyyy.dd.MM"})
    void dateFormatsUseYearMonthAndDayOnce(String format) {
        assertEquals(format, VersionPolicy.fromSettings(Map.of("strategy", "date-tag", "format", format)).format());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yyyy.MM", "yyyy.MMM.dd", "yyy.MM.dd", "yyyy.MM.dd.dd", "yyyy/MM/dd", "yyyy.MM.dd'x'", "EEE", "yyyy.MM.dd HH"})
    void otherDateFormatsAreRefused(String format) {
        assertEquals("date-tag format '" + format + "' must use year (yy or yyyy), month (M or MM) and day (d or dd) once each, "
                + "separated by nothing or '.', '_', '-'", refusal(Map.of("strategy", "date-tag", "format", format)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{milestone}-{sprint}-{date}", "{milestone}.{phase}", "r{commit}", "{milestone}{date}"})
    void compositeTemplatesUseKnownParts(String format) {
        assertEquals(format, VersionPolicy.fromSettings(Map.of("strategy", "composite", "format", format)).format());
    }

    @Test
    void compositeTemplatesWithUnknownPartsOrUnsafeTextAreRefused() {
        assertEquals("composite format '{milestone}-{build}' uses {build}; known parts: {milestone}, {sprint}, {date}, {phase}, {commit}",
                refusal(Map.of("strategy", "composite", "format", "{milestone}-{build}")));
        String needsParts = "needs at least one part such as {milestone}, and between parts only letters, digits, '.', '_', '+' or '-'";
        assertEquals("composite format '{milestone}/{date}' " + needsParts, refusal(Map.of("strategy", "composite", "format", "{milestone}/{date}")));
        assertEquals("composite format 'release' " + needsParts, refusal(Map.of("strategy", "composite", "format", "release")));
        assertEquals("composite format '{milestone' " + needsParts, refusal(Map.of("strategy", "composite", "format", "{milestone")));
    }

    private static String refusal(Map<String, ?> settings) {
        return assertThrows(IllegalArgumentException.class, () -> VersionPolicy.fromSettings(new HashMap<>(settings))).getMessage();
    }
}
