package studio.release.version;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The version tags already used by releases, each with the milestone its release came from (null when unknown),
 * so a refusal can say whose tag it is. Tags compare exactly, as git compares them.
 */
public final class TakenTags {

    private static final TakenTags NONE = new TakenTags(Map.of());

    private final Map<String, String> milestoneByTag;

    private TakenTags(Map<String, String> milestoneByTag) {
        this.milestoneByTag = milestoneByTag;
    }

    public static TakenTags none() {
        return NONE;
    }

    /** @param milestoneByTag version tag to the milestone id of the release that holds it (values may be null) */
    public static TakenTags of(Map<String, String> milestoneByTag) {
        return new TakenTags(Collections.unmodifiableMap(new LinkedHashMap<>(milestoneByTag)));
    }

    /** Tags whose releases' milestones are not known. */
    public static TakenTags of(Collection<String> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(t -> map.put(t, null));
        return new TakenTags(Collections.unmodifiableMap(map));
    }

    public boolean contains(String tag) {
        return milestoneByTag.containsKey(tag);
    }

    /** The milestone whose release holds {@code tag}, if known. */
    public Optional<String> heldBy(String tag) {
        return Optional.ofNullable(milestoneByTag.get(tag));
    }

    public Set<String> tags() {
        return milestoneByTag.keySet();
    }

    /** "mvp-v1 (release of mvp-ready)" or just the tag. */
    String describe(String tag) {
        return heldBy(tag).map(m -> tag + " (release of " + m + ")").orElse(tag);
    }
}
