package studio.release.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import studio.governance.Actor;
import studio.governance.EnvironmentChangePolicy;
import studio.governance.FreezeExceptionPolicy;
import studio.governance.FreezeWindow;
import studio.governance.ReleaseEnvironment;
import studio.governance.Roles;
import studio.persistence.Row;
import studio.persistence.Rows;
import studio.release.EnvironmentDefinitions;
import studio.release.FreezeExceptions;
import studio.release.FreezeWindows;
import studio.release.ReleasePolicies;

/**
 * Reads the environments page: every environment's card, the freeze calendar, the newest freeze exceptions. A card is
 * four bounded queries (three on the environment's releases, one for its freeze windows), none per release; the
 * environment definitions are read once per page.
 */
@ApplicationScoped
public class EnvironmentsQuery {

    static final int CALENDAR_DAYS = 28;
    /** Freeze exceptions listed, newest first. */
    static final int EXCEPTIONS = 20;

    @Inject
    EntityManager em;
    @Inject
    FreezeWindows freezes;
    @Inject
    EnvironmentDefinitions definitions;
    @Inject
    FreezeExceptions exceptions;

    /** What every card reads from the environment definitions, read once per page. */
    private record Definitions(Map<ReleaseEnvironment, EnvironmentDefinitions.Stored> stored, ReleasePolicies policies,
                               Set<ReleaseEnvironment> optional, List<EnvironmentDefinitions.Change> pending) {}

    @Transactional
    public EnvironmentsPage read(Actor actor, String notice, EnvironmentsPage.Typed typed) {
        return read(actor, notice, typed, null);
    }

    /** The page with a refused freeze exception form ({@code asked}) shown next to it. */
    @Transactional
    public EnvironmentsPage read(Actor actor, String notice, EnvironmentsPage.Typed typed, EnvironmentsPage.Asked asked) {
        Instant now = Instant.now();
        List<LocalDate> days = days();
        Definitions d = definitions();
        List<EnvironmentsPage.Card> cards = Arrays.stream(ReleaseEnvironment.values()).map(e -> card(e, d, actor, now, days)).toList();
        Map<Long, String> windowNames = new HashMap<>();
        cards.forEach(c -> c.windows().forEach(w -> windowNames.put(w.id(), w.describe())));
        return new EnvironmentsPage(cards, days.stream().map(EnvironmentsPage.Day::of).toList(),
                actor.holdsAny(List.of(Roles.PRODUCT_OWNER, Roles.PLATFORM_ADMIN)), notice, typed,
                exceptionRows(exceptions.recent(EXCEPTIONS), windowNames, d.policies(), actor, now), FreezeExceptionPolicy.ask(actor).allowed(), asked);
    }

    /** One environment as both pages show it: its policy and definition, what runs, waits and failed there, its freezes. */
    private EnvironmentsPage.Card card(ReleaseEnvironment e, Definitions d, Actor actor, Instant now, List<LocalDate> days) {
        String env = e.json();
        var policy = d.policies().policyFor(e);
        List<FreezeWindow> windows = freezes.of(env);
        String frozen = windows.stream().filter(w -> w.covers(now)).findFirst().map(w -> w.describe() + " until " + w.endText(now)).orElse(null);
        return new EnvironmentsPage.Card(env, policy.describe(), policy.protectedEnvironment(),
                versions("state = 'completed'", env, 1, "released_at desc nulls last, id desc").stream().findFirst().orElse(null),
                versions("state = 'paused_for_approval'", env, 10, "created_at, id"),
                versions("state in ('failed', 'rolled_back', 'aborted', 'rejected')", env, 5, "state_since desc, id desc"), frozen,
                windows.stream().map(w -> new EnvironmentsPage.Window(w.id(), w.describe(), w.covers(now))).toList(), !d.optional().contains(e),
                defined(d.stored().get(e)), change(d, env, actor),
                new EnvironmentsPage.CalendarRow(env, days.stream().map(day -> frozenDuring(windows, day)).toList()));
    }

    private Definitions definitions() {
        var stored = definitions.stored();
        return new Definitions(stored, definitions.policies(stored), definitions.optional(stored), definitions.pending());
    }

    private static EnvironmentsPage.PendingChange change(Definitions d, String env, Actor actor) {
        return d.pending().stream().filter(c -> c.environment().equals(env)).findFirst()
                .map(c -> new EnvironmentsPage.PendingChange(c.id(), c.author(), c.proposedAt(), c.weakenings(),
                        EnvironmentChangePolicy.decide(actor, env, c.author(), true, "(reason to be given)").allowed()))
                .orElse(null);
    }

    /** "defined by platform-admin on 2026-01-05 09:30 UTC"; null for an environment still as Studio ships it. */
    private static String defined(EnvironmentDefinitions.Stored definition) {
        return definition == null ? null : "defined by " + definition.definedBy() + " on " + definition.definedAt().truncatedTo(ChronoUnit.MINUTES)
                .toString().replace('T', ' ').replace("Z", " UTC");
    }

    private static List<EnvironmentsPage.ExceptionRow> exceptionRows(List<FreezeExceptions.Stored> stored, Map<Long, String> windowNames,
                                                                     ReleasePolicies policies, Actor actor, Instant now) {
        return stored.stream().map(x -> new EnvironmentsPage.ExceptionRow(x.id(), x.environment(), x.windowId(),
                windowNames.getOrDefault(x.windowId(), "window " + x.windowId() + " (ended or removed)"), x.milestoneId(), x.justification(),
                x.requestedBy(), x.expiresAt(), x.status(), x.approvedBy(),
                FreezeExceptionPolicy.decide(actor, x.asked(), FreezeExceptions.deciders(policies, x.environment()), now).allowed())).toList();
    }

    private List<EnvironmentsPage.Version> versions(String where, String environment, int limit, String order) {
        return Rows.list(em, "select version_tag, environment, milestone_id, state, state_since from release where environment = ? and " + where
                + " order by " + order + " limit " + limit, EnvironmentsQuery::version, environment);
    }

    private static EnvironmentsPage.Version version(Row r) {
        return new EnvironmentsPage.Version(r.text("version_tag"), r.text("environment"), r.text("milestone_id"), r.text("state"),
                r.instant("state_since"));
    }

    private static List<LocalDate> days() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return IntStream.range(0, CALENDAR_DAYS).mapToObj(today::plusDays).toList();
    }

    /** Whether some window holds at some hour of {@code day} (UTC), checked every quarter hour. */
    private static boolean frozenDuring(List<FreezeWindow> windows, LocalDate day) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int q = 0; q < 24 * 4; q++) {
            Instant t = start.plus(15L * q, ChronoUnit.MINUTES);
            for (FreezeWindow w : windows) if (w.covers(t)) return true;
        }
        return false;
    }
}
