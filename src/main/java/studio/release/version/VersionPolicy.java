package studio.release.version;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import studio.format.Names;

/**
 * The rules the {@link VersionResolver} follows (version-resolver.yaml): a strategy, a prefix and suffix around
 * derived tags, a strategy-specific format, the semantic-version part to increment, and a fallback strategy for
 * when the primary one cannot produce a tag.
 *
 * <p>{@code format} belongs to the strategy: {@code semver} (or nothing) for milestone-based and semver-auto; a
 * date pattern of {@code y}, {@code M}, {@code d} and {@code . _ -} for date-tag (default {@code yyyy.MM.dd});
 * a template of {@code {milestone} {sprint} {date} {phase} {commit}} and tag characters for composite (default
 * {@code {milestone}-{sprint}-{date}}); nothing for git-commit-hash. The fallback always uses its default format.
 *
 * @param prefix        put before derived tags ("v"); "" for none
 * @param suffix        put after derived tags ("-mvp"); "" for none
 * @param format        null for the strategy's default
 * @param autoIncrement which part of a semantic version the next release bumps
 * @param fallback      null when there is none
 */
public record VersionPolicy(VersionStrategy strategy, String prefix, String suffix, String format, Increment autoIncrement,
                            VersionStrategy fallback) {

    public enum Increment {
        MAJOR, MINOR, PATCH;

        static Increment parse(String text) {
            try {
                return Names.parse(Increment.class, text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("autoIncrement must be major, minor or patch, not '" + text + "'");
            }
        }
    }

    // Before DEFAULT: the constructor of DEFAULT uses it.
    private static final Pattern AFFIX = Pattern.compile("[A-Za-z0-9._+-]{0,40}");

    /** Studio's default: the milestone's versionTag, else today's date. */
    public static final VersionPolicy DEFAULT = new VersionPolicy(VersionStrategy.MILESTONE_BASED, "", "", null, Increment.PATCH,
            VersionStrategy.DATE_TAG);

    public VersionPolicy {
        if (strategy == null) strategy = VersionStrategy.MILESTONE_BASED;
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
        if (autoIncrement == null) autoIncrement = Increment.PATCH;
        if (fallback == strategy) fallback = null;
        checkAffix("prefix", prefix);
        checkAffix("suffix", suffix);
        Optional<String> problem = VersionFormats.problem(strategy, format);
        if (problem.isPresent()) throw new IllegalArgumentException(problem.get());
    }

    /** {@link #DEFAULT} with {@code settings} applied (see {@link #merge}). */
    public static VersionPolicy fromSettings(Map<String, ?> settings) {
        return DEFAULT.merge(settings);
    }

    /**
     * This policy with {@code settings} applied on top, key by key: a milestone's {@code versionStrategy} map over
     * the global policy, the milestone winning. Keys: strategy, prefix, suffix, format, autoIncrement (also
     * auto_increment), fallback ("none" for no fallback). A format is tied to its strategy, so when the settings
     * change the strategy, this policy's format is not inherited.
     *
     * @throws IllegalArgumentException for an unknown key or value, saying which
     */
    public VersionPolicy merge(Map<String, ?> settings) {
        Map<String, String> s = texts(settings);
        VersionStrategy newStrategy = s.containsKey("strategy") ? VersionStrategy.parse(s.get("strategy")) : strategy;
        String inheritedFormat = newStrategy == strategy ? format : null;
        return new VersionPolicy(newStrategy,
                s.getOrDefault("prefix", prefix),
                s.getOrDefault("suffix", suffix),
                s.containsKey("format") ? emptyToNull(s.get("format")) : inheritedFormat,
                s.containsKey("autoIncrement") ? Increment.parse(s.get("autoIncrement")) : autoIncrement,
                s.containsKey("fallback") ? parseFallback(s.get("fallback")) : fallback);
    }

    /** The settings as texts under their canonical keys; numbers as written (1, not 1.0). */
    private static Map<String, String> texts(Map<String, ?> settings) {
        Map<String, String> out = new LinkedHashMap<>();
        if (settings == null) return out;
        settings.forEach((key, value) -> {
            String canonical = canonicalKey(key);
            if (value != null) out.put(canonical, text(canonical, value));
        });
        return out;
    }

    private static String canonicalKey(String key) {
        String k = key == null ? "" : key.trim();
        return switch (k) {
            case "strategy", "prefix", "suffix", "format", "fallback", "autoIncrement" -> k;
            case "auto_increment", "auto-increment" -> "autoIncrement";
            default -> throw new IllegalArgumentException("unknown versionStrategy setting '" + key
                    + "' (known: strategy, prefix, suffix, format, autoIncrement, fallback)");
        };
    }

    private static String text(String key, Object value) {
        if (value instanceof String s) return s.trim();
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : n.toString();
        }
        throw new IllegalArgumentException("versionStrategy." + key + " must be a text, not " + value);
    }

    private static VersionStrategy parseFallback(String text) {
        return text.isEmpty() || text.equalsIgnoreCase("none") ? null : VersionStrategy.parse(text);
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static void checkAffix(String name, String value) {
        if (!AFFIX.matcher(value).matches()) {
            throw new IllegalArgumentException("versionStrategy." + name + " '" + VersionTags.printable(value)
                    + "' may hold only letters, digits, '.', '_', '+' and '-' (at most 40)");
        }
    }
}
