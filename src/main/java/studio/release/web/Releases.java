package studio.release.web;

import studio.governance.Roles;
import static studio.governance.Roles.*;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import studio.governance.Actor;
import studio.governance.ReleaseApproval.Decision;
import studio.governance.ReleaseEnvironment;
import studio.release.FreezeWindows;
import studio.release.Release;
import studio.release.ReleaseOrder;
import studio.release.ReleaseRequests;
import studio.release.approval.ReleaseDesk;
import studio.release.web.ReleaseDashboard.Promotion;
import studio.security.CurrentUser;
import studio.security.StepUp;
import studio.web.ApiException;
import studio.web.Attempt;
import studio.web.Htmx;
import studio.web.PageActions;

/**
 * The release pages: the dashboard (cards, filters, keyset "load more", promotion), one release (approvals with the
 * decisions this person may take, timeline, notes, metadata, verified manifest, rollback and retry), its documents,
 * the history table with its CSV, and the analytics charts. Forms work without JavaScript (POST, then 303 back with
 * a notice); with htmx the live part of the release page is swapped in place, and a refusal (400/403/409) is shown
 * next to its form with nothing changed.
 */
@Path("/releases")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.EVERYONE)
public class Releases {

    static final Map<String, String> NOTICES = Map.of(
            "created", "Release requested.",
            "approve", "Approval recorded.",
            "reject", "Release rejected.",
            "rollback", "Release rolled back.",
            "retry", "Release handed to CI again.",
            "promote", "Version promoted: its deployment to the next environment is below.",
            "schedule", "Schedule saved: once approved, the deployment waits for its moment.",
            "hotfix", "Hotfix requested: it waits for its approvers, all different people and never you.",
            "hotfix-review", "Hotfix review recorded.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(ReleaseDashboard d);

        static native TemplateInstance dashboard$results(ReleaseDashboard d);

        static native TemplateInstance dashboard$cards(ReleaseDashboard d);

        static native TemplateInstance page(ReleasePage p);

        static native TemplateInstance page$live(ReleasePage p);

        static native TemplateInstance document(ReleasePage p, ReleaseDocument doc, String text, String html);

        static native TemplateInstance history(ReleaseHistory d);

        static native TemplateInstance history$results(ReleaseHistory d);

        static native TemplateInstance history$rows(ReleaseHistory d);

        static native TemplateInstance analytics(List<ReleaseCharts.Chart> charts, Instant since);

        static native TemplateInstance environments(EnvironmentsPage e);

        static native TemplateInstance environment(EnvironmentPage p);
    }

    @Inject
    CurrentUser user;
    @Inject
    ReleaseDashboardQuery dashboards;
    @Inject
    ReleasePageQuery pages;
    @Inject
    ReleaseHistoryQuery histories;
    @Inject
    ReleaseAnalyticsQuery analytics;
    @Inject
    ReleaseListing listing;
    @Inject
    ReleaseRequests requests;
    @Inject
    ReleaseDesk desk;
    @Inject
    PageActions actions;
    @Inject
    EnvironmentsQuery environments;
    @Inject
    FreezeWindows freezes;
    @Inject
    studio.release.FreezeExceptions exceptions;
    @Inject
    studio.release.EnvironmentDefinitions definitions;
    @Inject
    studio.release.Hotfixes hotfixes;

    static final Map<String, String> ENVIRONMENT_NOTICES = Map.of("added", "Freeze window added.", "removed", "Freeze window removed.",
            "asked", "Freeze exception requested: two other people who approve releases there decide it.",
            "approve", "Your approval of the freeze exception is recorded.", "reject", "Freeze exception rejected.",
            "change-approve", "The change is in force.", "change-reject", "The change is rejected; the definition in force stays.");

    /** What runs where: each environment's version, what waits, what failed, its freezes and a calendar of them. */
    @GET
    @Path("environments")
    public Response environmentsPage(@RestQuery String done) {
        return html(200, Templates.environments(environments.read(user.actor(), done == null ? null : ENVIRONMENT_NOTICES.get(done), null)));
    }

