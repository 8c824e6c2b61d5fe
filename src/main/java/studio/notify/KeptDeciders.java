package studio.notify;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import studio.web.AsOfHead;

/**
 * Who may decide, as {@link Deciders} worked it out, kept across requests: per milestone (each waiting item's key to its
 * deciders' names) and per release. Working it out runs the inbox's candidate queries and every known person's policies
 * (about a dozen statements), and everyone on a busy milestone's page would otherwise run them on every view and poll.
 */
@ApplicationScoped
public class KeptDeciders {

    static final long TTL_NANOS = 5_000_000_000L;
    private static final int CAPACITY = 10_000;

    private final AsOfHead<String, Map<String, String>> milestones = new AsOfHead<>(TTL_NANOS, CAPACITY);
    private final AsOfHead<String, Optional<String>> releases = new AsOfHead<>(TTL_NANOS, CAPACITY);

    /** Each waiting item's deciders on the milestone, kept at audit head {@code head}. */
    public Map<String, String> onMilestone(String milestoneId, String head, Supplier<Map<String, String>> workOut) {
        return milestones.get(milestoneId, head, workOut);
    }

    /** The deciders of the release, kept at audit head {@code head}. */
    public Optional<String> onRelease(String versionTag, String head, Supplier<Optional<String>> workOut) {
        return releases.get(versionTag, head, workOut);
    }
}
