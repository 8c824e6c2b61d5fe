package studio.notify;

import java.util.Set;
import studio.governance.Actor;

/** Someone Studio can notify: their name as the audit trail records it, their address, and their Studio roles. */
public record Person(String name, String email, String displayName, Set<String> roles) {

    public Person {
        roles = Set.copyOf(roles);
    }

    /** As the policies judge them. */
    public Actor actor() {
        return new Actor(name, roles);
    }

    /** An address that can receive mail (the identity provider may hold none). */
    public boolean reachableByEmail() {
        return email != null && email.contains("@");
    }
}
