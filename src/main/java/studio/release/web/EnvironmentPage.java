package studio.release.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import studio.governance.ReleaseEnvironment;
import studio.milestone.MilestonePaths;

/**
 * One environment's own page: what its card on the environments page says (policy, protection, whether a version may
 * skip it, who defined it, the freeze in force, what runs, waits and failed there, a change waiting), every deployment
 * to it newest first in keyset pages, its freeze windows and calendar row, and the exceptions to its freezes with the
 * decisions the signed-in person may take.
 *
 * @param before   the deployment id this page of the history lists below (null: from the newest)
 * @param older    the id the next, older page lists below (null: this is the last page)
 * @param refusal  why a decision taken on this page was refused (null: none)
 */
public record EnvironmentPage(EnvironmentsPage.Card card, List<EnvironmentsPage.Day> days, List<Deployment> deployments, Long before, Long older,
                              List<EnvironmentsPage.ExceptionRow> exceptions, String notice, String refusal) {

    /** "/releases/environments/qa". */
    public static String path(String environment) {
        return "/releases/environments/" + environment;
    }

    public String path() {
        return path(card.name());
    }

    /** The next page of the history: the deployments older than the last one shown. */
    public String olderHref() {
        return path() + "?before=" + older + "#deployments";
    }

    /** Every environment, in lifecycle order, for the links between their pages. */
    public List<String> environments() {
        return Arrays.stream(ReleaseEnvironment.values()).map(ReleaseEnvironment::json).toList();
    }

    /** One deployment to the environment: a release row, as the history table lists it ({@code hotfixOf}: null unless a hotfix). */
    public record Deployment(long id, String tag, String environment, String milestoneId, String state, String requestedBy, Instant requestedAt,
                             Instant releasedAt, String hotfixOf) {

        /** The version's deployment to this environment. */
        public String path() {
            return ReleasePage.path(tag) + "?environment=" + environment;
        }

        public String milestonePath() {
            return MilestonePaths.page(milestoneId);
        }

        /** "Rolled back". */
        public String stateLabel() {
            return studio.release.lifecycle.ReleaseState.fromJson(state).label();
        }
    }
}
