package studio.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.governance.Actor;
import studio.governance.FreezeWindow;
import studio.governance.ReleaseEnvironment;
import studio.input.InputProblem;
import studio.persistence.Row;
import studio.persistence.Rows;
import studio.web.ApiException;

/**
 * Deploy freezes per environment ({@link FreezeWindow}): while one holds, nothing is released there. The check runs
 * on the server at each step that would release: a release requested, an approval given, a release handed to CI
 * (also the handover that follows the last approval or a retry), so a release approved before a freeze began does not
 * slip through when the freeze holds. Adding a window is always allowed (it is stricter); a window that holds now is
 * not removed by anyone: it ends when it ends.
 */
@ApplicationScoped
public class FreezeWindows {

    private static final String COLUMNS = "id, environment, name, starts_at, ends_at, weekly_from, weekly_until, time_zone";

    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;

    /** What a person asks for: a one-off window (from, until) or a weekly one (weeklyFrom, weeklyUntil), in a zone. */
    public record Request(String name, String from, String until, String weeklyFrom, String weeklyUntil, String timeZone, String reason) {}

    /** The windows of {@code environment} that hold now or may hold later, oldest first. */
    public List<FreezeWindow> of(String environment) {
        return Rows.list(em, "select " + COLUMNS + """
                 from freeze_window where environment = ? and removed_at is null and (ends_at is null or ends_at > ?)
                order by created_at, id limit 200""", FreezeWindows::window, environment, Instant.now());
    }

    /** The window holding over {@code environment} at {@code at}, if one does. */
    public Optional<FreezeWindow> holding(String environment, Instant at) {
        return of(environment).stream().filter(w -> w.covers(at)).findFirst();
    }

    /**
     * Refuses (409) {@code what} ("approving release v1.2.0") of milestone {@code milestoneId} while a window holds over
     * {@code environment}, naming it and when it ends, unless a freeze exception for that milestone and window is granted
     * and not expired ({@link FreezeExceptions}).
     */
    public void refuseWhileFrozen(String environment, String milestoneId, String what) {
        Instant now = Instant.now();
        blocking(environment, milestoneId, now).ifPresent(w -> {
            throw ApiException.conflict(environment + " is frozen by " + w.describe() + " until " + w.endText(now)
                    + ": " + what + " waits until the freeze ends, or for a freeze exception two people grant (window " + w.id() + ")");
        });
    }

    /**
     * The window that stops {@code milestoneId}'s releases to {@code environment} at {@code at}: one covering that moment
     * and granting the milestone no exception then (every window is looked at, not only the first that covers it).
     */
    public Optional<FreezeWindow> blocking(String environment, String milestoneId, Instant at) {
        return of(environment).stream().filter(w -> w.covers(at) && !exceptionGranted(w, milestoneId, at)).findFirst();
    }

    /** The id of the granted, unexpired exception letting {@code milestoneId} through window {@code w} now, if any. */
    public Optional<Long> exception(FreezeWindow w, String milestoneId, Instant now) {
        return Rows.first(em, """
                select id from freeze_exception where environment = ? and window_id = ? and milestone_id = ? and status = 'granted'
                and expires_at > ? order by id desc limit 1""", r -> r.number("id"), w.environment(), w.id(), milestoneId, now);
    }

    private boolean exceptionGranted(FreezeWindow w, String milestoneId, Instant now) {
        return milestoneId != null && exception(w, milestoneId, now).isPresent();
    }

