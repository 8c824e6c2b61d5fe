package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.governance.ReleaseEnvironment.PRODUCTION;
import static studio.governance.ReleaseEnvironment.QA;
import static studio.governance.ReleaseEnvironment.STAGING;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where a version may go next: forward through staging, qa, production, each earlier one completed unless optional. */
class PromotionPathTest {

    static Map<ReleaseEnvironment, String> deployed(Object... pairs) {
        Map<ReleaseEnvironment, String> m = new EnumMap<>(ReleaseEnvironment.class);
        for (int i = 0; i < pairs.length; i += 2) m.put((ReleaseEnvironment) pairs[i], (String) pairs[i + 1]);
        return m;
    }

    static Optional<String> why(ReleaseEnvironment target, Map<ReleaseEnvironment, String> deployed, ReleaseEnvironment... optional) {
        return PromotionPath.refusal("v1", target, deployed, Set.of(optional));
    }

    @Test
    void eachEarlierEnvironmentMustHaveCompletedIt() {
        assertEquals(Optional.empty(), why(QA, deployed(STAGING, "completed")));
        assertEquals(Optional.of("promoting version v1 to qa needs it completed in staging first; there it is deploying"),
                why(QA, deployed(STAGING, "deploying")));
        assertEquals(Optional.of("promoting version v1 to production needs it completed in qa first; it was never deployed there"),
                why(PRODUCTION, deployed(STAGING, "completed")));
        assertEquals(Optional.of("promoting version v1 to production needs it completed in qa first; there it is failed"),
                why(PRODUCTION, deployed(STAGING, "completed", QA, "failed")));
        assertEquals(Optional.empty(), why(PRODUCTION, deployed(STAGING, "completed", QA, "completed")));
    }

    @Test
    void anOptionalEnvironmentMayBeSkippedButSomethingBeforeMustHaveRun() {
        assertEquals(Optional.empty(), why(PRODUCTION, deployed(STAGING, "completed"), QA));
        assertEquals(Optional.of("version v1 has not completed in an environment before production yet: a promotion moves a version that ran"),
                why(PRODUCTION, deployed(STAGING, "failed"), STAGING, QA));
    }

    @Test
    void neverTwiceInOneEnvironmentNorBackwardsButAgainAfterARejection() {
        assertEquals(Optional.of("version v1 is already in qa (paused for approval)"),
                why(QA, deployed(STAGING, "completed", QA, "paused_for_approval")));
        assertEquals(Optional.empty(), why(QA, deployed(STAGING, "completed", QA, "rejected")));
        assertEquals(Optional.empty(), why(QA, deployed(STAGING, "completed", QA, "rolled_back")));
        assertEquals(Optional.of("version v1 is already past staging: it is in production (completed); promotions move forward through staging, qa, production"),
                why(STAGING, deployed(PRODUCTION, "completed")));
    }
}
