package studio.release;

import java.time.Instant;
import java.util.List;
import studio.release.lifecycle.ReleaseState;
import studio.release.lifecycle.ReleaseTransition;

/** Fired (synchronously, inside the transaction) when a release moved: for webhooks and pages that follow releases. */
public record ReleaseChanged(String versionTag, String milestoneId, String environment, List<ReleaseTransition> transitions,
                             ReleaseState state, Instant requestedAt) {

    public ReleaseChanged {
        transitions = List.copyOf(transitions);
    }
}
