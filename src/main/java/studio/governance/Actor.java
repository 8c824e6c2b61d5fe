package studio.governance;

import java.util.Collection;
import java.util.Set;

/** The person (or service account) asking, with the Studio roles their token carries. */
public record Actor(String name, Set<String> roles) {

    /** The actor of work Studio does on its own (timers, demo data). */
    public static final Actor SYSTEM = new Actor("studio", Set.of());

    public Actor {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean holds(String role) {
        return roles.contains(role);
    }

    /** The roles in a stable order, as the audit trail and the decision tables store them. */
    public String[] sortedRoles() {
        return roles.stream().sorted().toArray(String[]::new);
    }

    public boolean holdsAny(Collection<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }
}
