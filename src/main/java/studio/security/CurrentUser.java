package studio.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.security.Principal;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import studio.governance.Roles;

/**
 * The person (or CI service account) behind the current request, as templates and services see them:
 * the user name, a display name, and their Studio roles only (identity-provider roles stay out).
 * Templates reach it as {@code {inject:user}}.
 */
@Named("user")
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

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

    public List<String> getRoles() {
        return Roles.ALL.stream().filter(identity::hasRole).toList();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAny(List<String> roles) {
        return roles.stream().anyMatch(identity::hasRole);
    }
}
