package studio.outbound;

import org.eclipse.microprofile.openapi.annotations.Operation;

import static studio.governance.Roles.PLATFORM_ADMIN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import studio.security.CurrentUser;

/**
 * Webhooks for scripts (platform-admin only): list with queue counts, add ({@code {"url":..,"event_types":[..]}},
 * answered 201 with the secret, the only time it is shown), delete.
 */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(PLATFORM_ADMIN)
public class WebhooksApi {

    @Inject
    CurrentUser user;
    @Inject
    DeliveryLog log;
    @Inject
    Subscriptions subscriptions;

    @GET
    @Operation(summary = "List webhooks", description = "The outbound webhooks and their last deliveries.")
    public List<ObjectNode> list() {
        return log.subscribers(false).stream().map(s -> s.counted(json(s.webhook()))).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a webhook", description = "Registers a CloudEvents webhook; answers its signing secret once.")
    public Response create(JsonNode body) {
        String url = body == null ? null : body.path("url").asText(null);
        JsonNode types = body == null ? null : body.get("event_types");
        String names = types == null || !types.isArray() ? "" : StreamSupport.stream(types.spliterator(), false)
                .map(JsonNode::asText).collect(Collectors.joining(","));
        Subscriptions.Keyed keyed = subscriptions.create(new Subscription(url, names), user.actor());
        return Response.status(201).entity(json(keyed.webhook()).put("secret", keyed.secret())).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a webhook", description = "Removes the webhook; pending deliveries are dropped.")
    public Response delete(@PathParam("id") long id) {
        subscriptions.delete(id, user.actor());
        return Response.noContent().build();
    }

    private static ObjectNode json(Webhook w) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("id", w.id).put("url", w.url).put("active", w.active)
                .put("secret_hint", w.getMaskedSecret()).put("created_by", w.createdBy).put("created_at", w.createdAt.toString());
        if (w.eventTypes == null) o.putNull("event_types");
        else List.of(w.eventTypes).forEach(o.putArray("event_types")::add);
        return o;
    }
}
