package studio.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.jwt.JsonWebToken;
import studio.definition.Role;
import studio.governance.Actor;
import studio.governance.Roles;

/**
 * Who is asking: the person (or CI service account) behind the current request, with their Studio roles only
 * (identity-provider roles stay out). Resources inject it and pass {@link #actor()} to the services they call;
 * templates reach it as {@code {inject:user}}. Work Studio does on its own (timers) acts as {@link Actor#SYSTEM}.
 */
@Named("user")
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    private Actor actor;

    /** The actor the policies judge and the audit trail records; {@link Actor#SYSTEM} for an anonymous request. */
    public Actor actor() {
        if (actor == null) actor = isSignedIn() ? new Actor(getName(), Set.copyOf(getRoles())) : Actor.SYSTEM;
        return actor;
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    /** The stable actor name recorded in the audit trail. */
    public String getName() {
        Principal p = identity.getPrincipal();
        if (p instanceof JsonWebToken jwt && jwt.getClaim("preferred_username") != null) {
            return jwt.getClaim("preferred_username");
        }
        return p == null ? "anonymous" : p.getName();
    }

    public String getDisplayName() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("name") != null) {
            return jwt.getClaim("name");
        }
        return getName();
    }

    /** The address the identity provider gives for them (the token's email claim), or null. */
    public String getEmail() {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("email") != null ? jwt.getClaim("email") : null;
    }

    /**
     * The Studio roles they hold: built-in ones, then the installation's extra deciding roles as declared at start
     * ({@code studio.roles.extra}, validated there), never read from the configuration per request.
     */
    public List<String> getRoles() {
        return Stream.concat(Roles.ALL.stream(), Role.extra().stream()).filter(identity::hasRole).toList();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAny(List<String> roles) {
        return roles.stream().anyMatch(identity::hasRole);
    }
}
