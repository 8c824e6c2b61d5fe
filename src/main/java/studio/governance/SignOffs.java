package studio.governance;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who has signed off on one milestone: the person whose decision stands on each manual gate, and the approvers of
 * each live override request. Each sign-off must come from a different person, so one person holding several roles
 * cannot approve two manual gates, or a manual gate and an override, of the same milestone.
 *
 * @param manualGates per manual gate key, the person whose decision stands on it
 * @param overrides   per live override request (requested or approved), the people who approved it
 */
public record SignOffs(Map<String, String> manualGates, Map<Long, Set<String>> overrides) {

    public static final SignOffs NONE = new SignOffs(Map.of(), Map.of());

    public SignOffs {
        manualGates = Map.copyOf(manualGates);
        overrides = Map.copyOf(overrides);
    }

    /** From the milestone's override tickets (live ones only) and its standing manual decisions. */
    public static SignOffs of(Map<String, String> manualGates, List<OverrideTicket> tickets) {
        Map<Long, Set<String>> overrides = new java.util.HashMap<>();
        for (OverrideTicket t : tickets) {
            if (!t.live()) continue;
            Set<String> people = new HashSet<>();
            t.approvals().forEach(a -> people.add(a.person()));
            overrides.put(t.id(), people);
        }
        return new SignOffs(manualGates, overrides);
    }

    /** What {@code person} signed besides the manual gate {@code gateKey}, or null when nothing. */
    public String elsewhereThanGate(String person, String gateKey) {
        for (var e : manualGates.entrySet()) {
            if (!e.getKey().equals(gateKey) && e.getValue().equals(person)) return "the manual gate " + e.getKey();
        }
        return overrideSignedBy(person, null);
    }

    /** What {@code person} signed besides the override {@code overrideId}, or null when nothing. */
    public String elsewhereThanOverride(String person, long overrideId) {
        for (var e : manualGates.entrySet()) {
            if (e.getValue().equals(person)) return "the manual gate " + e.getKey();
        }
        return overrideSignedBy(person, overrideId);
    }

    private String overrideSignedBy(String person, Long except) {
        for (var e : overrides.entrySet()) {
            if (!e.getKey().equals(except) && e.getValue().contains(person)) return "override " + e.getKey();
        }
        return null;
    }
}
