package studio.release.version;

import java.util.Optional;
import studio.release.version.TagCandidates.Attempt;
import studio.release.version.VersionResolution.Rejected;
import studio.release.version.VersionResolution.Resolved;

/**
 * Chooses a release's version tag: the one the request names, or one derived by the {@link VersionPolicy}.
 *
 * <h2>A named tag</h2>
 * Used as written when it is a valid tag ({@link VersionTags}; otherwise 400) and free (otherwise 409: "version
 * tag mvp-v1 exists (release of mvp-ready)"). A null or blank tag counts as not named. The policy's prefix and
 * suffix do not apply.
 *
 * <h2>Derived tags, by strategy</h2>
 * <ul>
 *   <li><b>milestone-based</b>: the milestone's versionTag. A bare version number (1.0.0) gets the prefix and
 *       suffix (v1.0.0-mvp); a named tag (mvp-v1) is used as written. When it is taken, the next one in its line:
 *       a tag holding MAJOR.MINOR.PATCH bumps {@code autoIncrement} above the highest taken version with the same
 *       text around it, within the series that increment continues (patch: same MAJOR.MINOR, so v1.0.0-mvp with
 *       v1.0.1..v1.0.3-mvp taken gives v1.0.4-mvp; minor: same MAJOR; major: all); a tag ending in a number counts
 *       on (mvp-v1, mvp-v2; build-007, build-008); any other tag gets .2, .3 (beta, beta.2). Cannot produce a tag
 *       when the milestone has no versionTag, or an unusable one.</li>
 *   <li><b>semver-auto</b>: prefix + MAJOR.MINOR.PATCH + suffix, bumping {@code autoIncrement} above the highest
 *       taken tag of exactly that shape (leading zeros and 19-digit parts are not versions); 1.0.0 when there is
 *       none.</li>
 *   <li><b>date-tag</b>: prefix + today in the format (default yyyy.MM.dd) + suffix; when taken, .2, .3 after the
 *       date (2025.05.14.2, v2025.05.14.2-mvp).</li>
 *   <li><b>composite</b>: prefix + the format's parts + suffix, default {@code {milestone}-{sprint}-{date}}:
 *       milestone id, the last of the contributing sprints, today as yyyy.MM.dd, the milestone's phase, the
 *       7-digit commit; free text is made tag-safe ("Phase 2" becomes Phase-2). When taken, .2, .3 before the
 *       suffix. Cannot produce a tag when a part it uses is unknown.</li>
 *   <li><b>git-commit-hash</b>: prefix + the commit's first 7 hex digits + suffix, one digit longer while taken,
 *       then the full hash with .2, .3. Cannot produce a tag without a valid commit hash.</li>
 * </ul>
 * A derived tag that breaks {@link VersionTags} (too long, say) counts as not produced. When the strategy cannot
 * produce a tag, the fallback strategy (with its default format, the same prefix and suffix) is tried; when that
 * cannot either, or there is none, the answer is 400 asking for a named tag.
 *
 * <h2>Concurrency</h2>
 * The resolver is deterministic for a given taken set. Two simultaneous releases may derive the same tag; the
 * database's unique constraint lets one win, and the other resolves again with the winner's tag in the taken set.
 */
public final class VersionResolver {

    private VersionResolver() {}

    public static VersionResolution resolve(VersionRequest request) {
        String named = request.requestedTag();
        if (named != null && !named.isBlank()) return named(named, request.taken());
        VersionPolicy policy = request.policy();
        Attempt primary = TagCandidates.produce(policy.strategy(), policy.format(), request);
        if (primary instanceof Attempt.Produced p) return new Resolved(p.tag(), policy.strategy(), policy.strategy().spelling() + ": " + p.how());
        String failed = policy.strategy().spelling() + " cannot derive one (" + ((Attempt.Unavailable) primary).why() + ")";
        if (policy.fallback() == null) return new Rejected(400, "no version tag given and " + failed + "; name a version_tag");
        Attempt second = TagCandidates.produce(policy.fallback(), null, request);
        String fallback = "fallback " + policy.fallback().spelling();
        if (second instanceof Attempt.Produced p) return new Resolved(p.tag(), policy.fallback(), failed + "; " + fallback + ": " + p.how());
        return new Rejected(400, "no version tag given, " + failed + " and " + fallback + " cannot either ("
                + ((Attempt.Unavailable) second).why() + "); name a version_tag");
    }

    private static VersionResolution named(String tag, TakenTags taken) {
        Optional<String> problem = VersionTags.problem(tag);
        if (problem.isPresent()) return new Rejected(400, problem.get());
        if (taken.contains(tag)) return new Rejected(409, "version tag " + tag + " exists" + taken.heldBy(tag).map(m -> " (release of " + m + ")").orElse(""));
        return new Resolved(tag, null, "named in the request");
    }
}
