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
import java.util.stream.Collectors;
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
import studio.web.ApiException;

/**
 * Reads the environments page (every environment's card, the freeze calendar, the newest freeze exceptions) and one
 * environment's own page (the same card, a keyset page of its deployments, the exceptions to its freezes). A card is
 * four bounded queries (three on the environment's releases, one for its freeze windows), none per release; the
 * environment definitions are read once per page.
 */
@ApplicationScoped
public class EnvironmentsQuery {

    static final int CALENDAR_DAYS = 28;
    /** Freeze exceptions listed, newest first. */
    static final int EXCEPTIONS = 20;
    /** Deployments one page of an environment's history shows, newest first. */
    static final int HISTORY = 25;

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

    /**
     * One environment's page: its card, up to {@link #HISTORY} of its deployments below deployment id {@code before}
     * (blank: from the newest), newest first, and the newest exceptions to its freezes.
     *
     * @param refusal why a decision taken on the page was refused (null: none)
     * @throws ApiException 404 naming the environments there are; 400 when {@code before} is not a deployment id
     */
    @Transactional
    public EnvironmentPage one(String environment, String before, Actor actor, String notice, String refusal) {
        ReleaseEnvironment e = known(environment);
        Long below = cursor(before);
        Instant now = Instant.now();
        List<LocalDate> days = days();
        Definitions d = definitions();
        EnvironmentsPage.Card card = card(e, d, actor, now, days);
        List<EnvironmentPage.Deployment> rows = deployments(e.json(), below);
        boolean more = rows.size() > HISTORY;
        Map<Long, String> windowNames = card.windows().stream().collect(Collectors.toMap(EnvironmentsPage.Window::id, EnvironmentsPage.Window::describe));
        return new EnvironmentPage(card, days.stream().map(EnvironmentsPage.Day::of).toList(), more ? rows.subList(0, HISTORY) : rows, below,
                more ? rows.get(HISTORY - 1).id() : null,
                exceptionRows(exceptions.recent(e.json(), EXCEPTIONS), windowNames, d.policies(), actor, now), notice, refusal);
    }

    /** One environment as both pages show it: its policy and definition, what runs, waits and failed there, its freezes. */
    private EnvironmentsPage.Card card(ReleaseEnvironment e, Definitions d, Actor actor, Instant now, List<LocalDate> days) {
        String env = e.json();
        var policy = d.policies().policyFor(e);
        List<FreezeWindow> windows = freezes.of(env);
        String frozen = windows.stream().filter(w -> w.covers(now)).findFirst().map(w -> w.describe() + " until " + w.endText(now)).orElse(null);
        var stored = d.stored().get(e);
        String rules = stored == null ? "" : studio.governance.DeploymentRules.of(stored.policy()).describe();
        return new EnvironmentsPage.Card(env, policy.describe() + rules, policy.protectedEnvironment(),
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
        return Rows.list(em, "select version_tag, environment, milestone_id, state, state_since, hotfix_of from release where environment = ? and " + where
                + " order by " + order + " limit " + limit, EnvironmentsQuery::version, environment);
    }

    private static EnvironmentsPage.Version version(Row r) {
        return new EnvironmentsPage.Version(r.text("version_tag"), r.text("environment"), r.text("milestone_id"), r.text("state"),
                r.instant("state_since"), r.text("hotfix_of"));
    }

    /** One more than a page of the environment's deployments below id {@code before}, newest first: the extra one says there are older. */
    private List<EnvironmentPage.Deployment> deployments(String environment, Long before) {
        return Rows.list(em, """
                select id, version_tag, environment, milestone_id, state, requested_by, created_at, released_at, hotfix_of from release
                where environment = ? and id < ? order by id desc limit ?""", r -> new EnvironmentPage.Deployment(r.number("id"), r.text("version_tag"),
                r.text("environment"), r.text("milestone_id"), r.text("state"), r.text("requested_by"), r.instant("created_at"),
                r.instant("released_at"), r.text("hotfix_of")), environment, before == null ? Long.MAX_VALUE : before, HISTORY + 1);
    }

    /** @throws ApiException 404 naming the environments there are */
    private static ReleaseEnvironment known(String environment) {
        return Arrays.stream(ReleaseEnvironment.values()).filter(e -> e.json().equals(environment)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Studio has no environment '" + environment + "'; its environments are "
                        + Arrays.stream(ReleaseEnvironment.values()).map(ReleaseEnvironment::json).collect(Collectors.joining(", "))));
    }

    /** @throws ApiException 400 when {@code before} is not a deployment id */
    private static Long cursor(String before) {
        if (before == null || before.isBlank()) return null;
        try {
            return Long.parseLong(before.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("before is not a deployment id: use the 'Older deployments' link of the previous page");
        }
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
