package studio.release.version;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a version tag may look like. Tags name git tags, image tags and URLs ({@code /api/releases/{tag}}), so
 * they stay within a safe alphabet: 1 to 100 characters of letters, digits and {@code . _ + -}, starting with a
 * letter or digit. On top of that, the two rules of git's ref syntax the alphabet still lets through: no
 * {@code ..}, and no {@code .} or {@code .lock} at the end; a tag git refuses would only fail later, in CI.
 */
public final class VersionTags {

    public static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,99}");

    private VersionTags() {}

    /** Why {@code tag} is not a valid version tag, or empty when it is. */
    public static Optional<String> problem(String tag) {
        if (tag == null || tag.isEmpty()) return Optional.of("a version tag cannot be empty");
        if (!SAFE.matcher(tag).matches()) {
            return Optional.of("version tag '" + printable(tag) + "' is not valid: use 1 to 100 letters, digits, '.', '_', '+' or '-', "
                    + "starting with a letter or digit");
        }
        if (tag.contains("..")) return Optional.of("version tag '" + tag + "' is not valid: git refuses '..' in a tag");
        if (tag.endsWith(".") || tag.endsWith(".lock")) {
            return Optional.of("version tag '" + tag + "' is not valid: git refuses a tag ending in '.' or '.lock'");
        }
        return Optional.empty();
    }

    /** Control characters shown as '?' and long input cut, so an error message stays one readable line. */
    static String printable(String text) {
        String cut = text.length() > 120 ? text.substring(0, 120) + "…" : text;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
