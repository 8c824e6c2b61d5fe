package studio.governance;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a version may be promoted next (docs/API.md "Environments and promotions"): environments form a lifecycle in
 * {@link ReleaseEnvironment} order (staging, qa, production). A version goes to an environment only once it completed in
 * every earlier environment that is not optional, never to one it already runs in (or waits for), and never back to
 * one before where it already is. The states are the release states as the API writes them.
 */
public final class PromotionPath {

    /** A deployment in one of these never ran, or no longer runs: the version may be promoted there again. */
    public static final Set<String> GONE = Set.of("rejected", "aborted", "rolled_back");

    private PromotionPath() {}

    /** Whether a deployment in {@code state} runs or is on its way (null: there is none). */
    public static boolean live(String state) {
        return state != null && !GONE.contains(state);
    }

    /**
     * Why a new version may not start in {@code target}, or empty: a version's first deployment goes to the first
     * environment of the lifecycle that is not optional, and reaches the later ones only by promotion, so nobody
     * releases straight to production a version that never ran in staging and qa.
     */
    public static Optional<String> firstDeploymentRefusal(ReleaseEnvironment target, Set<ReleaseEnvironment> optional) {
        java.util.List<String> skipped = java.util.Arrays.stream(ReleaseEnvironment.values())
                .filter(e -> e.ordinal() < target.ordinal() && !optional.contains(e)).map(ReleaseEnvironment::json).toList();
        if (skipped.isEmpty()) return Optional.empty();
        return Optional.of("a new version starts in " + skipped.get(0) + ": releasing it straight to " + target.json() + " would skip "
                + String.join(" and ", skipped) + "; release it to " + skipped.get(0) + ", then promote it (POST /api/releases/{tag}/promotions)");
    }

    /**
     * Why {@code version} may not be promoted to {@code target}, or empty.
     *
     * @param deployed the state of the version's newest deployment in each environment it was deployed to
     * @param optional environments the lifecycle lets a version skip
     */
    public static Optional<String> refusal(String version, ReleaseEnvironment target, Map<ReleaseEnvironment, String> deployed,
                                           Set<ReleaseEnvironment> optional) {
        String there = deployed.get(target);
        if (live(there)) {
            return Optional.of("version " + version + " is already in " + target.json() + " (" + there.replace('_', ' ') + ")");
        }
        for (ReleaseEnvironment later : ReleaseEnvironment.values()) {
            String state = deployed.get(later);
            if (later.ordinal() > target.ordinal() && live(state)) {
                return Optional.of("version " + version + " is already past " + target.json() + ": it is in " + later.json()
                        + " (" + state.replace('_', ' ') + "); promotions move forward through staging, qa, production");
            }
        }
        for (ReleaseEnvironment earlier : ReleaseEnvironment.values()) {
            if (earlier.ordinal() >= target.ordinal() || optional.contains(earlier)) continue;
            String state = deployed.get(earlier);
            if (!"completed".equals(state)) {
                return Optional.of("promoting version " + version + " to " + target.json() + " needs it completed in " + earlier.json()
                        + " first; " + (state == null ? "it was never deployed there" : "there it is " + state.replace('_', ' ')));
            }
        }
        boolean completedBefore = deployed.entrySet().stream()
                .anyMatch(e -> e.getKey().ordinal() < target.ordinal() && "completed".equals(e.getValue()));
        return completedBefore ? Optional.empty()
                : Optional.of("version " + version + " has not completed in an environment before " + target.json() + " yet: a promotion"
                        + " moves a version that ran");
    }
}