    /**
     * One environment: its policy and definition, what runs there now, every deployment to it ({@code before}: a
     * deployment id, the page lists the 25 below it), its freezes and the exceptions to them; 404 for an unknown one.
     */
    @GET
    @Path("environments/{environment}")
    public Response environmentPage(@PathParam("environment") String environment, @RestQuery String before, @RestQuery String done) {
        return html(200, Templates.environment(environments.one(environment, before, user.actor(), done == null ? null : ENVIRONMENT_NOTICES.get(done),
                null)));
    }

    @POST
    @Path("environments/freeze-windows")
    @RolesAllowed({PRODUCT_OWNER, PLATFORM_ADMIN})
    public Response addFreezeWindow(@RestForm String environment, @RestForm String name, @RestForm String from, @RestForm String until,
                                    @RestForm("weekly_from") String weeklyFrom, @RestForm("weekly_until") String weeklyUntil,
                                    @RestForm("time_zone") String timeZone, @RestForm String reason) {
        String zone = blankToNull(timeZone) == null ? "UTC" : timeZone.strip();
        try {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> freezes.add(environment, new FreezeWindows.Request(name,
                    local(from, zone), local(until, zone), blankToNull(weeklyFrom), blankToNull(weeklyUntil), zone, reason), user.actor()));
            return Response.seeOther(URI.create("/releases/environments?done=added#freeze-windows")).build();
        } catch (ApiException e) {
            var typed = new EnvironmentsPage.Typed(environment, name, from, until, weeklyFrom, weeklyUntil, timeZone, reason, e.getMessage());
            return html(e.status(), Templates.environments(environments.read(user.actor(), null, typed)));
        }
    }

    @POST
    @Path("environments/freeze-windows/{id}/remove")
    @RolesAllowed({PRODUCT_OWNER, PLATFORM_ADMIN})
    public Response removeFreezeWindow(@PathParam("id") long id, @RestForm String environment, @RestForm String reason) {
        try {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> freezes.remove(environment, id, reason, user.actor()));
            return Response.seeOther(URI.create("/releases/environments?done=removed#freeze-windows")).build();
        } catch (ApiException e) {
            var typed = new EnvironmentsPage.Typed(environment, null, null, null, null, null, null, reason, e.getMessage());
            return html(e.status(), Templates.environments(environments.read(user.actor(), null, typed)));
        }
    }

    /** Asks for a freeze exception: {@code window} is "environment:id" as the form's list of windows names it. */
    @POST
    @Path("environments/freeze-exceptions")
    @RolesAllowed(Roles.ACTING)
    public Response askFreezeException(@RestForm String window, @RestForm("milestone_id") String milestoneId, @RestForm String justification,
                                       @RestForm("expires_at") String expiresAt) {
        var asked = new EnvironmentsPage.Asked(milestoneId, window, justification, expiresAt, null);
        try {
            String[] key = window == null ? new String[0] : window.split(":", 2);
            if (key.length != 2) throw ApiException.badRequest("choose the freeze window the exception is for");
            long id;
            try {
                id = Long.parseLong(key[1]);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("choose the freeze window the exception is for");
            }
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> exceptions.request(key[0], id, milestoneId, justification,
                    local(expiresAt, "UTC"), user.actor()));
            return Response.seeOther(URI.create("/releases/environments?done=asked#freeze-exceptions")).build();
        } catch (ApiException e) {
            return html(e.status(), Templates.environments(environments.read(user.actor(), null, null,
                    new EnvironmentsPage.Asked(asked.milestoneId(), asked.windowKey(), asked.justification(), asked.expiresAt(), e.getMessage()))));
        }
    }

    @POST
    @Path("environments/freeze-exceptions/{id}/{decision: approve|reject}")
    @RolesAllowed(Roles.ACTING)
    public Response decideFreezeException(@PathParam("id") long id, @PathParam("decision") String decision, @RestForm String reason,
                                          @RestForm("return_to") String returnTo) {
        String back = returnTo(returnTo);
        try {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> exceptions.decide(id, "approve".equals(decision), reason, user.actor()));
            return Response.seeOther(URI.create(environmentsPath(back) + "?done=" + decision + "#freeze-exceptions")).build();
        } catch (ApiException e) {
            return refusedOnEnvironments(e.status(), back, "freeze exception " + id + ": " + e.getMessage());
        }
    }

    @POST
    @Path("environments/{environment}/changes/{id}/{decision: approve|reject}")
    @RolesAllowed(Roles.ACTING)
    public Response decideEnvironmentChange(@PathParam("environment") String environment, @PathParam("id") long id,
                                            @PathParam("decision") String decision, @RestForm String reason,
                                            @RestForm("return_to") String returnTo) {
        String back = returnTo(returnTo);
        try {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> definitions.decide(environment, id, "approve".equals(decision), reason,
                    user.actor()));
            String anchor = back == null ? "#environment-" + environment : "";
            return Response.seeOther(URI.create(environmentsPath(back) + "?done=change-" + decision + anchor)).build();
        } catch (ApiException e) {
            return refusedOnEnvironments(e.status(), back, "change " + id + " to " + environment + ": " + e.getMessage());
        }
    }

    /** The environment whose own page a decision was taken on (its form's {@code return_to}); null for the environments page. */
    private static String returnTo(String environment) {
        return Arrays.stream(ReleaseEnvironment.values()).map(ReleaseEnvironment::json).filter(e -> e.equals(environment)).findFirst().orElse(null);
    }

    private static String environmentsPath(String environment) {
        return environment == null ? "/releases/environments" : EnvironmentPage.path(environment);
    }

    /** The page a refused decision was taken on, with the refusal, nothing changed. */
    private Response refusedOnEnvironments(int status, String environment, String refusal) {
        if (environment != null) return html(status, Templates.environment(environments.one(environment, null, user.actor(), null, refusal)));
        return html(status, Templates.environments(environments.read(user.actor(), null, null,
                new EnvironmentsPage.Asked(null, null, null, null, refusal))));
    }

    /** A time as a datetime-local field sends it ("2026-12-20T18:00"), read in {@code zone}; one with an offset as it is. */
    private static String local(String text, String zone) {
        if (text == null || text.isBlank()) return null;
        try {
            return java.time.LocalDateTime.parse(text.strip()).atZone(java.time.ZoneId.of(zone)).toOffsetDateTime().toString();
        } catch (java.time.DateTimeException e) {
            return text.strip(); // with an offset, or not a time: FreezeWindows says which field is wrong
        }
    }

    @GET
    public Response dashboard(@RestQuery String milestone, @RestQuery String environment, @RestQuery String state, @RestQuery String after,
                              HttpHeaders headers) {
        ReleaseFilters f = new ReleaseFilters(milestone, environment, state, null, null);
        return dashboardResponse(f, after, null, headers, false);
    }

    @GET
    @Path("more")
    public Response moreCards(@RestQuery String milestone, @RestQuery String environment, @RestQuery String state, @RestQuery String after) {
        ReleaseDashboard d = dashboards.read(new ReleaseFilters(milestone, environment, state, null, null), after, user.actor(), null);
        return html(200, Templates.dashboard$cards(d));
    }

    @POST
    @RolesAllowed({PRODUCT_OWNER, PLATFORM_ADMIN})
    public Response promote(@RestForm("milestone_id") String milestoneId, @RestForm String environment, @RestForm("version_tag") String versionTag,
                            HttpHeaders headers) {
        Actor actor = user.actor();
        ReleaseOrder order = new ReleaseOrder(blankToNull(milestoneId), blankToNull(versionTag), environment, List.of(), null, null, List.of(),
                "manual");
        try {
            Release r = requests.create(order, actor);
            return Response.seeOther(URI.create(ReleasePage.path(r.versionTag) + "?done=created")).build();
        } catch (ApiException e) {
            Promotion typed = new Promotion(milestoneId, environment, versionTag, e.status(), e.getMessage());
            return dashboardResponse(ReleaseFilters.NONE, null, typed, headers, true);
        }
    }

    @GET
    @Path("history")
    public Response history(@RestQuery String milestone, @RestQuery String environment, @RestQuery String state, @RestQuery String from,
                            @RestQuery String to, @RestQuery String after, HttpHeaders headers) {
        ReleaseFilters f = new ReleaseFilters(milestone, environment, state, from, to);
        ReleaseHistory d;
        int status = 200;
        try {
            d = histories.read(f, after);
        } catch (ApiException e) {
            status = e.status();
            d = histories.refused(f, e.getMessage());
        }
        return html(status, Htmx.wantsFragment(headers) ? Templates.history$results(d) : Templates.history(d));
    }

    @GET
    @Path("history/more")
    public Response moreHistory(@RestQuery String milestone, @RestQuery String environment, @RestQuery String state, @RestQuery String from,
                                @RestQuery String to, @RestQuery String after) {
        return html(200, Templates.history$rows(histories.read(new ReleaseFilters(milestone, environment, state, from, to), after)));
    }

    @GET
    @Path("history/release-history.csv")
    @Produces("text/csv")
    public Response historyCsv(@RestQuery String milestone, @RestQuery String environment, @RestQuery String state, @RestQuery String from,
                               @RestQuery String to) {
        String csv = histories.csv(new ReleaseFilters(milestone, environment, state, from, to));
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"release-history.csv\"").build();
    }

    @GET
    @Path("analytics")
    public Response analytics() {
        ReleaseAnalytics a = analytics.read(Instant.now());
        return html(200, Templates.analytics(a.charts(), a.since()));
    }

    @GET
    @Path("{tag}")
    public Response page(@PathParam("tag") String tag, @RestQuery String environment, @RestQuery String done, HttpHeaders headers) {
        ReleasePage p = pages.read(tag, environment, user.actor()).withOutcome(done == null ? null : NOTICES.get(done), null);
        return html(200, Htmx.wantsFragment(headers) ? Templates.page$live(p) : Templates.page(p));
    }

    @GET
    @Path("{tag}/documents/{file}")
    public Response document(@PathParam("tag") String tag, @PathParam("file") String file) {
        ReleaseDocument doc = ReleaseDocument.named(file);
        ReleasePage p = pages.read(tag, user.actor());
        return html(200, Templates.document(p, doc, doc.text(p.view()), doc == ReleaseDocument.NOTES ? p.notesHtml() : null));
    }

    @GET
    @Path("{tag}/documents/{file}/download")
    public Response download(@PathParam("tag") String tag, @PathParam("file") String file) {
        ReleaseDocument doc = ReleaseDocument.named(file);
        String name = tag.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + doc.file();
        return Response.ok(doc.text(listing.one(tag)), doc.mediaType()).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @POST
    @Path("{tag}/{decision: approve|reject}")
    @StepUp
    @RolesAllowed(Roles.ACTING)
    public Response decide(@PathParam("tag") String tag, @PathParam("decision") String decision, @RestForm String environment, @RestForm String reason,
                           HttpHeaders headers) {
        Decision d = "approve".equals(decision) ? Decision.APPROVED : Decision.REJECTED;
        return act(tag, decision, Attempt.of("decide").with("reason", reason), headers, () -> desk.decide(tag, environment, d, null, reason, user.actor()));
    }

    @POST
    @Path("{tag}/rollback")
    @RolesAllowed({PRODUCT_OWNER, PLATFORM_ADMIN})
    public Response rollback(@PathParam("tag") String tag, @RestForm String environment, @RestForm String reason, HttpHeaders headers) {
        return act(tag, "rollback", Attempt.of("rollback").with("reason", reason), headers, () -> desk.rollback(tag, environment, reason, user.actor()));
    }

    /** The release page's Schedule form: {@code at} as the browser's datetime-local, in UTC; empty clears the schedule. */
    @POST
    @Path("{tag}/schedule")
    @RolesAllowed({PRODUCT_OWNER, PLATFORM_ADMIN})
    public Response schedule(@PathParam("tag") String tag, @RestForm String environment, @RestForm String at, HttpHeaders headers) {
        return act(tag, "schedule", Attempt.of("schedule").with("at", at), headers, () -> desk.schedule(tag, environment, utc(at), user.actor()));
    }

    /** "2026-12-08T10:00" (a datetime-local field) read as UTC; blank: none. */
    private static java.time.Instant utc(String local) {
        if (local == null || local.isBlank()) return null;
        try {
            return java.time.LocalDateTime.parse(local.strip()).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            throw studio.web.ApiException.badRequest("the moment is a date and time, 2026-12-08T10:00 (UTC); found '" + local + "'");
        }
    }

    /** The release page's Promote form: POST /api/releases/{tag}/promotions by a person, with the same checks. */
    @POST
    @Path("{tag}/promote")
    @RolesAllowed({PRODUCT_OWNER, PLATFORM_ADMIN})
    public Response promote(@PathParam("tag") String tag, @RestForm String environment, HttpHeaders headers) {
        return act(tag, "promote", Attempt.of("promote").with("environment", environment), headers,
                () -> requests.promote(tag, environment, user.actor()));
    }

    /** The release page's Hotfix form: POST /api/releases/{tag}/hotfixes by a person; success opens the hotfix's own page. */
    @POST
    @Path("{tag}/hotfix")
    @RolesAllowed({PRODUCT_OWNER, PLATFORM_ADMIN})
    public Response hotfix(@PathParam("tag") String tag, @RestForm("version_tag") String versionTag, @RestForm String commit,
                           @RestForm String environment, @RestForm String justification, HttpHeaders headers) {
        Attempt typed = Attempt.of("hotfix").with("version_tag", versionTag).with("commit", commit).with("environment", environment)
                .with("justification", justification);
        var order = new studio.release.Hotfixes.Order(blankToNull(versionTag), blankToNull(commit), justification, blankToNull(environment));
        String[] made = new String[1];
        return actions.run(headers, typed, () -> {
            made[0] = hotfixes.request(tag, order, user.actor()).versionTag;
            return "hotfix";
        }, screen(tag, done -> ReleasePage.path(made[0]) + "?done=" + done, () -> made[0]));
    }

    /** The hotfix's review: closes it with notes, by someone who did not request the hotfix. */
    @POST
    @Path("{tag}/hotfix-review")
    @RolesAllowed({PRODUCT_OWNER, QA_LEAD, COMPLIANCE_OFFICER})
    public Response reviewHotfix(@PathParam("tag") String tag, @RestForm String notes, HttpHeaders headers) {
        return act(tag, "hotfix-review", Attempt.of("hotfix-review").with("notes", notes), headers, () -> hotfixes.review(tag, notes, user.actor()));
    }

    @POST
    @Path("{tag}/retry")
    @RolesAllowed({PRODUCT_OWNER, PLATFORM_ADMIN})
    public Response retry(@PathParam("tag") String tag, @RestForm String environment, HttpHeaders headers) {
        return act(tag, "retry", Attempt.of("retry"), headers, () -> desk.retry(tag, environment, user.actor()));
    }

    private Response act(String tag, String action, Attempt typed, HttpHeaders headers, Runnable command) {
        return actions.run(headers, typed, action, command, screen(tag, done -> ReleasePage.path(tag) + "?done=" + done, () -> tag));
    }

    /**
     * The release page of {@code tag} as its actions answer: {@code after} where a plain form goes, {@code shown} the
     * version whose live part htmx receives (a hotfix answers with its own page).
     */
    private PageActions.Screen screen(String tag, java.util.function.Function<String, String> after, java.util.function.Supplier<String> shown) {
        return new PageActions.Screen() {
            public String noun() {
                return "release";
            }

            public URI after(String done) {
                return URI.create(after.apply(done));
            }

            public TemplateInstance live(String done) {
                return Templates.page$live(pages.read(shown.get(), user.actor()).withOutcome(NOTICES.get(done), null));
            }

            public TemplateInstance refused(Attempt attempt, boolean fragment) {
                ReleasePage p = pages.read(tag, user.actor()).withOutcome(null, attempt);
                return fragment ? Templates.page$live(p) : Templates.page(p);
            }

            public String target() {
                return "#release-live";
            }

            /** The release page answers with its live part alone; its nav badge follows on the next page load. */
            public boolean refreshesBadge() {
                return false;
            }
        };
    }

    private Response dashboardResponse(ReleaseFilters f, String after, Promotion promotion, HttpHeaders headers, boolean promoting) {
        ReleaseDashboard d;
        int status = promotion == null ? 200 : promotion.status();
        try {
            d = dashboards.read(f, after, user.actor(), promotion);
        } catch (ApiException e) {
            status = e.status();
            d = dashboards.refused(f, user.actor(), promotion, e.getMessage());
        }
        boolean fragment = !promoting && Htmx.wantsFragment(headers);
        return html(status, fragment ? Templates.dashboard$results(d) : Templates.dashboard(d));
    }

    private static Response html(int status, Object body) {
        return Htmx.varying(status, body);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
