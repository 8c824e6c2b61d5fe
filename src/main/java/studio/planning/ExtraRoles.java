package studio.planning;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import studio.definition.Role;

/**
 * Declares the installation's extra deciding roles ({@code studio.roles.extra}, e.g. {@code tech-lead,operations-lead})
 * at start, so definitions may name them (manualApproval: tech-lead, approvalRoles, governedBy). A person holding one
 * also needs a built-in role to use Studio at all; the identity provider's role is mapped to it with
 * {@code quarkus.http.auth.roles-mapping."<idp-role>"=tech-lead}. A malformed name stops the start, naming it.
 */
@ApplicationScoped
public class ExtraRoles {

    private static final Logger LOG = Logger.getLogger(ExtraRoles.class);

    @ConfigProperty(name = "studio.roles.extra")
    Optional<List<String>> extra;

    void onStart(@Observes StartupEvent event) {
        Role.declareExtra(extra.orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        if (!Role.extra().isEmpty()) LOG.infof("extra deciding roles: %s", String.join(", ", Role.extra()));
    }
}
