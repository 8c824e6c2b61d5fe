package studio.release.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * "What runs where": each environment in lifecycle order with the version it runs, what waits for approval there, what
 * failed lately, whether a freeze holds and its windows, and a calendar of the next four weeks marking frozen days.
 *
 * @param mayManage whether the signed-in person may add and remove freeze windows (product owners, platform admins)
 * @param typed     what a refused add form held (null: none), with the refusal
 */
public record EnvironmentsPage(List<Card> cards, List<Day> days, boolean mayManage, String notice,
                               Typed typed, List<ExceptionRow> exceptions, boolean mayAsk, Asked asked) {

    /**
     * A freeze exception as the page lists it, and whether the signed-in person may decide it now (the rule the server
     * enforces: a person holding the environment's approving roles, never its requester, once, while it is requested
     * and not expired).
     */
    public record ExceptionRow(long id, String environment, long windowId, String window, String milestoneId, String justification,
                               String requestedBy, Instant expiresAt, String status, List<String> approvedBy, boolean decidable) {
        /** "1 of 2". */
        public String approvals() {
            return approvedBy.size() + " of " + studio.release.FreezeExceptions.APPROVALS;
        }

        /** The chip's status class. */
        public String chip() {
            return switch (status) {
                case "granted" -> "approved";
                case "rejected" -> "rejected";
                default -> "pending";
            };
        }
    }

    /** A freeze window an exception may be asked for: one that holds now or lies ahead. */
    public record Askable(String environment, long windowId, String describe) {
        /** "production:12": the form's value. */
        public String key() {
            return environment + ":" + windowId;
        }
    }

    /** What a refused ask or decision held, with the refusal (null: none). */
    public record Asked(String milestoneId, String windowKey, String justification, String expiresAt, String message) {}

    /** Each environment's row of the freeze calendar, in lifecycle order. */
    public List<CalendarRow> calendar() {
        return cards.stream().map(Card::calendar).toList();
    }

    /** Windows an exception may be asked for, across environments ("production:12"). */
    public List<Askable> askable() {
        return cards.stream().flatMap(c -> c.windows().stream().map(w -> new Askable(c.name(), w.id(), w.describe()))).toList();
    }

    /** A day of the calendar: "2026-12-24", 24. */
    public record Day(String iso, int dayOfMonth) {

        static Day of(LocalDate d) {
            return new Day(d.toString(), d.getDayOfMonth());
        }
    }

    /**
     * One environment, as its card on this page and the head of its own page show it.
     *
     * @param frozen   the freeze in force now ("'incident-7' from ... until ..."), null when none
     * @param calendar its row of the freeze calendar, over the page's {@link #days()}
     */
    public record Card(String name, String policy, boolean protectedEnvironment, Version current, List<Version> waiting, List<Version> failed,
                       String frozen, List<Window> windows, boolean required, String defined, PendingChange change, CalendarRow calendar) {

        /** "/releases/environments/qa": the environment's own page. */
        public String path() {
            return EnvironmentPage.path(name);
        }
    }

    /**
     * A change an environments: document proposed that loosens the environment, waiting for a second person.
     *
     * @param decidable whether the signed-in person may decide it (platform-admin or compliance-officer, not its author)
     */
    public record PendingChange(long id, String author, Instant proposedAt, List<String> weakenings, boolean decidable) {}

    /** A release of the environment: its tag, milestone, state, when it last moved and the version it is a hotfix of (null: none). */
    public record Version(String tag, String environment, String milestoneId, String state, Instant at, String hotfixOf) {

        /** The version's deployment to this environment (the version may have gone further since). */
        public String path() {
            return ReleasePage.path(tag) + "?environment=" + environment;
        }

        /** "Rolled back". */
        public String stateLabel() {
            return studio.release.lifecycle.ReleaseState.fromJson(state).label();
        }
    }

    /** A freeze window as the page lists it. */
    public record Window(long id, String describe, boolean holdsNow) {}

    /** One environment's row of the calendar: for each day, whether a freeze holds during some of it. */
    public record CalendarRow(String environment, List<Boolean> frozen) {}

    /** A refused "add a freeze window" form. */
    public record Typed(String environment, String name, String from, String until, String weeklyFrom, String weeklyUntil, String timeZone,
                        String reason, String message) {}
}
