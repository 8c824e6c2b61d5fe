package studio.notify;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import studio.inbox.ApprovalInbox;
import studio.release.approval.ReleaseInbox;

/**
 * Who may decide each pending item, by name, for the milestone and release pages ({@code {inject:deciders...}}), so
 * nobody has to chase approvers: the people Studio knows ({@link People}) judged by the same policies as when they act
 * (a role the milestone or release names, not the requester, not already counted). Worked out once per milestone or
 * release and reused by every page that shows it while the audit trail's head holds, for a few seconds
 * ({@link KeptDeciders}): names to look at, never a control.
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
    @Inject
    KeptDeciders kept;

    private Map<String, Person> known;

    /** "qa-lead-2 (qa-lead), platform-admin (platform-admin)" for an item of the milestone ({@code override-4}, {@code bypass-2}, ...), or null. */
    public String on(String milestoneId, String itemKey) {
        return kept.onMilestone(milestoneId, inbox.auditHead(), () -> namesOn(milestoneId)).get(itemKey);
    }

    /** The same for a release waiting for approval. */
    public String onRelease(String versionTag) {
        return kept.onRelease(versionTag, inbox.auditHead(), () -> Optional.ofNullable(namesOnRelease(versionTag))).orElse(null);
    }

    private Map<String, String> namesOn(String milestoneId) {
        Map<String, String> out = new HashMap<>();
        inbox.decidersOn(milestoneId, actors()).forEach((item, names) -> {
            if (!names.isEmpty()) out.put(item, words(names));
        });
        return Map.copyOf(out);
    }

    private String namesOnRelease(String versionTag) {
        return words(releases.awaitingEach(actors()).entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(i -> i.versionTag().equals(versionTag))).map(Map.Entry::getKey).toList());
    }

    private List<studio.governance.Actor> actors() {
        if (known == null) known = people.actingByName();
        return known.values().stream().map(Person::actor).toList();
    }

    private String words(List<String> names) {
        if (names.isEmpty()) return null;
        return names.stream().map(n -> n + " (" + String.join(", ", known.get(n).roles().stream().sorted().toList()) + ")")
                .collect(Collectors.joining(", "));
    }
}
