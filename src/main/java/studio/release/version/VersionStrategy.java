package studio.release.version;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a release's version tag is derived when the request names none (version-resolver.yaml {@code strategy}). */
public enum VersionStrategy {
    /** The milestone's versionTag; the next one in its line when that is taken (v1.0.4-mvp, mvp-v2). */
    MILESTONE_BASED("milestone-based"),
    /** The next semantic version above the taken tags of the same prefix and suffix. */
    SEMVER_AUTO("semver-auto"),
    /** Today's date (2025.05.14), then 2025.05.14.2, .3 when taken. */
    DATE_TAG("date-tag"),
    /** Milestone, sprint and date in one tag (mvp-ready-sprint-07-2025.05.14). */
    COMPOSITE("composite"),
    /** The commit's abbreviated hash, longer when the short form is taken. */
    GIT_COMMIT_HASH("git-commit-hash");

    private final String spelling;

    VersionStrategy(String spelling) {
        this.spelling = spelling;
    }

    /** As configuration files write it: "milestone-based". */
    public String spelling() {
        return spelling;
    }

    /**
     * Reads a strategy name as configuration writes it ("semver-auto"), ignoring letter case and accepting
     * underscores for hyphens.
     *
     * @throws IllegalArgumentException naming the known strategies
     */
    public static VersionStrategy parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(s -> s.spelling.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown version strategy '" + text + "' (known: " + names() + ")"));
    }

    static String names() {
        return Arrays.stream(values()).map(VersionStrategy::spelling).collect(Collectors.joining(", "));
    }
}