    /** Adds a window; 400 naming the field that is wrong. Audited as FreezeWindowAdded. */
    public FreezeWindow add(String environmentText, Request r, Actor actor) {
        String environment = environment(environmentText);
        String name = required(r.name(), "name");
        String reason = required(r.reason(), "reason");
        ZoneId zone = zone(r.timeZone());
        boolean weekly = r.weeklyFrom() != null || r.weeklyUntil() != null;
        boolean once = r.from() != null || r.until() != null;
        if (weekly == once) throw field("from", "a freeze window is either one-off (from, until) or weekly (weekly_from, weekly_until)");
        FreezeWindow w;
        try {
            w = weekly ? new FreezeWindow(0, environment, name, null, null, FreezeWindow.Weekly.parse(required(r.weeklyFrom(), "weekly_from"),
                    required(r.weeklyUntil(), "weekly_until")), zone)
                    : new FreezeWindow(0, environment, name, instant(r.from(), "from"), instant(r.until(), "until"), null, zone);
        } catch (IllegalArgumentException e) {
            throw field(weekly ? "weekly_from" : "until", e.getMessage());
        }
        if (!w.inForceOrAhead(Instant.now())) throw field("until", "the window has already ended");
        long id = Rows.first(em, """
                insert into freeze_window (environment, name, starts_at, ends_at, weekly_from, weekly_until, time_zone, reason, created_by,
                                           created_roles, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", x -> x.number("id"), environment, name, w.startsAt(), w.endsAt(),
                weekly ? r.weeklyFrom().strip() : null, weekly ? r.weeklyUntil().strip() : null, zone.getId(), reason, actor.name(),
                actor.sortedRoles(), Instant.now().truncatedTo(ChronoUnit.MICROS)).orElseThrow();
        ObjectNode p = json.createObjectNode().put("freeze_window_id", id).put("environment", environment).put("window", w.describe())
                .put("reason", reason);
        audit.record(actor, AuditEntry.of("FreezeWindowAdded", Subject.system(), null, p));
        return find(id);
    }

    /** Removes a window that does not hold now (409 while it holds); audited as FreezeWindowRemoved with the reason. */
    public void remove(String environmentText, long id, String reason, Actor actor) {
        String environment = environment(environmentText);
        String why = required(reason, "reason");
        FreezeWindow w = Rows.first(em, "select " + COLUMNS + " from freeze_window where id = ? and environment = ? and removed_at is null for update",
                FreezeWindows::window, id, environment).orElseThrow(() -> ApiException.notFound(environment + " has no freeze window " + id));
        Instant now = Instant.now();
        if (w.covers(now)) {
            throw ApiException.conflict("the freeze " + w.describe() + " holds now and is not lifted by one person: it ends at "
                    + w.endText(now));
        }
        Rows.update(em, "update freeze_window set removed_at = ?, removed_by = ?, removed_reason = ? where id = ?",
                now.truncatedTo(ChronoUnit.MICROS), actor.name(), why, id);
        ObjectNode p = json.createObjectNode().put("freeze_window_id", id).put("environment", environment).put("window", w.describe())
                .put("reason", why);
        audit.record(actor, AuditEntry.of("FreezeWindowRemoved", Subject.system(), null, p));
    }

    private FreezeWindow find(long id) {
        return Rows.first(em, "select " + COLUMNS + " from freeze_window where id = ?", FreezeWindows::window, id).orElseThrow();
    }

    private static FreezeWindow window(Row r) {
        String from = r.text("weekly_from");
        return new FreezeWindow(r.number("id"), r.text("environment"), r.text("name"), r.instant("starts_at"), r.instant("ends_at"),
                from == null ? null : FreezeWindow.Weekly.parse(from, r.text("weekly_until")), ZoneId.of(r.text("time_zone")));
    }

    static String environment(String text) {
        try {
            return ReleaseEnvironment.parse(text).json();
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    private static ZoneId zone(String text) {
        if (text == null || text.isBlank()) return ZoneId.of("UTC");
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw field("time_zone", "'" + text + "' is not a time zone (e.g. UTC, Europe/Berlin)");
        }
    }

    static Instant instant(String text, String field) {
        String value = required(text, field);
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw field(field, "'" + value + "' is not a time with its offset, e.g. 2026-12-20T00:00:00Z");
        }
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) throw field(field, "'" + field + "' is required");
        return value.strip();
    }

    static ApiException field(String field, String message) {
        return new ApiException(400, List.of(new InputProblem(message, null, null, "$." + field)));
    }
}
