package studio.release.version;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numeric core of a semantic version (MAJOR.MINOR.PATCH, no leading zeros). Components of more than 18 digits
 * are not read as versions, so arithmetic never overflows.
 */
record SemVer(long major, long minor, long patch) implements Comparable<SemVer> {

    static final SemVer FIRST = new SemVer(1, 0, 0);
    static final String CORE = "(0|[1-9][0-9]{0,17})\\.(0|[1-9][0-9]{0,17})\\.(0|[1-9][0-9]{0,17})";

    /** Reads three numbers captured by {@link #CORE} starting at group {@code first}. */
    static SemVer of(Matcher m, int first) {
        return new SemVer(Long.parseLong(m.group(first)), Long.parseLong(m.group(first + 1)), Long.parseLong(m.group(first + 2)));
    }

    /** The tags {@code lead + MAJOR.MINOR.PATCH + trail}: one line of versions. */
    static Pattern line(String lead, String trail) {
        return Pattern.compile(Pattern.quote(lead) + CORE + Pattern.quote(trail));
    }

    /** The version of {@code tag} if it belongs to {@code line}. */
    static Optional<SemVer> in(Pattern line, String tag) {
        Matcher m = line.matcher(tag);
        return m.matches() ? Optional.of(of(m, 1)) : Optional.empty();
    }

    SemVer bump(VersionPolicy.Increment part) {
        return switch (part) {
            case MAJOR -> new SemVer(major + 1, 0, 0);
            case MINOR -> new SemVer(major, minor + 1, 0);
            case PATCH -> new SemVer(major, minor, patch + 1);
        };
    }

    /**
     * Whether {@code other} competes with this version for the next {@code part} bump: a patch release continues
     * its MAJOR.MINOR, a minor release its MAJOR, a major release competes with every version.
     */
    boolean sameSeries(SemVer other, VersionPolicy.Increment part) {
        return switch (part) {
            case MAJOR -> true;
            case MINOR -> major == other.major;
            case PATCH -> major == other.major && minor == other.minor;
        };
    }

    @Override
    public int compareTo(SemVer o) {
        int c = Long.compare(major, o.major);
        if (c == 0) c = Long.compare(minor, o.minor);
        return c != 0 ? c : Long.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
