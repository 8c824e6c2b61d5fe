package studio.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import studio.governance.Roles;
import studio.persistence.Rows;

/**
 * The people Studio can notify (table {@code person}), from two sources: the identity provider's directory, read by
 * {@link IdentityDirectory} (so someone who never signed in still learns that a decision waits for them), and every
 * sign-in (so a deployment without directory access still reaches those who use Studio). Only enabled people with a
 * role that acts are ever asked to decide.
 */
@ApplicationScoped
public class People {

    /** A signed-in person's row is refreshed at most this often, not on every page. */
    static final Duration SIGN_IN_REFRESH = Duration.ofMinutes(10);

    @Inject
    EntityManager em;

    private final Map<String, Instant> refreshed = new ConcurrentHashMap<>();

    /** Records who just used Studio, with the address and roles their token carries (throttled per person). */
    @Transactional
    public void signedIn(String name, String email, String displayName, Collection<String> roles) {
        Instant now = Instant.now();
        Instant last = refreshed.get(name);
        if (last != null && last.plus(SIGN_IN_REFRESH).isAfter(now)) return;
        refreshed.put(name, now);
        Rows.update(em, """
                insert into person (name, email, display_name, roles, enabled, source, seen_at) values (?, ?, ?, ?, true, 'sign-in', ?)
                on conflict (name) do update set email = coalesce(excluded.email, person.email),
                    display_name = coalesce(excluded.display_name, person.display_name), roles = excluded.roles, enabled = true,
                    seen_at = excluded.seen_at""",
                name, blankToNull(email), blankToNull(displayName), roles.stream().sorted().toArray(String[]::new), now);
    }

    /**
     * Replaces what the directory said: everyone listed is upserted; people the directory listed before and no longer
     * does are disabled (they left, or lost every Studio role), people known only from sign-ins are kept.
     */
    @Transactional
    public int replaceDirectory(Collection<Person> listed) {
        Instant now = Instant.now();
        for (Person p : listed) {
            Rows.update(em, """
                    insert into person (name, email, display_name, roles, enabled, source, seen_at) values (?, ?, ?, ?, true, 'directory', ?)
                    on conflict (name) do update set email = coalesce(excluded.email, person.email),
                        display_name = coalesce(excluded.display_name, person.display_name), roles = excluded.roles,
                        enabled = true, source = 'directory', seen_at = excluded.seen_at""",
                    p.name(), blankToNull(p.email()), blankToNull(p.displayName()), p.roles().stream().sorted().toArray(String[]::new), now);
        }
        return Rows.update(em, "update person set enabled = false where source = 'directory' and enabled and not (name = any(?))",
                (Object) listed.stream().map(Person::name).toArray(String[]::new));
    }

    /** Everyone who may be asked to decide something: enabled, holding a role that acts. Bounded. */
    public List<Person> acting() {
        return Rows.list(em, """
                select name, email, display_name, roles from person where enabled and roles && cast(? as text[]) order by name limit 5000""",
                r -> new Person(r.text("name"), r.text("email"), r.text("display_name"), Set.copyOf(r.texts("roles"))),
                (Object) Roles.ACTING_HUMANS.toArray(String[]::new));
    }

    /** The same, by name, in name order. */
    public Map<String, Person> actingByName() {
        Map<String, Person> out = new java.util.LinkedHashMap<>();
        acting().forEach(p -> out.putIfAbsent(p.name(), p));
        return out;
    }

    /** The enabled ones of {@code names}, whatever their roles now, in one statement. */
    public List<Person> named(Collection<String> names) {
        if (names.isEmpty()) return List.of();
        return Rows.list(em, "select name, email, display_name, roles from person where enabled and name = any(?)",
                r -> new Person(r.text("name"), r.text("email"), r.text("display_name"), Set.copyOf(r.texts("roles"))),
                (Object) names.toArray(String[]::new));
    }

    /** One enabled person, whatever their roles now (outcomes are told to requesters who may since have lost a role). */
    public Optional<Person> find(String name) {
        return Rows.first(em, "select name, email, display_name, roles from person where name = ? and enabled",
                r -> new Person(r.text("name"), r.text("email"), r.text("display_name"), Set.copyOf(r.texts("roles"))), name);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
