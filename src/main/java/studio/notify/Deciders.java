package studio.notify;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import studio.inbox.ApprovalInbox;
import studio.release.approval.ReleaseInbox;

/**
 * Who may decide each pending item, by name, for the milestone and release pages ({@code {inject:deciders...}}), so
 * nobody has to chase approvers: the people Studio knows ({@link People}) judged by the same policies as when they act
 * (a role the milestone or release names, not the requester, not already counted). Computed once per page and item.
 */
@Named("deciders")
@RequestScoped
public class Deciders {

    @Inject
    People people;
    @Inject
    ApprovalInbox inbox;
    @Inject
    ReleaseInbox releases;

    private Map<String, Person> known;
    private final Map<String, Map<String, List<String>>> milestones = new HashMap<>();
    private final Map<String, List<String>> releaseDeciders = new HashMap<>();

    /** "qa-lead-2 (qa-lead), platform-admin (platform-admin)" for an item of the milestone ({@code override-4}, {@code bypass-2}, ...), or null. */
    public String on(String milestoneId, String itemKey) {
        List<String> names = milestones.computeIfAbsent(milestoneId, id -> inbox.decidersOn(id, actors())).getOrDefault(itemKey, List.of());
        return words(names);
    }

    /** The same for a release waiting for approval. */
    public String onRelease(String versionTag) {
        List<String> names = releaseDeciders.computeIfAbsent(versionTag, tag -> releases.awaitingEach(actors()).entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(i -> i.versionTag().equals(tag))).map(Map.Entry::getKey).toList());
        return words(names);
    }

    private List<studio.governance.Actor> actors() {
        if (known == null) known = people.acting().stream().collect(Collectors.toMap(Person::name, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
        return known.values().stream().map(Person::actor).toList();
    }

    private String words(List<String> names) {
        if (names.isEmpty()) return null;
        return names.stream().map(n -> n + " (" + String.join(", ", known.get(n).roles().stream().sorted().toList()) + ")")
                .collect(Collectors.joining(", "));
    }
}
