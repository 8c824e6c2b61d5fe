package studio.release.version;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The next free tag in a line of tags: versions, counters, or numbered copies (".2", ".3"). */
final class TagSequences {

    private static final Pattern SEMVER_INSIDE = Pattern.compile("(.*?)" + SemVer.CORE + "(.*)");
    private static final Pattern COUNTER_AT_END = Pattern.compile("(.*?)([0-9]{1,18})");

    private TagSequences() {}

    /**
     * The tag that follows the taken {@code tag} in its line. A tag holding a semantic version (v1.0.0-mvp) bumps
     * {@code part} above the highest taken version of the same line and series (see {@link SemVer#sameSeries});
     * a tag ending in a number (mvp-v1) counts on above the highest taken number after the same stem, keeping
     * zero padding (build-007, build-008); any other tag gets ".2", ".3" (see {@link #numbered}).
     */
    static String after(String tag, VersionPolicy.Increment part, TakenTags taken) {
        Matcher semver = SEMVER_INSIDE.matcher(tag);
        if (semver.matches()) return nextVersion(semver.group(1), SemVer.of(semver, 2), semver.group(5), part, taken);
        Matcher counter = COUNTER_AT_END.matcher(tag);
        if (counter.matches()) return nextCount(counter.group(1), counter.group(2), taken);
        return numbered(tag, "", taken);
    }

    /** Above the highest taken {@code lead + version + trail} in {@code base}'s series; from {@code base} when none is higher. */
    static String nextVersion(String lead, SemVer base, String trail, VersionPolicy.Increment part, TakenTags taken) {
        SemVer highest = highestVersion(lead, trail, taken, v -> base.sameSeries(v, part)).filter(v -> v.compareTo(base) > 0).orElse(base);
        return lead + highest.bump(part) + trail; // above every taken version of its series, so free
    }

    /** Above the highest taken version of the line, or {@link SemVer#FIRST} when the line is empty. */
    static String nextVersion(String lead, String trail, VersionPolicy.Increment part, TakenTags taken) {
        Optional<SemVer> highest = highestVersion(lead, trail, taken, v -> true);
        return lead + highest.map(v -> v.bump(part)).orElse(SemVer.FIRST) + trail;
    }

    /** {@code base + trail} when free, else {@code base.2 + trail}, {@code base.3 + trail}, ... whichever is free first. */
    static String numbered(String base, String trail, TakenTags taken) {
        if (!taken.contains(base + trail)) return base + trail;
        int n = 2;
        while (taken.contains(base + "." + n + trail)) n++;
        return base + "." + n + trail;
    }

    private static Optional<SemVer> highestVersion(String lead, String trail, TakenTags taken, Predicate<SemVer> series) {
        Pattern line = SemVer.line(lead, trail);
        return taken.tags().stream().map(t -> SemVer.in(line, t)).flatMap(Optional::stream).filter(series).max(SemVer::compareTo);
    }

    private static String nextCount(String stem, String digits, TakenTags taken) {
        Pattern line = Pattern.compile(Pattern.quote(stem) + "([0-9]{1,18})");
        long highest = Long.parseLong(digits);
        for (String t : taken.tags()) {
            Matcher m = line.matcher(t);
            if (m.matches()) highest = Math.max(highest, Long.parseLong(m.group(1)));
        }
        int width = digits.length() > 1 && digits.startsWith("0") ? digits.length() : 1;
        return stem + String.format("%0" + width + "d", highest + 1); // above every taken number after the stem, so free
    }
}
