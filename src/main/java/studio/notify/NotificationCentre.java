package studio.notify;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import studio.governance.Roles;
import studio.persistence.Rows;
import studio.security.CurrentUser;
import studio.web.Htmx;

/**
 * The notification centre: what happened to things the signed-in person asked for and what waits for their decision,
 * newest first, with a link straight to where it is decided; mark one or all read; choose how each kind reaches them.
 * Platform admins also see the emails Studio gave up on. Forms work without JavaScript (POST, 303 back); with htmx
 * the list and the bell are swapped in place.
 */
@Path("/notifications")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.EVERYONE)
public class NotificationCentre {

    /** An email Studio gave up on, for platform admins. */
    public record Failed(long id, String recipient, String subject, String error, Instant createdAt) {}

    /** One row of the preferences form. */
    public record Choice(Notice.Kind kind, Delivery chosen) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance centre(List<Notifications.Stored> items, Long next, boolean unreadOnly, long unread, List<Failed> failed,
                                              String notice, boolean swapped);

        static native TemplateInstance centre$list(List<Notifications.Stored> items, Long next, boolean unreadOnly, long unread,
                                                   List<Failed> failed, String notice, boolean swapped);

        static native TemplateInstance preferences(List<Choice> choices, List<Delivery> deliveries, String email, String notice, String error,
                                                   String mailInbox);
    }

    @io.quarkus.qute.Location("tags/bell.html")
    io.quarkus.qute.Template bell;

    @Inject
    CurrentUser user;
    @Inject
    Notifications store;
    @Inject
    EntityManager em;
    @Inject
    People people;
    /** Where a local mail catcher shows what Studio sent (./studio run and docker compose set it; a real deployment does not). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "studio.mail-inbox-url")
    java.util.Optional<String> mailInbox;

    @GET
    public Response centre(@RestQuery Long before, @RestQuery String unread, @RestQuery String done, HttpHeaders headers) {
        return Htmx.varying(200, page(before, "1".equals(unread), "read".equals(done) ? "Marked as read." : null, Htmx.wantsFragment(headers)));
    }

    @GET
    @Path("bell")
    public TemplateInstance bell() {
        return bell.data("count", store.unread(user.getName()));
    }

    /** Opens a notice: marks it read and goes where it points (a path in Studio only). */
    @GET
    @Path("{id}/open")
    @Transactional
    public Response open(@PathParam("id") long id) {
        Notifications.Stored n = store.find(user.getName(), id).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        store.markRead(user.getName(), id);
        boolean inStudio = n.link().startsWith("/") && !n.link().startsWith("//") && !n.link().contains("\\");
        return Htmx.seeOther(URI.create(inStudio ? n.link() : "/notifications"));
    }

    @POST
    @Path("{id}/read")
    @Transactional
    public Response read(@PathParam("id") long id, HttpHeaders headers) {
        if (!store.markRead(user.getName(), id)) throw new jakarta.ws.rs.NotFoundException();
        return after(headers);
    }

    @POST
    @Path("read-all")
    @Transactional
    public Response readAll(HttpHeaders headers) {
        store.markAllRead(user.getName());
        return after(headers);
    }

    @GET
    @Path("preferences")
    public TemplateInstance preferences(@RestQuery String done) {
        return preferencesPage("saved".equals(done) ? "Saved." : null, null);
    }

    @POST
    @Path("preferences")
    @Transactional
    public Response choose(@RestForm String decisions, @RestForm String reminders, @RestForm String outcomes) {
        Map<Notice.Kind, String> asked = new java.util.EnumMap<>(Notice.Kind.class);
        asked.put(Notice.Kind.DECISIONS, decisions);
        asked.put(Notice.Kind.REMINDERS, reminders);
        asked.put(Notice.Kind.OUTCOMES, outcomes);
        List<String> wrong = new ArrayList<>();
        Map<Notice.Kind, Delivery> chosen = new java.util.EnumMap<>(Notice.Kind.class);
        asked.forEach((kind, value) -> {
            if (value == null || value.isBlank()) return;
            try {
                chosen.put(kind, Delivery.fromSlug(value));
            } catch (IllegalArgumentException e) {
                wrong.add(kind.slug() + ": " + e.getMessage());
            }
        });
        if (!wrong.isEmpty()) return Response.status(400).entity(preferencesPage(null, String.join("; ", wrong))).build();
        chosen.forEach((kind, delivery) -> store.choose(user.getName(), kind, delivery));
        return Htmx.seeOther(URI.create("/notifications/preferences?done=saved"));
    }

    private TemplateInstance preferencesPage(String notice, String error) {
        Map<Notice.Kind, Delivery> prefs = store.preferencesOf(user.getName());
        List<Choice> choices = prefs.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue())).toList();
        String email = people.find(user.getName()).map(Person::email).filter(e -> e != null && e.contains("@")).orElse(user.getEmail());
        return Templates.preferences(choices, List.of(Delivery.values()), email, notice, error, mailInbox.orElse(null));
    }

    private Response after(HttpHeaders headers) {
        if (Htmx.wantsFragment(headers)) return Htmx.varying(200, page(null, false, "Marked as read.", true));
        return Htmx.seeOther(URI.create("/notifications?done=read"));
    }

    private TemplateInstance page(Long before, boolean unreadOnly, String notice, boolean fragment) {
        List<Notifications.Stored> rows = store.page(user.getName(), before, unreadOnly);
        Long next = rows.size() > Notifications.PAGE ? rows.get(Notifications.PAGE - 1).id() : null;
        List<Notifications.Stored> items = rows.size() > Notifications.PAGE ? rows.subList(0, Notifications.PAGE) : rows;
        long unread = store.unread(user.getName());
        List<Failed> failed = user.has(Roles.PLATFORM_ADMIN) ? failed() : List.of();
        // A swapped list also updates the bell in the top bar (out of band); a full page has the bell in its top bar already.
        return fragment ? Templates.centre$list(items, next, unreadOnly, unread, failed, notice, true)
                : Templates.centre(items, next, unreadOnly, unread, failed, notice, false);
    }

    private List<Failed> failed() {
        return Rows.list(em, """
                select id, recipient, subject, email_error, created_at from notification where email_status = 'failed'
                order by id desc limit 20""",
                r -> new Failed(r.number("id"), r.text("recipient"), r.text("subject"), r.text("email_error"), r.instant("created_at")));
    }
}
