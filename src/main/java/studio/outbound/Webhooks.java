package studio.outbound;

import studio.governance.Roles;

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
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import studio.governance.Actor;
import studio.input.InputProblem;
import studio.web.ApiException;
import studio.web.Htmx;

/**
 * Webhook settings for platform admins: subscribers with their queue counts, add (the secret is shown once), enable,
 * disable, rotate the secret, send a test event, delete after confirming, and per subscriber its dead letters (with
 * "redeliver") and every attempt, newest first. Other roles get 403; a refused change is recorded in the audit trail.
 */
@Path("/admin/webhooks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.EVERYONE)
public class Webhooks {

    static final Map<String, String> NOTICES = Map.of(
            "enabled", "Webhook enabled.", "disabled", "Webhook disabled: nothing is sent to it until it is enabled again.",
            "test", "Test event queued; it appears in the attempts below within a few seconds.",
            "redelivered", "Dead letter queued for redelivery.", "deleted", "Webhook deleted.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<DeliveryLog.Subscriber> subscribers, String notice, List<InputProblem> problems,
                                            String url, String eventTypes);

        static native TemplateInstance detail(Webhook webhook, List<DeliveryLog.DeadLetter> deadLetters, DeliveryLog.Attempts attempts,
                                              String notice);

        static native TemplateInstance detail$attempts(Webhook webhook, DeliveryLog.Attempts attempts);

        static native TemplateInstance secret(Webhook webhook, String secret, boolean rotated);

        static native TemplateInstance confirmDelete(Webhook webhook);
    }

    @Inject
    OutboundAdmins admins;
    @Inject
    DeliveryLog log;
    @Inject
    Subscriptions subscriptions;

    @GET
    public Response list(@RestQuery String done) {
        mayView();
        return html(200, Templates.list(log.subscribers(false), NOTICES.get(done == null ? "" : done), List.of(), "", ""));
    }

    @POST
    public Response create(@RestForm String url, @RestForm("event_types") String eventTypes) {
        Actor actor = mayChange("add a webhook", null);
        try {
            Subscriptions.Keyed keyed = subscriptions.create(new Subscription(url, eventTypes), actor);
            return secretPage(keyed, false);
        } catch (ApiException e) {
            return html(e.status(), Templates.list(log.subscribers(false), null, e.problems(), url, eventTypes));
        }
    }

    @GET
    @Path("{id}")
    public Response detail(@PathParam("id") long id, @RestQuery Long before, @RestQuery String done) {
        mayView();
        Webhook w = find(id);
        return html(200, Templates.detail(w, log.deadLetters(id), log.attempts(id, before), NOTICES.get(done == null ? "" : done)));
    }

    /** "Older attempts": the next page's rows for htmx; opened directly, the whole page from there. */
    @GET
    @Path("{id}/attempts")
    public Response attempts(@PathParam("id") long id, @RestQuery Long before, HttpHeaders headers) {
        mayView();
        if (!Htmx.wantsFragment(headers)) {
            return Response.seeOther(URI.create("/admin/webhooks/" + id + (before == null ? "" : "?before=" + before))).build();
        }
        return html(200, Templates.detail$attempts(find(id), log.attempts(id, before)));
    }

    @POST
    @Path("{id}/{change: enable|disable}")
    public Response setActive(@PathParam("id") long id, @PathParam("change") String change) {
        subscriptions.setActive(id, "enable".equals(change), mayChange(change + " a webhook", id));
        return back(id, change + "d");
    }

    @POST
    @Path("{id}/rotate")
    public Response rotate(@PathParam("id") long id) {
        return secretPage(subscriptions.rotate(id, mayChange("rotate a webhook secret", id)), true);
    }

    @POST
    @Path("{id}/test")
    public Response test(@PathParam("id") long id) {
        subscriptions.sendTest(id, mayChange("send a test event", id));
        return back(id, "test");
    }

    @GET
    @Path("{id}/delete")
    public Response confirmDelete(@PathParam("id") long id) {
        mayView();
        return html(200, Templates.confirmDelete(find(id)));
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("id") long id) {
        subscriptions.delete(id, mayChange("delete a webhook", id));
        return Response.seeOther(URI.create("/admin/webhooks?done=deleted")).build();
    }

    @POST
    @Path("deliveries/{delivery}/redeliver")
    public Response redeliver(@PathParam("delivery") long delivery) {
        long webhook = subscriptions.redeliver(delivery, mayChange("redeliver a dead letter", null));
        return back(webhook, "redelivered");
    }

    private void mayView() {
        admins.mayView("webhook settings");
    }

    private Actor mayChange(String action, Long webhookId) {
        return admins.mayChange(action, webhookId);
    }

    private Webhook find(long id) {
        Webhook w = Webhook.findById(id);
        if (w == null) throw ApiException.notFound("unknown webhook " + id);
        return w;
    }

    private static Response secretPage(Subscriptions.Keyed keyed, boolean rotated) {
        // The only response that carries the secret: never cached, never stored in history.
        return Response.ok(Templates.secret(keyed.webhook(), keyed.secret(), rotated)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").build();
    }

    private static Response back(long id, String done) {
        return Response.seeOther(URI.create("/admin/webhooks/" + id + "?done=" + done)).build();
    }

    private static Response html(int status, TemplateInstance page) {
        return Htmx.varying(status, page);
    }
}
