package studio.outbound;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import studio.governance.Actor;
import studio.governance.Roles;
import studio.web.ApiException;
import studio.web.Htmx;

/**
 * Chat channels for platform admins: the channels with their queue counts, add one (a Slack or Teams incoming webhook
 * URL, a scope, the events), delete one after confirming. Each channel's deliveries (attempts, dead letters,
 * redeliver, enable, disable, test message) are on its webhook page, /admin/webhooks/{id}. Other roles get 403; a
 * refused change is recorded in the audit trail.
 */
@Path("/admin/chat-channels")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.EVERYONE)
public class ChatChannels {

    static final Map<String, String> NOTICES = Map.of(
            "added", "Chat channel added. Send it a test message from its deliveries page to check it is connected.",
            "deleted", "Chat channel deleted.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<DeliveryLog.Subscriber> channels, String notice, ChannelForm form);

        static native TemplateInstance confirmDelete(Webhook channel);
    }

    @Inject
    OutboundAdmins admins;
    @Inject
    DeliveryLog log;
    @Inject
    Subscriptions subscriptions;

    @GET
    public Response list(@RestQuery String done) {
        admins.mayView("chat channel settings");
        return Htmx.varying(200, Templates.list(log.subscribers(true), NOTICES.get(done == null ? "" : done), ChannelForm.blank()));
    }

    /** Adds the channel and shows the list; bad input shows the form again with each problem at its field, nothing stored. */
    @POST
    public Response create(@RestForm String name, @RestForm String format, @RestForm String url, @RestForm String scope,
                           @RestForm("scope_value") String scopeValue, @RestForm("event_types") List<String> eventTypes) {
        Actor actor = admins.mayChange("add a chat channel", null);
        ChatChannel channel = new ChatChannel(name, format, url, scope, scopeValue, eventTypes == null ? List.of() : eventTypes);
        try {
            subscriptions.createChannel(channel, actor);
            return Response.seeOther(URI.create("/admin/chat-channels?done=added")).build();
        } catch (ApiException e) {
            return Htmx.varying(e.status(), Templates.list(log.subscribers(true), null, new ChannelForm(channel, e.problems())));
        }
    }

    @GET
    @Path("{id}/delete")
    public Response confirmDelete(@PathParam("id") long id) {
        admins.mayView("chat channel settings");
        return Htmx.varying(200, Templates.confirmDelete(find(id)));
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("id") long id) {
        Actor actor = admins.mayChange("delete a chat channel", id);
        find(id);
        subscriptions.delete(id, actor);
        return Response.seeOther(URI.create("/admin/chat-channels?done=deleted")).build();
    }

    private static Webhook find(long id) {
        Webhook w = Webhook.findById(id);
        if (w == null || !w.isChat()) throw ApiException.notFound("unknown chat channel " + id);
        return w;
    }
}
