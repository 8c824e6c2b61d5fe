package studio.notify;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import studio.persistence.Rows;

/**
 * The digest's unsubscribe link, without signing in: the page says what it will do and one button does it (a GET
 * changes nothing, so a mail scanner following the link unsubscribes nobody). Every kind delivered by digest becomes
 * "in Studio only"; decisions only that person can take still reach them in the digest (as the page says).
 */
@Path("/unsubscribe")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class Unsubscribe {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unsubscribe(String token, String person, boolean done, boolean valid);
    }

    @Inject
    UnsubscribeLinks links;
    @Inject
    EntityManager em;

    @GET
    @Path("{token}")
    public Response confirm(@PathParam("token") String token) {
        var person = links.person(token);
        return Response.status(person.isPresent() ? 200 : 404).entity(Templates.unsubscribe(token, person.orElse(null), false, person.isPresent())).build();
    }

    @POST
    @Path("{token}")
    @Transactional
    public Response unsubscribe(@PathParam("token") String token) {
        var person = links.person(token);
        if (person.isEmpty()) return Response.status(404).entity(Templates.unsubscribe(token, null, false, false)).build();
        for (Notice.Kind kind : Notice.Kind.values()) {
            Rows.update(em, """
                    insert into notification_preference (person, kind, delivery) values (?, ?, 'studio')
                    on conflict (person, kind) do update set delivery = 'studio' where notification_preference.delivery = 'digest'""",
                    person.get(), kind.slug());
        }
        return Response.ok(Templates.unsubscribe(token, person.get(), true, true)).build();
    }
}
