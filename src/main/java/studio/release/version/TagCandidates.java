package studio.release.version;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** One strategy's attempt at a tag for a release (see {@link VersionResolver} for the rules in words). */
final class TagCandidates {

    /** A tag a strategy produced, with how; or why it could not produce one. */
    sealed interface Attempt {
        record Produced(String tag, String how) implements Attempt {}

        record Unavailable(String why) implements Attempt {}
    }

    private static final Pattern BARE_SEMVER = Pattern.compile(SemVer.CORE);
    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{7,64}");
    private static final Pattern NOT_TAG_TEXT = Pattern.compile("[^A-Za-z0-9._+-]+");
    private static final int SHORT_COMMIT = 7;

    private TagCandidates() {}

    /** @param format the strategy's format, null for its default */
    static Attempt produce(VersionStrategy strategy, String format, VersionRequest r) {
        Attempt attempt = switch (strategy) {
            case MILESTONE_BASED -> milestoneBased(r);
            case SEMVER_AUTO -> semverAuto(r);
            case DATE_TAG -> dateTag(r, format);
            case COMPOSITE -> composite(r, format);
            case GIT_COMMIT_HASH -> commitHash(r);
        };
        if (attempt instanceof Attempt.Produced p) {
            Optional<String> problem = VersionTags.problem(p.tag());
            if (problem.isPresent()) return new Attempt.Unavailable(problem.get());
        }
        return attempt;
    }

    private static Attempt milestoneBased(VersionRequest r) {
        VersionedMilestone m = r.milestone();
        if (m.versionTag() == null || m.versionTag().isBlank()) return new Attempt.Unavailable("milestone " + m.id() + " has no versionTag");
        String base = decorate(m.versionTag().trim(), r.policy());
        Optional<String> problem = VersionTags.problem(base);
        if (problem.isPresent()) return new Attempt.Unavailable("the versionTag of milestone " + m.id() + " cannot be used: " + problem.get());
        if (!r.taken().contains(base)) return new Attempt.Produced(base, "the versionTag of milestone " + m.id());
        String next = TagSequences.after(base, r.policy().autoIncrement(), r.taken());
        return new Attempt.Produced(next, "the versionTag of milestone " + m.id() + ", " + r.taken().describe(base) + ", is taken; next in its line");
    }

    /** A bare version number (1.0.0) gets the policy's prefix and suffix (v1.0.0-mvp); a named tag is used as written. */
    private static String decorate(String versionTag, VersionPolicy p) {
        return BARE_SEMVER.matcher(versionTag).matches() ? p.prefix() + versionTag + p.suffix() : versionTag;
    }

    private static Attempt semverAuto(VersionRequest r) {
        VersionPolicy p = r.policy();
        String tag = TagSequences.nextVersion(p.prefix(), p.suffix(), p.autoIncrement(), r.taken());
        return new Attempt.Produced(tag, "next " + p.autoIncrement().name().toLowerCase(Locale.ROOT) + " version of "
                + p.prefix() + "MAJOR.MINOR.PATCH" + p.suffix());
    }

    private static Attempt dateTag(VersionRequest r, String format) {
        VersionPolicy p = r.policy();
        String tag = TagSequences.numbered(p.prefix() + VersionFormats.date(format, r.today()), p.suffix(), r.taken());
        return new Attempt.Produced(tag, "the date " + r.today());
    }

    private static Attempt composite(VersionRequest r, String format) {
        String template = VersionFormats.template(format);
        Map<String, Optional<String>> values = compositeValues(r);
        String body = template;
        for (String part : VersionFormats.placeholders(template)) {
            Optional<String> value = values.get(part);
            if (value.isEmpty()) return new Attempt.Unavailable("composite format " + template + " needs {" + part + "}: " + missing(part, r));
            body = body.replace("{" + part + "}", value.get());
        }
        VersionPolicy p = r.policy();
        return new Attempt.Produced(TagSequences.numbered(p.prefix() + body, p.suffix(), r.taken()), "composite " + template);
    }

    private static Map<String, Optional<String>> compositeValues(VersionRequest r) {
        Map<String, Optional<String>> values = new LinkedHashMap<>();
        values.put("milestone", slug(r.milestone().id()));
        List<String> sprints = r.sprintIds();
        values.put("sprint", sprints.isEmpty() ? Optional.empty() : slug(sprints.get(sprints.size() - 1)));
        values.put("date", Optional.of(VersionFormats.date(null, r.today())));
        values.put("phase", slug(r.milestone().phase()));
        values.put("commit", commit(r).map(c -> c.substring(0, SHORT_COMMIT)));
        return values;
    }

    private static String missing(String part, VersionRequest r) {
        return switch (part) {
            case "sprint" -> "no contributing sprint given";
            case "phase" -> "milestone " + r.milestone().id() + " has no phase";
            case "commit" -> r.commitHash() == null ? "no commit hash given" : commitProblem(r.commitHash());
            default -> "milestone " + r.milestone().id() + " gives no usable " + part;
        };
    }

    private static Attempt commitHash(VersionRequest r) {
        if (r.commitHash() == null || r.commitHash().isBlank()) return new Attempt.Unavailable("no commit hash given");
        Optional<String> hash = commit(r);
        if (hash.isEmpty()) return new Attempt.Unavailable(commitProblem(r.commitHash()));
        VersionPolicy p = r.policy();
        String full = hash.get();
        for (int length = SHORT_COMMIT; length <= full.length(); length++) {
            String tag = p.prefix() + full.substring(0, length) + p.suffix();
            if (!r.taken().contains(tag)) return new Attempt.Produced(tag, "commit " + full);
        }
        return new Attempt.Produced(TagSequences.numbered(p.prefix() + full, p.suffix(), r.taken()), "commit " + full + ", released before");
    }

    private static Optional<String> commit(VersionRequest r) {
        String hash = r.commitHash() == null ? "" : r.commitHash().trim();
        return COMMIT.matcher(hash).matches() ? Optional.of(hash.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static String commitProblem(String hash) {
        return "commit hash '" + VersionTags.printable(hash) + "' is not a git object id (7 to 64 hexadecimal digits)";
    }

    /** Free text made tag-safe: "Phase 2" becomes "Phase-2"; empty when nothing usable remains. */
    private static Optional<String> slug(String text) {
        if (text == null) return Optional.empty();
        String slug = NOT_TAG_TEXT.matcher(text.trim()).replaceAll("-").replaceAll("^[._+-]+|[._+-]+$", "");
        return slug.isEmpty() ? Optional.empty() : Optional.of(slug);
    }
}
