package studio.release.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import studio.governance.Actor;
import studio.governance.EnvironmentChangePolicy;
import studio.governance.FreezeExceptionPolicy;
import studio.governance.FreezeWindow;
import studio.governance.ReleaseEnvironment;
import studio.governance.Roles;
import studio.persistence.Row;
import studio.persistence.Rows;
import studio.release.FreezeWindows;

/** Reads the environments page: four bounded queries per environment (three environments), none per release. */
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
    studio.release.EnvironmentDefinitions definitions;
    @Inject
    studio.release.FreezeExceptions exceptions;

    @Transactional
    public EnvironmentsPage read(Actor actor, String notice, EnvironmentsPage.Typed typed) {
        return read(actor, notice, typed, null);
    }

    /** The page with a refused freeze exception form ({@code asked}) shown next to it. */
    @Transactional
    public EnvironmentsPage read(Actor actor, String notice, EnvironmentsPage.Typed typed, EnvironmentsPage.Asked asked) {
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < CALENDAR_DAYS; i++) days.add(today.plusDays(i));
        List<EnvironmentsPage.Card> cards = new ArrayList<>();
        var stored = definitions.stored();
        var policies = definitions.policies(stored);
        var optional = definitions.optional(stored);
        var pending = definitions.pending();
        List<EnvironmentsPage.CalendarRow> calendar = new ArrayList<>();
        for (ReleaseEnvironment e : ReleaseEnvironment.values()) {
            String env = e.json();
            var policy = policies.policyFor(e);
            var definition = stored.get(e);
            var change = pending.stream().filter(c -> c.environment().equals(env)).findFirst()
                    .map(c -> new EnvironmentsPage.PendingChange(c.id(), c.author(), c.proposedAt(), c.weakenings(),
                            EnvironmentChangePolicy.decide(actor, env, c.author(), true, "(reason to be given)").allowed()))
                    .orElse(null);
            List<FreezeWindow> windows = freezes.of(env);
            String frozen = windows.stream().filter(w -> w.covers(now)).findFirst()
                    .map(w -> w.describe() + " until " + w.endText(now)).orElse(null);
            cards.add(new EnvironmentsPage.Card(env, policy.describe(), policy.protectedEnvironment(),
                    versions("state = 'completed'", env, 1, "released_at desc nulls last, id desc").stream().findFirst().orElse(null),
                    versions("state = 'paused_for_approval'", env, 10, "created_at, id"),
                    versions("state in ('failed', 'rolled_back', 'aborted', 'rejected')", env, 5, "state_since desc, id desc"), frozen,
                    windows.stream().map(w -> new EnvironmentsPage.Window(w.id(), w.describe(), w.covers(now))).toList(), !optional.contains(e),
                    definition == null ? null : "defined by " + definition.definedBy() + " on " + definition.definedAt().truncatedTo(ChronoUnit.MINUTES)
                            .toString().replace('T', ' ').replace("Z", " UTC"), change));
            calendar.add(new EnvironmentsPage.CalendarRow(env, days.stream().map(d -> frozenDuring(windows, d)).toList()));
        }
        java.util.Map<Long, String> windowNames = new java.util.HashMap<>();
        cards.forEach(c -> c.windows().forEach(w -> windowNames.put(w.id(), w.describe())));
        List<EnvironmentsPage.ExceptionRow> rows = exceptions.recent(EXCEPTIONS).stream().map(x -> new EnvironmentsPage.ExceptionRow(x.id(),
                x.environment(), x.windowId(), windowNames.getOrDefault(x.windowId(), "window " + x.windowId() + " (ended or removed)"),
                x.milestoneId(), x.justification(), x.requestedBy(), x.expiresAt(), x.status(), x.approvedBy(),
                FreezeExceptionPolicy.decide(actor, x.asked(), studio.release.FreezeExceptions.deciders(policies, x.environment()), now).allowed()))
                .toList();
        return new EnvironmentsPage(cards, days.stream().map(EnvironmentsPage.Day::of).toList(), calendar,
                actor.holdsAny(List.of(Roles.PRODUCT_OWNER, Roles.PLATFORM_ADMIN)), notice, typed, rows, FreezeExceptionPolicy.ask(actor).allowed(), asked);
    }

    private List<EnvironmentsPage.Version> versions(String where, String environment, int limit, String order) {
        return Rows.list(em, "select version_tag, environment, milestone_id, state, state_since from release where environment = ? and " + where
                + " order by " + order + " limit " + limit, EnvironmentsQuery::version, environment);
    }

    private static EnvironmentsPage.Version version(Row r) {
        return new EnvironmentsPage.Version(r.text("version_tag"), r.text("environment"), r.text("milestone_id"), r.text("state"),
                r.instant("state_since"));
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
