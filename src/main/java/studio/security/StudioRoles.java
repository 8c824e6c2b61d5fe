package studio.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import studio.governance.Roles;

/**
 * The roles Studio knows in this installation: the built-in ones, then its extra deciding roles
 * ({@code studio.roles.extra}). Read from the configuration once, not on every request: a per-request bean that
 * injected the property looked it up through every configuration interceptor each time it was created.
 */
@ApplicationScoped
public class StudioRoles {

    private final List<String> all;

    StudioRoles(@ConfigProperty(name = "studio.roles.extra") Optional<List<String>> extra) {
        this.all = Stream.concat(Roles.ALL.stream(), extra.orElse(List.of()).stream().map(String::strip)).distinct().toList();
    }

    /** Built-in roles first, then the extra ones, each once. */
    public List<String> all() {
        return all;
    }
}
